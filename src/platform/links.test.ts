import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agreementLink,
  answerLink,
  caseLink,
  caseLinkFor,
  collaborationLink,
  loginLink,
  myCaseLink,
  partyLoginLink,
  responseConfirmLink,
  responsePeriodLink,
  responsePeriodsLink,
  setPasswordLink,
  WEB_ROUTES,
} from './links.js';

const base = 'https://regie.example.nl';

describe('links into the web app', () => {
  it.each([
    [caseLink(base, 'c1'), 'https://regie.example.nl/zaken/c1'],
    [myCaseLink(base, 'c1'), 'https://regie.example.nl/mijn-zaak/c1'],
    [caseLinkFor(base, 'c1', 'initiator'), 'https://regie.example.nl/mijn-zaak/c1'],
    [caseLinkFor(base, 'c1', 'director'), 'https://regie.example.nl/zaken/c1'],
    [caseLinkFor(base, 'c1', 'specialist'), 'https://regie.example.nl/zaken/c1'],
    [loginLink(base, 'abc'), 'https://regie.example.nl/inloggen/link#abc'],
    [answerLink(base, 'm1.xyz'), 'https://regie.example.nl/toets/m1.xyz'],
    [setPasswordLink(base, 'abc'), 'https://regie.example.nl/wachtwoord/instellen#abc'],
    [responseConfirmLink(base, 'abc'), 'https://regie.example.nl/reageren/bevestigen#abc'],
    [responsePeriodsLink(base, 'voorbeeld'), 'https://regie.example.nl/reageren/voorbeeld'],
    [responsePeriodLink(base, 'voorbeeld', 'p1'), 'https://regie.example.nl/reageren/voorbeeld/p1'],
  ])('%s', (link, expected) => expect(link).toBe(expected));

  it('builds each link on the route it names', () => {
    const fill = (route: string, value: string) => `${base}/${route.replace(/:\w+$/, value)}`;
    expect(caseLink(base, 'c1')).toBe(fill(WEB_ROUTES.case, 'c1'));
    expect(myCaseLink(base, 'c1')).toBe(fill(WEB_ROUTES.myCase, 'c1'));
    expect(loginLink(base, 'abc')).toBe(`${fill(WEB_ROUTES.loginLink, '')}#abc`);
    expect(answerLink(base, 't')).toBe(fill(WEB_ROUTES.answer, 't'));
    expect(setPasswordLink(base, 'abc')).toBe(`${fill(WEB_ROUTES.setPassword, '')}#abc`);
    expect(responseConfirmLink(base, 'abc')).toBe(`${fill(WEB_ROUTES.responseConfirm, '')}#abc`);
    const fillAll = (route: string, ...values: string[]) => `${base}/${values.reduce((r, v) => r.replace(/:\w+/, v), route)}`;
    expect(responsePeriodsLink(base, 'voorbeeld')).toBe(fillAll(WEB_ROUTES.responsePeriods, 'voorbeeld'));
    expect(responsePeriodLink(base, 'voorbeeld', 'p1')).toBe(fillAll(WEB_ROUTES.responsePeriod, 'voorbeeld', 'p1'));
    expect(collaborationLink(base, 'c1')).toBe(fill(WEB_ROUTES.collaboration, 'c1'));
    expect(agreementLink(base, 't')).toBe(fill(WEB_ROUTES.agreementLink, 't'));
    expect(partyLoginLink(base, 'abc')).toBe(`${fill(WEB_ROUTES.partyLogin, '')}#abc`);
  });

  it('names only routes that the web app has', () => {
    const router = readFileSync(new URL('../../web/src/router.tsx', import.meta.url), 'utf8');
    // A route is declared as `{ path: '…', … }` or, behind an ability, as `guarded('…', …)`.
    const paths = new Set([...router.matchAll(/(?:path: |guarded\()'([^']+)'/g)].map((m) => m[1]));
    expect(paths.size).toBeGreaterThan(10);
    for (const route of Object.values(WEB_ROUTES)) expect(paths).toContain(route);
  });
});
