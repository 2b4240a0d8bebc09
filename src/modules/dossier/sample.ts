// A complete sample dossier (the paint-spraying shop) for the pure tests of the
// content, the hash and the layout: every section filled, Dutch characters included.
import type { DossierData } from './model.js';

export function sampleDossier(): DossierData {
  const mandate = {
    holder: 'Erik Meijer (wethouder Economie)',
    delegatedBy: 'het college',
    validFrom: '2026-01-01',
    validUntil: null,
  };
  const d: DossierData = {
    municipality: 'Gemeente Voorbeeld',
    case: {
      reference: 'VB-2026-000001',
      title: 'Stoppen met autospuiten en het pand Marktstraat 12 verhuren',
      description: 'Ik wil stoppen met spuiten en het pand verhuren: winkels beneden, woningen op de verdieping.',
      location: 'Marktstraat 12',
      area: 'Centrum',
      themes: ['Ondernemen', 'Wonen'],
      status: 'executing',
      channel: 'web',
      initiator: { name: 'Henk van Dijk', company: 'Autospuiterij Van Dijk B.V.' },
      director: 'Sanne Jansen',
      submittedAt: '2026-02-02T08:30:00.000Z',
      intakeAt: '2026-02-05T09:10:00.000Z',
      clockStartedOn: '2026-02-09',
      planDueOn: '2026-03-23',
      suspensions: [{ startedOn: '2026-02-16', endedOn: '2026-02-20', reason: 'Wacht op de schets van de architect' }],
      closedAt: null,
      withdrawnReason: null,
    },
    plan: {
      version: 2,
      agreed: true,
      goal: 'Winkels op de begane grond en woningen op de verdieping, met één haalbare vergunningsroute.',
      directorAgreed: { by: 'Sanne Jansen', at: '2026-03-10T10:00:00.000Z' },
      initiatorAgreed: { by: 'Henk van Dijk', at: '2026-03-11T15:30:00.000Z' },
      actions: [
        { position: 1, description: 'Schets van de nieuwe indeling aanleveren', owner: 'de initiatiefnemer', dueOn: '2026-03-20', status: 'done' },
        { position: 2, description: 'Toets aan het omgevingsplan', owner: 'Ruimtelijke ordening', dueOn: '2026-04-01', status: 'open' },
        {
          position: 3,
          description: 'Beëindiging van de milieuactiviteit spuiterij afhandelen',
          owner: 'Omgevingsdienst Regio',
          dueOn: '2026-04-15',
          status: 'open',
        },
      ],
      newerDraftVersion: null,
    },
    assessment: {
      rounds: [
        {
          number: 1,
          proposal: 'Begane grond: twee winkels; verdieping: vier appartementen.',
          sameProposalAs: null,
          openedOn: '2026-02-23',
          termEndsOn: '2026-03-09',
          closedAt: '2026-03-10T00:05:00.000Z',
          parties: [
            {
              name: 'Ruimtelijke ordening',
              organisation: null,
              answer: {
                kind: 'objection',
                conditions: null,
                rules: [{ code: 'OP-4.12', title: 'Bedrijfsactiviteiten tot categorie 2', legalSource: 'Omgevingsplan artikel 4.12', strict: false }],
                whyApplies: 'Wonen boven een bedrijfsbestemming past niet zonder afwijking.',
                howItCouldBeDone: 'Met een omgevingsvergunning voor een buitenplanse activiteit kan wonen op de verdieping wél.',
                answeredAt: '2026-03-02T13:00:00.000Z',
                answeredBy: 'Wouter Mulder',
                asOf: null,
                late: false,
                overrule: {
                  reason: 'Het centrum heeft woningen nodig; de afwijking wordt meegenomen.',
                  by: 'Erik Meijer (wethouder Economie)',
                  at: '2026-03-12T09:00:00.000Z',
                  mandates: [{ ...mandate, scope: { kind: 'overrule', domain: 'physical' } }],
                },
              },
            },
            {
              name: 'Omgevingsdienst Regio',
              organisation: 'Omgevingsdienst',
              answer: {
                kind: 'yesWithConditions',
                conditions: 'Bodemonderzoek vóór de verbouwing; resultaat naar de omgevingsdienst.',
                rules: [],
                whyApplies: null,
                howItCouldBeDone: null,
                answeredAt: '2026-03-04T10:00:00.000Z',
                answeredBy: 'Ingrid Smit',
                asOf: null,
                late: false,
                overrule: null,
              },
            },
            {
              name: 'Economische zaken',
              organisation: null,
              answer: {
                kind: 'silence',
                conditions: null,
                rules: [],
                whyApplies: null,
                howItCouldBeDone: null,
                answeredAt: '2026-03-10T00:05:00.000Z',
                answeredBy: 'Regie',
                asOf: '2026-03-09',
                late: false,
                overrule: null,
              },
            },
          ],
        },
      ],
      outcome: { conditions: [], objections: [] },
      lateObjections: [
        {
          party: 'Vergunningen en handhaving',
          roundNumber: 1,
          at: '2026-03-13T08:00:00.000Z',
          cause: 'afterClose',
          rules: [{ code: 'BB-BRAND', title: 'Brandveiligheid van woningen boven bedrijven', legalSource: 'Besluit bouwwerken leefomgeving', strict: true }],
          whyApplies: 'Vluchtroute ontbreekt.',
          status: 'setAside',
          decision: { by: 'Ruud Verhoeven', at: '2026-03-14T09:00:00.000Z', reason: 'Had binnen de termijn gekund; de vluchtroute staat al in het plan.' },
        },
      ],
    },
    commitments: [
      {
        madeBy: { name: 'Erik Meijer', role: 'wethouder Economie' },
        madeTo: 'Henk van Dijk',
        what: 'De gemeente betaalt de helft van het bodemonderzoek, tot € 12.500.',
        dueOn: '2026-05-01',
        madeVia: 'meeting',
        madeOn: '2026-03-05',
        decision: { kind: 'commitMoney', amountCents: 1_250_000 },
        status: 'binding',
        statusReason: null,
        mandates: [{ ...mandate, scope: { kind: 'commitMoney', upToCents: 2_500_000 } }],
        history: [{ at: '2026-03-05T14:00:00.000Z', by: 'Sanne Jansen', change: 'vastgelegd: bindend (binnen mandaat)' }],
      },
      {
        madeBy: { name: 'Sanne Jansen', role: 'case-regisseur' },
        madeTo: 'Henk van Dijk',
        what: 'Binnen twee weken een gesprek met de brandweer.',
        dueOn: '2026-03-27',
        madeVia: 'phone',
        madeOn: '2026-03-13',
        decision: { kind: 'other' },
        status: 'kept',
        statusReason: null,
        mandates: [],
        history: [],
      },
    ],
    timeline: [
      {
        at: '2026-02-02T08:30:00.000Z',
        actor: 'Henk van Dijk',
        type: 'case.submitted',
        visibility: 'shared',
        payload: { reference: 'VB-2026-000001', channel: 'web', registeredBy: null },
      },
      {
        at: '2026-02-03T09:00:00.000Z',
        actor: 'Sanne Jansen',
        type: 'note.added',
        visibility: 'internal',
        payload: { text: 'Eerst langs in de Marktstraat.' },
      },
    ],
  };
  // The consolidated outcome as the assessment module derives it: one answer per party.
  const answered = d.assessment.rounds.flatMap((r) => r.parties.flatMap((p) => (p.answer ? [{ party: p.name, roundNumber: r.number, answer: p.answer }] : [])));
  d.assessment.outcome = {
    conditions: answered.filter((x) => x.answer.kind === 'yesWithConditions'),
    objections: answered.filter((x) => x.answer.kind === 'objection'),
  };
  return d;
}
