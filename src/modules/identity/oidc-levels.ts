// Assurance levels of DigiD and eHerkenning as an OpenID Connect broker passes them on
// in `acr` (docs/product.md#logging-in-through-openid-connect). The NL GOV Assurance
// profile for OIDC uses the eIDAS levels; brokers also pass DigiD's SAML
// authentication contexts and eHerkenning's assurance classes as they are. All are put
// on one scale, so a minimum set in one vocabulary can be met in another.

export const LEVELS: Record<string, number> = {
  // DigiD: basis, midden, substantieel, hoog
  'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport': 10,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract': 20,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard': 30,
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI': 40,
  // eHerkenning
  'urn:etoegang:core:assurance-class:loa1': 10,
  'urn:etoegang:core:assurance-class:loa2': 20,
  'urn:etoegang:core:assurance-class:loa2plus': 25,
  'urn:etoegang:core:assurance-class:loa3': 30,
  'urn:etoegang:core:assurance-class:loa4': 40,
  // eIDAS (NL GOV Assurance profile)
  'http://eidas.europa.eu/LoA/low': 20,
  'http://eidas.europa.eu/LoA/substantial': 30,
  'http://eidas.europa.eu/LoA/high': 40,
};

export const KNOWN_LEVELS = Object.keys(LEVELS);

/** Does the level the issuer vouches for reach the minimum? An unknown or missing level never does. */
export function meetsLevel(acr: unknown, minimum: string | null): boolean {
  if (!minimum) return true;
  const need = LEVELS[minimum];
  const got = typeof acr === 'string' ? LEVELS[acr] : undefined;
  return need !== undefined && got !== undefined && got >= need;
}

/** A BSN: nine digits that pass the eleven test (elfproef). */
export function isBsn(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{9}$/.test(v)) return false;
  const d = [...v].map(Number);
  const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - (d[8] as number);
  return sum % 11 === 0 && v !== '000000000';
}

/** A KvK number: eight digits. */
export const isKvk = (v: unknown): v is string => typeof v === 'string' && /^\d{8}$/.test(v);

/** A branch number (vestigingsnummer) of the KvK: twelve digits. */
export const isBranchNumber = (v: unknown): v is string => typeof v === 'string' && /^\d{12}$/.test(v);

/** The acting person's name from the claims: `name`, or `given_name` and `family_name`. */
export function personName(claims: Record<string, unknown>): string | null {
  const name = typeof claims.name === 'string' ? claims.name : [claims.given_name, claims.family_name].filter((x) => typeof x === 'string').join(' ');
  return name.trim().slice(0, 200) || null;
}

/**
 * What an eHerkenning login says besides the KvK number
 * (docs/product.md#eherkenning-branches-and-acting-persons): the branch it acts from
 * (`vestigingsnummer`, twelve digits; anything else counts as no branch), and the
 * acting person — their name and their pseudonym (`acting_subject_id`, or else `sub`,
 * which a broker fills with eHerkenning's ActingSubjectID).
 */
export function eHerkenningDetails(claims: Record<string, unknown>): {
  branchNumber: string | null;
  actingName: string | null;
  actingPseudonym: string | null;
} {
  const pseudonym = typeof claims.acting_subject_id === 'string' ? claims.acting_subject_id : typeof claims.sub === 'string' ? claims.sub : '';
  return {
    branchNumber: isBranchNumber(claims.vestigingsnummer) ? claims.vestigingsnummer : null,
    actingName: personName(claims),
    actingPseudonym: pseudonym.trim().slice(0, 200) || null,
  };
}
