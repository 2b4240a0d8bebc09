// Assurance levels, BSN and KvK number checks, and the sealing of login secrets
// (docs/product.md#logging-in-through-openid-connect).
import { describe, expect, it } from 'vitest';
import { mappedGroup, roleFromGroups } from './oidc.js';
import { keyedHash, seal, unseal } from './oidc-crypto.js';
import { eHerkenningDetails, isBranchNumber, isBsn, isKvk, meetsLevel } from './oidc-levels.js';

const DIGID_MIDDEN = 'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract';
const DIGID_SUBSTANTIEEL = 'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard';
const LOA3 = 'urn:etoegang:core:assurance-class:loa3';

describe('assurance levels', () => {
  it.each([
    [DIGID_SUBSTANTIEEL, DIGID_MIDDEN, true],
    [DIGID_MIDDEN, DIGID_MIDDEN, true],
    ['urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport', DIGID_MIDDEN, false],
    ['http://eidas.europa.eu/LoA/substantial', LOA3, true],
    ['urn:etoegang:core:assurance-class:loa2plus', LOA3, false],
    ['urn:etoegang:core:assurance-class:loa4', 'http://eidas.europa.eu/LoA/high', true],
    ['something-else', DIGID_MIDDEN, false],
    [undefined, DIGID_MIDDEN, false],
    [undefined, null, true],
  ])('%s against minimum %s → %s', (acr, min, ok) => {
    expect(meetsLevel(acr, min)).toBe(ok);
  });
});

describe('numbers', () => {
  it('a BSN passes the eleven test', () => {
    expect(isBsn('111222333')).toBe(true);
    expect(isBsn('123456782')).toBe(true);
    expect(isBsn('123456789')).toBe(false);
    expect(isBsn('11122233')).toBe(false);
    expect(isBsn('000000000')).toBe(false);
    expect(isBsn(111222333)).toBe(false);
  });
  it('a KvK number has eight digits', () => {
    expect(isKvk('12345678')).toBe(true);
    expect(isKvk('1234567')).toBe(false);
    expect(isKvk('1234567a')).toBe(false);
  });
});

describe('sealing and keyed hashes', () => {
  const config = { secret: 'a-test-secret-of-at-least-32-characters!', dataDir: '/nonexistent' };
  const otherConfig = { secret: 'another-secret-of-at-least-32-characters', dataDir: '/nonexistent' };

  it('seals so that only the same secret and purpose open it, and a changed byte fails', () => {
    const sealed = seal(config, 'client-secret');
    expect(sealed).not.toContain('client-secret');
    expect(unseal(config, sealed)).toBe('client-secret');
    expect(unseal(otherConfig, sealed)).toBeNull();
    expect(unseal(config, sealed, 'oidc-state')).toBeNull();
    const body = Buffer.from(sealed.slice(3), 'base64url');
    body[body.length - 1] = (body[body.length - 1] as number) ^ 1;
    expect(unseal(config, `v1.${body.toString('base64url')}`)).toBeNull();
    expect(unseal(config, 'not sealed')).toBeNull();
    expect(seal(config, 'x')).not.toBe(seal(config, 'x'));
  });

  it('hashes a number with the server’s key, per kind', () => {
    const h = keyedHash(config, 'bsn', '111222333');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).toBe(keyedHash(config, 'bsn', '111222333'));
    expect(h).not.toBe(keyedHash(otherConfig, 'bsn', '111222333'));
    expect(h).not.toBe(keyedHash(config, 'kvk', '111222333'));
  });
});

describe('group → role', () => {
  const table = [
    { group: 'coordinatoren', role: 'coordinator' as const },
    { group: 'medewerkers', role: 'director' as const },
  ];
  it('the first group in the table that the person holds sets the role', () => {
    expect(roleFromGroups(table, ['medewerkers', 'coordinatoren'])).toBe('coordinator');
    expect(roleFromGroups(table, ['medewerkers'])).toBe('director');
    expect(roleFromGroups(table, 'medewerkers')).toBe('director');
    expect(roleFromGroups(table, ['anders'])).toBeNull();
    expect(roleFromGroups(table, undefined)).toBeNull();
    expect(mappedGroup(table, ['medewerkers', 'coordinatoren'])).toEqual({ group: 'coordinatoren', role: 'coordinator' });
    expect(mappedGroup(table, ['anders'])).toBeUndefined();
  });
});

// docs/product.md#eherkenning-branches-and-acting-persons
describe('what an eHerkenning login says besides the KvK number', () => {
  it('the branch is twelve digits or none; the person is named and has a pseudonym', () => {
    expect(isBranchNumber('000012345678')).toBe(true);
    for (const bad of ['12345678', '0000123456789', '00001234567x', 12345678, null]) expect(isBranchNumber(bad)).toBe(false);
    expect(eHerkenningDetails({ kvk: '12345678', vestigingsnummer: '000012345678', name: ' Anna de Vries ', acting_subject_id: 'p-1', sub: 's-1' })).toEqual({
      branchNumber: '000012345678',
      actingName: 'Anna de Vries',
      actingPseudonym: 'p-1',
    });
    expect(eHerkenningDetails({ kvk: '12345678', vestigingsnummer: 'hoofdvestiging', given_name: 'Piet', family_name: 'Bakker', sub: 's-2' })).toEqual({
      branchNumber: null,
      actingName: 'Piet Bakker',
      actingPseudonym: 's-2',
    });
    expect(eHerkenningDetails({ kvk: '12345678' })).toEqual({ branchNumber: null, actingName: null, actingPseudonym: null });
  });
});
