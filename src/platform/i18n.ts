// Server-side message catalogue: problem titles and field messages in Dutch (the
// default) and English. The web app has its own catalogue for the interface.
export type Locale = 'nl' | 'en';

const nl: Record<string, string> = {
  'error.notFound': 'Niet gevonden.',
  'error.forbidden': 'U mag dit niet doen.',
  'error.unauthenticated': 'U bent niet ingelogd.',
  'error.invalidCredentials': 'E-mailadres of wachtwoord is onjuist.',
  'error.invalidLink': 'Deze inloglink is verlopen of al gebruikt. Vraag een nieuwe aan.',
  'error.csrf': 'De beveiligingscode (CSRF) ontbreekt of klopt niet. Laad de pagina opnieuw.',
  'error.staleVersion': 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  'error.invalidInput': 'De invoer is niet geldig.',
  'error.rateLimited': 'Te veel pogingen. Probeer het over een minuut opnieuw.',
  'error.internal': 'Er ging iets mis aan onze kant. Probeer het later opnieuw.',
  'error.required': 'Dit veld is verplicht.',
  'error.reasonRequired': 'Geef een reden op.',
  'error.unknownArea': 'Dit gebied bestaat niet in deze gemeente.',
  'error.unknownTheme': 'Een of meer thema’s bestaan niet in deze gemeente.',
  'error.unknownDepartment': 'Een of meer afdelingen bestaan niet in deze gemeente.',
  'error.unknownMunicipality': 'Deze gemeente bestaat niet.',
  'error.emailBelongsToStaff': 'Dit e-mailadres hoort bij een medewerker; gebruik een ander adres.',
  'error.notADirector': 'Deze persoon is geen actieve case-regisseur van deze gemeente.',
  'error.alreadyAssigned': 'Deze regisseur is al toegewezen.',
  'error.transitionNotAllowed': 'Een zaak met status "{from}" kan niet naar "{to}".',
  'error.needsDirector': 'Wijs eerst een case-regisseur toe.',
  'error.needsAgreedPlan': 'Een zaak gaat pas naar uitvoering als initiatiefnemer en regisseur het plan hebben geaccordeerd.',
  'error.clockNotRunning': 'De planklok loopt alleen in de fase planvorming.',
  'error.alreadySuspended': 'De klok is al opgeschort.',
  'error.notSuspended': 'De klok is niet opgeschort.',
  'error.alreadyAgreed': 'U heeft deze versie al geaccordeerd.',
  'error.noChange': 'Er is niets gewijzigd.',
  'error.badCursor': 'De paginacursor is ongeldig.',
  'error.duplicate': 'Dit bestaat al.',
  'error.inUse': 'Dit is nog in gebruik en kan niet worden verwijderd.',
  'error.weakPassword': 'Een wachtwoord heeft minstens 12 tekens.',
};

const en: Record<string, string> = {
  'error.notFound': 'Not found.',
  'error.forbidden': 'You may not do this.',
  'error.unauthenticated': 'You are not logged in.',
  'error.invalidCredentials': 'E-mail address or password is incorrect.',
  'error.invalidLink': 'This login link has expired or was already used. Ask for a new one.',
  'error.csrf': 'The security code (CSRF) is missing or wrong. Reload the page.',
  'error.staleVersion': 'Someone else changed this in the meantime. Reload the page and try again.',
  'error.invalidInput': 'The input is not valid.',
  'error.rateLimited': 'Too many attempts. Try again in a minute.',
  'error.internal': 'Something went wrong on our side. Please try again later.',
  'error.required': 'This field is required.',
  'error.reasonRequired': 'Give a reason.',
  'error.unknownArea': 'This area does not exist in this municipality.',
  'error.unknownTheme': 'One or more themes do not exist in this municipality.',
  'error.unknownDepartment': 'One or more departments do not exist in this municipality.',
  'error.unknownMunicipality': 'This municipality does not exist.',
  'error.emailBelongsToStaff': 'This e-mail address belongs to a staff member; use another address.',
  'error.notADirector': 'This person is not an active case director of this municipality.',
  'error.alreadyAssigned': 'This director is already assigned.',
  'error.transitionNotAllowed': 'A case with status "{from}" cannot move to "{to}".',
  'error.needsDirector': 'Assign a case director first.',
  'error.needsAgreedPlan': 'A case moves to execution only when initiator and director have agreed the plan.',
  'error.clockNotRunning': 'The plan clock only runs during planning.',
  'error.alreadySuspended': 'The clock is already suspended.',
  'error.notSuspended': 'The clock is not suspended.',
  'error.alreadyAgreed': 'You already agreed to this version.',
  'error.noChange': 'Nothing changed.',
  'error.badCursor': 'The page cursor is invalid.',
  'error.duplicate': 'This already exists.',
  'error.inUse': 'This is still in use and cannot be deleted.',
  'error.weakPassword': 'A password has at least 12 characters.',
};

const catalogues: Record<Locale, Record<string, string>> = { nl, en };

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = catalogues[locale][key] ?? catalogues.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

/** Dutch unless the client prefers English over Dutch. */
export function negotiateLocale(acceptLanguage: string | undefined, userLocale?: Locale): Locale {
  if (userLocale) return userLocale;
  if (!acceptLanguage) return 'nl';
  const prefs = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  const first = prefs.find((p) => p.tag === 'nl' || p.tag === 'en');
  return first?.tag === 'en' ? 'en' : 'nl';
}
