// The demo municipalities as data: organisation, staff and the story of every case.
// seed.ts plays these stories through the real use-cases.
//
// Time in a story is counted in days before "now" (the clock of the seeding call):
// `submitted: 27` means the case came in 27 days ago; every step says on which day
// it happened, and within a case the days only go down. Action due dates count in
// days after the day the plan was saved.
import type { Role } from '../platform/db/schema.js';

export const DEMO_PASSWORD = 'regie-demo-2026';

export type Domain = 'social' | 'physical' | 'safety' | 'economy' | 'governance';

export interface StaffSeed {
  /** short handle the stories use */
  key: string;
  name: string;
  email: string;
  role: Exclude<Role, 'initiator'>;
  department?: string;
  areas?: string[];
  themes?: string[];
  /** listed in the demo logins that `regie serve` prints */
  login?: boolean;
}

export interface InitiatorSeed {
  name: string;
  email: string;
  phone?: string;
  company?: string;
  kvkNumber?: string;
  locale?: 'nl' | 'en';
}

export type ActionOwner = 'initiator' | 'director' | { department: string } | { external: string };

export interface ActionSeed {
  text: string;
  owner: ActionOwner;
  dueInDays: number;
  /** only for a later plan version that carries progress over */
  status?: 'open' | 'done' | 'dropped';
}

export interface PlanSeed {
  goal: string;
  actions: ActionSeed[];
}

/** Who acts is implied: the coordinator assigns, the case's director does the rest, unless `by` says otherwise. */
export type Step =
  | { day: number; kind: 'assign'; director: string; reason?: string }
  | { day: number; kind: 'status'; to: 'intake' | 'planning' | 'closed'; reason?: string }
  | { day: number; kind: 'withdraw'; by: 'initiator' | 'director' | 'coordinator'; reason: string }
  | { day: number; kind: 'suspend'; reason: string }
  | { day: number; kind: 'resume' }
  | { day: number; kind: 'plan'; plan: PlanSeed }
  | { day: number; kind: 'agree'; by: 'initiator' | 'director' }
  | { day: number; kind: 'actionDone'; position: number }
  | { day: number; kind: 'note'; text: string; visibility: 'internal' | 'shared' }
  | { day: number; kind: 'message'; from: 'initiator' | 'director'; text: string }
  // ---- the integrated assessment and commitments on record ----
  | { day: number; kind: 'openRound'; proposal: string; departments: string[] }
  | { day: number; kind: 'answer'; by: string; department: string; answer: AnswerSeed }
  | {
      day: number;
      kind: 'commitment';
      madeBy: string;
      what: string;
      dueInDays: number;
      madeVia: 'meeting' | 'phone' | 'letter' | 'email';
      decision: DecisionSeed;
    }
  /** the case's latest commitment kept or broken (docs/product.md#commitments-on-record) */
  | { day: number; kind: 'outcome'; status: 'kept' | 'broken'; reason?: string }
  // ---- listening: neighbours respond, the initiator gives a report mark ----
  | { day: number; kind: 'openResponsePeriod'; period: ResponsePeriodSeed }
  | { day: number; kind: 'respond'; response: ResponseSeed }
  | { day: number; kind: 'survey'; answer: SurveyAnswerSeed };

/** A response period the director opens (docs/product.md#response-periods). */
export interface ResponsePeriodSeed {
  summary: string;
  location: string;
  workingDays: number;
  topics: string[];
  questions: string[];
}

/** A neighbour's response to the case's open period, confirmed through the mailed link (docs/product.md#responding-to-a-case). */
export interface ResponseSeed {
  name: string;
  showName: boolean;
  email: string;
  relation: 'neighbour' | 'business' | 'organisation' | 'other';
  position: 'support' | 'concern' | 'objection';
  /** topic names of the period */
  topics: string[];
  interest: string;
  wouldHelp: string;
}

/** The initiator's answer to the survey mailed last for the case (docs/product.md#the-report-mark). */
export interface SurveyAnswerSeed {
  mark: number;
  directorClear: number | null;
  planConcrete: number | null;
  promisesKept: number | null;
  speed: number | null;
  comment: string | null;
}

/** A department's answer in a round; an objection cites register rules by code. */
export interface AnswerSeed {
  kind: 'yes' | 'yesWithConditions' | 'objection';
  conditions?: string;
  ruleCodes?: string[];
  whyApplies?: string;
  howItCouldBeDone?: string;
}

export type DecisionSeed =
  | { kind: 'commitMoney'; amountCents: number }
  | { kind: 'grantExemption'; ruleCode: string }
  | { kind: 'agreePlan' }
  | { kind: 'other' };

/** A row of the rules register (docs/product.md#the-rules-register). */
export interface RuleSeed {
  code: string;
  title: string;
  legalSource: string;
  domain: Domain;
  /** safety, public order, crime: applied as written, never overruled */
  strict: boolean;
  validFrom: string;
  validUntil?: string | null;
}

/** A row of the mandate register (docs/product.md#the-mandate-register): held by a role or by a staff member (by key). */
export interface MandateSeed {
  holder: { role: Exclude<Role, 'initiator'> } | { staff: string };
  scope:
    | { kind: 'overrule'; domain: Domain }
    | { kind: 'commitMoney'; upToCents: number }
    | { kind: 'grantExemption'; ruleCode: string }
    | { kind: 'agreePlan' };
  delegatedBy: string;
  /** default: the first day of the demo story, so it is in force for every step */
  validFrom?: string;
  validUntil?: string | null;
}

export interface CaseSeed {
  title: string;
  description: string;
  location: string;
  area: string | null;
  themes: string[];
  initiator: InitiatorSeed;
  channel: 'web' | 'desk' | 'phone' | 'email';
  /** staff key of whoever registered a desk, phone or e-mail case (default: the coordinator) */
  registeredBy?: string;
  submitted: number;
  steps?: (Step | Step[])[];
}

export interface MunicipalitySeed {
  slug: string;
  name: string;
  prefix: string;
  areas: string[];
  themes: string[];
  departments: { name: string; domain: Domain }[];
  staff: StaffSeed[];
  cases: CaseSeed[];
  /** the rules register the municipality ships with */
  rules?: RuleSeed[];
  /** the mandate register */
  mandates?: MandateSeed[];
  /** its place in the comparison of municipalities (docs/product.md#comparing-municipalities) */
  benchmark?: { inhabitants: number; optIn: boolean; publish: boolean; licence: 'CC0-1.0' | 'CC-BY-4.0' };
}

// ---- story steps ----------------------------------------------------------------

export const assign = (day: number, director: string, reason?: string): Step => ({ day, kind: 'assign', director, reason });
export const intake = (day: number): Step => ({ day, kind: 'status', to: 'intake' });
export const planning = (day: number): Step => ({ day, kind: 'status', to: 'planning' });
export const close = (day: number, reason: string): Step => ({ day, kind: 'status', to: 'closed', reason });
export const withdraw = (day: number, by: 'initiator' | 'director' | 'coordinator', reason: string): Step => ({ day, kind: 'withdraw', by, reason });
export const suspend = (day: number, reason: string): Step => ({ day, kind: 'suspend', reason });
export const resume = (day: number): Step => ({ day, kind: 'resume' });
export const plan = (day: number, p: PlanSeed): Step => ({ day, kind: 'plan', plan: p });
export const agree = (day: number, by: 'initiator' | 'director'): Step => ({ day, kind: 'agree', by });
export const done = (day: number, ...positions: number[]): Step[] => positions.map((position) => ({ day, kind: 'actionDone', position }));
export const note = (day: number, text: string): Step => ({ day, kind: 'note', text, visibility: 'shared' });
export const internalNote = (day: number, text: string): Step => ({ day, kind: 'note', text, visibility: 'internal' });
export const fromInitiator = (day: number, text: string): Step => ({ day, kind: 'message', from: 'initiator', text });
export const toInitiator = (day: number, text: string): Step => ({ day, kind: 'message', from: 'director', text });

export const openRound = (day: number, proposal: string, departments: string[]): Step => ({ day, kind: 'openRound', proposal, departments });
export const answer = (day: number, by: string, department: string, a: AnswerSeed): Step => ({ day, kind: 'answer', by, department, answer: a });
export const respondTo = (
  day: number,
  name: string,
  showName: boolean,
  email: string,
  relation: ResponseSeed['relation'],
  position: ResponseSeed['position'],
  topics: string[],
  interest: string,
  wouldHelp: string,
): Step => ({ day, kind: 'respond', response: { name, showName, email, relation, position, topics, interest, wouldHelp } });
export const commitment = (day: number, c: Omit<Extract<Step, { kind: 'commitment' }>, 'day' | 'kind'>): Step => ({ day, kind: 'commitment', ...c });

/** Assigned, intake and the clock started: the usual first week of a case. */
export const started = (director: string, assignedOn: number, intakeOn: number, planningOn: number): Step[] => [
  assign(assignedOn, director),
  intake(intakeOn),
  planning(planningOn),
];

/** A plan saved by the director and agreed by both (the case then executes). */
export const agreedPlan = (savedOn: number, directorOn: number, initiatorOn: number, p: PlanSeed): Step[] => [
  plan(savedOn, p),
  agree(directorOn, 'director'),
  agree(initiatorOn, 'initiator'),
];

const RO = { department: 'Ruimtelijke ordening' };
const VH = { department: 'Vergunningen en handhaving' };
const OR = { department: 'Openbare ruimte' };
const SD = { department: 'Sociaal domein' };
const OOV = { department: 'Openbare orde en veiligheid' };
const EZ = { department: 'Economische zaken' };

// ---- registers ------------------------------------------------------------------------

// The rules an objection in Voorbeeld may cite. Omgevingsplan rules hold from the day
// the Omgevingswet took effect (1 January 2024); strict rules (safety, public order,
// crime) are applied as written. The Monumentenwet article ended when the Erfgoedwet
// replaced it (1 July 2016): it stays in the register but can no longer be cited.
const VOORBEELD_RULES: RuleSeed[] = [
  {
    code: 'OP-3.2',
    title: 'Bedrijfsactiviteiten in het centrum tot en met milieucategorie 2',
    legalSource: 'Omgevingsplan artikel 3.2',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-4.12',
    title: 'Functie Bedrijf: geen wonen, ook niet op de verdieping',
    legalSource: 'Omgevingsplan artikel 4.12',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-5.3',
    title: 'Parkeren op eigen terrein volgens de parkeernormen',
    legalSource: 'Omgevingsplan artikel 5.3 en Nota parkeernormen 2024',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-5.12',
    title: 'Bodem geschikt voor de nieuwe functie bij wijziging naar wonen',
    legalSource: 'Omgevingsplan artikel 5.12',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-6.1',
    title: 'Geluid van bedrijfsactiviteiten in gemengd gebied',
    legalSource: 'Omgevingsplan artikel 6.1',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-7.4',
    title: 'Bouwhoogte en gevelbeeld in het beschermd stadsgezicht',
    legalSource: 'Omgevingsplan artikel 7.4',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'APV-2:10',
    title: 'Voorwerpen op of aan de weg (uitstallingen, reclameborden)',
    legalSource: 'APV artikel 2:10',
    domain: 'physical',
    strict: false,
    validFrom: '2023-07-01',
  },
  { code: 'APV-2:25', title: 'Evenementenvergunning', legalSource: 'APV artikel 2:25', domain: 'safety', strict: false, validFrom: '2023-07-01' },
  {
    code: 'APV-2:28',
    title: 'Exploitatievergunning horecabedrijf, terras inbegrepen',
    legalSource: 'APV artikel 2:28',
    domain: 'economy',
    strict: false,
    validFrom: '2023-07-01',
  },
  {
    code: 'APV-2:48',
    title: 'Geen alcohol drinken op aangewezen openbare plaatsen',
    legalSource: 'APV artikel 2:48',
    domain: 'safety',
    strict: true,
    validFrom: '2023-07-01',
  },
  {
    code: 'APV-4:6',
    title: 'Geluidhinder door muziek en toestellen',
    legalSource: 'APV artikel 4:6',
    domain: 'physical',
    strict: false,
    validFrom: '2023-07-01',
  },
  {
    code: 'BIBOB',
    title: 'Integriteitsbeoordeling bij vergunningen en subsidies',
    legalSource: 'Wet Bibob, artikel 3',
    domain: 'safety',
    strict: true,
    validFrom: '2013-07-01',
  },
  {
    code: 'BBL-BRAND',
    title: 'Brandveilig gebruik van bouwwerken',
    legalSource: 'Besluit bouwwerken leefomgeving, hoofdstuk 3 en 6 (voorheen Bouwbesluit 2012)',
    domain: 'safety',
    strict: true,
    validFrom: '2024-01-01',
  },
  {
    code: 'BBL-CONSTR',
    title: 'Constructieve veiligheid bij verbouw',
    legalSource: 'Besluit bouwwerken leefomgeving, afdeling 4.2',
    domain: 'safety',
    strict: true,
    validFrom: '2024-01-01',
  },
  {
    code: 'BAL-MBA',
    title: 'Milieubelastende activiteit: melding en maatwerkvoorschriften',
    legalSource: 'Wet milieubeheer en Besluit activiteiten leefomgeving (voorheen Activiteitenbesluit)',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OW-MONUMENT',
    title: 'Vergunning voor het wijzigen van een rijksmonument',
    legalSource: 'Omgevingswet artikel 5.1 (rijksmonumentenactiviteit)',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'MW-11',
    title: 'Vergunning voor het wijzigen van een beschermd monument',
    legalSource: 'Monumentenwet 1988 artikel 11',
    domain: 'physical',
    strict: false,
    validFrom: '1988-12-23',
    validUntil: '2016-06-30',
  },
  {
    code: 'ALCW-3',
    title: 'Alcoholwetvergunning voor horeca en slijterij',
    legalSource: 'Alcoholwet artikel 3',
    domain: 'safety',
    strict: false,
    validFrom: '2021-07-01',
  },
  {
    code: 'SUB-GEVEL-3',
    title: 'Gevelsubsidie binnenstad: hoogte en voorwaarden',
    legalSource: 'Subsidieverordening gevelverbetering binnenstad 2025, artikel 3',
    domain: 'economy',
    strict: false,
    validFrom: '2025-01-01',
    validUntil: '2027-12-31',
  },
  {
    code: 'ASV-4',
    title: 'Subsidie aanvragen vóór de start van de activiteit',
    legalSource: 'Algemene subsidieverordening artikel 4',
    domain: 'governance',
    strict: false,
    validFrom: '2022-01-01',
  },
  {
    code: 'WMO-2.3',
    title: 'Maatwerkvoorziening na onderzoek',
    legalSource: 'Verordening maatschappelijke ondersteuning artikel 2.3',
    domain: 'social',
    strict: false,
    validFrom: '2022-01-01',
  },
];

// Who may decide what in Voorbeeld. The alderman for economy commits money up to
// € 20.000 and overrules in his domain; the head of Ruimte overrules in the physical
// domain (sub-mandate of the municipal secretary); the college agrees plans.
const VOORBEELD_MANDATES: MandateSeed[] = [
  { holder: { staff: 'wethouder' }, scope: { kind: 'commitMoney', upToCents: 2_000_000 }, delegatedBy: 'het college (mandaatbesluit 2026)' },
  { holder: { staff: 'wethouder' }, scope: { kind: 'overrule', domain: 'economy' }, delegatedBy: 'het college (mandaatbesluit 2026)' },
  { holder: { staff: 'karin' }, scope: { kind: 'overrule', domain: 'physical' }, delegatedBy: 'de gemeentesecretaris (ondermandaat 2026)' },
  { holder: { role: 'executive' }, scope: { kind: 'agreePlan' }, delegatedBy: 'het college (mandaatbesluit 2026)' },
];

// ---- Gemeente Voorbeeld ------------------------------------------------------------

export const VOORBEELD: MunicipalitySeed = {
  slug: 'voorbeeld',
  name: 'Gemeente Voorbeeld',
  prefix: 'VB',
  benchmark: { inhabitants: 48_300, optIn: true, publish: true, licence: 'CC-BY-4.0' },
  rules: VOORBEELD_RULES,
  mandates: VOORBEELD_MANDATES,
  areas: ['Centrum', 'Oude Haven', 'Noord', 'Zuid', 'Buitengebied', 'Bedrijventerrein De Vaart'],
  themes: ['Wonen', 'Ondernemen', 'Verkeer en parkeren', 'Zorg en welzijn', 'Jeugd', 'Duurzaamheid', 'Openbare ruimte', 'Veiligheid'],
  departments: [
    { name: 'Ruimtelijke ordening', domain: 'physical' },
    { name: 'Vergunningen en handhaving', domain: 'physical' },
    { name: 'Openbare ruimte', domain: 'physical' },
    { name: 'Sociaal domein', domain: 'social' },
    { name: 'Openbare orde en veiligheid', domain: 'safety' },
    { name: 'Economische zaken', domain: 'economy' },
    { name: 'Bestuurs- en concernzaken', domain: 'governance' },
  ],
  staff: [
    { key: 'admin', name: 'Marieke de Boer', email: 'beheer@voorbeeld.nl', role: 'admin', login: true },
    { key: 'coordinator', name: 'Ruud Verhoeven', email: 'coordinator@voorbeeld.nl', role: 'coordinator', login: true },
    {
      key: 'sanne',
      name: 'Sanne Jansen',
      email: 's.jansen@voorbeeld.nl',
      role: 'director',
      areas: ['Centrum', 'Oude Haven'],
      themes: ['Ondernemen', 'Wonen', 'Openbare ruimte'],
      login: true,
    },
    {
      key: 'pieter',
      name: 'Pieter Bakker',
      email: 'p.bakker@voorbeeld.nl',
      role: 'director',
      areas: ['Noord', 'Zuid'],
      themes: ['Jeugd', 'Zorg en welzijn', 'Veiligheid'],
    },
    {
      key: 'fatima',
      name: 'Fatima El Amrani',
      email: 'f.elamrani@voorbeeld.nl',
      role: 'director',
      areas: ['Zuid', 'Buitengebied'],
      themes: ['Duurzaamheid', 'Wonen', 'Openbare ruimte'],
    },
    {
      key: 'jeroen',
      name: 'Jeroen Visser',
      email: 'j.visser@voorbeeld.nl',
      role: 'director',
      areas: ['Bedrijventerrein De Vaart', 'Centrum'],
      themes: ['Ondernemen', 'Verkeer en parkeren', 'Veiligheid'],
    },
    { key: 'wouter', name: 'Wouter Mulder', email: 'w.mulder@voorbeeld.nl', role: 'specialist', department: 'Ruimtelijke ordening', login: true },
    // the head of the department, who may overrule objections in the physical domain (see mandates below)
    {
      key: 'karin',
      name: 'Karin de Wit (afdelingshoofd Ruimte)',
      email: 'k.dewit@voorbeeld.nl',
      role: 'specialist',
      department: 'Ruimtelijke ordening',
      login: true,
    },
    { key: 'ahmed', name: 'Ahmed Kaya', email: 'a.kaya@voorbeeld.nl', role: 'specialist', department: 'Economische zaken' },
    { key: 'esther', name: 'Esther de Vries', email: 'e.devries@voorbeeld.nl', role: 'specialist', department: 'Sociaal domein' },
    { key: 'wethouder', name: 'Erik Meijer (wethouder Economie)', email: 'e.meijer@voorbeeld.nl', role: 'executive', login: true },
    { key: 'raad', name: 'Lotte van Leeuwen', email: 'l.vanleeuwen@voorbeeld.nl', role: 'council', login: true },
  ],
  cases: [
    // ---- the paint-spraying shop (docs/product.md) ----
    {
      title: 'Stoppen met autospuiten en het pand Marktstraat 12 verhuren',
      description:
        'Ik heb al 31 jaar een autospuiterij in het centrum en wil stoppen met spuiten. De rest van het pand wil ik verhuren aan nieuwe huurders: ' +
        'winkels of een lunchroom op de begane grond en woningen op de verdieping. Eerdere gesprekken met de gemeente liepen steeds vast op ' +
        'nieuwe juridische bezwaren. Ik wil graag één aanspreekpunt en één plan waar alle afdelingen achter staan.',
      location: 'Marktstraat 12',
      area: 'Centrum',
      themes: ['Ondernemen', 'Wonen'],
      initiator: {
        name: 'Henk van Dijk',
        email: 'henk@autospuiterijvandijk.example',
        phone: '06-41 27 93 58',
        company: 'Autospuiterij Van Dijk B.V.',
        kvkNumber: '37081542',
      },
      channel: 'web',
      submitted: 27,
      steps: [
        assign(25, 'sanne'),
        toInitiator(
          25,
          'Beste meneer Van Dijk, ik ben uw case-regisseur. Ik kom graag bij u langs in de Marktstraat om het pand te bekijken. Past donderdag om 10.00 uur?',
        ),
        fromInitiator(24, 'Donderdag om 10.00 uur is goed. Fijn dat er nu één persoon is die het overzicht houdt.'),
        intake(22),
        note(
          22,
          'Intakegesprek op locatie met Henk van Dijk. Hij wil dit jaar stoppen met spuiten; de huur moet zijn pensioen dragen. ' +
            'Begane grond: twee winkelunits. Verdieping: vier appartementen. De wethouder Economie is positief: minder vrachtverkeer in de Marktstraat en een levendiger centrum.',
        ),
        planning(20),
        internalNote(
          15,
          'Wouter Mulder (Ruimtelijke ordening) wijst op de bedrijfsbestemming in het omgevingsplan: wonen op de verdieping vraagt een afwijking. ' +
            'Niet los afdoen, maar meenemen in één toetsronde met Vergunningen en handhaving en Economische zaken.',
        ),
        plan(8, {
          goal:
            'Henk van Dijk stopt met autospuiten en verhuurt Marktstraat 12 aan nieuwe huurders: winkels op de begane grond en woningen op de verdieping. ' +
            'Alle bezwaren komen in één toetsronde op tafel en er ligt één haalbare route voor de benodigde vergunningen.',
          actions: [
            { text: 'Schets van de nieuwe indeling en een lijst van mogelijke huurders aanleveren', owner: 'initiator', dueInDays: 10 },
            { text: 'Toets aan het omgevingsplan: welke functies passen, en wat is nodig voor wonen op de verdieping', owner: RO, dueInDays: 21 },
            {
              text: 'Beëindiging van de milieuactiviteit spuiterij afhandelen en advies geven over bodemonderzoek',
              owner: { external: 'Omgevingsdienst Regio' },
              dueInDays: 28,
            },
            { text: 'Integrale toetsronde voeren en de uitkomst met de initiatiefnemer bespreken', owner: 'director', dueInDays: 30 },
          ],
        }),
        toInitiator(
          7,
          'Beste meneer Van Dijk, de eerste versie van het plan van aanpak staat klaar. Kunt u de schets van de indeling binnen tien dagen aanleveren? Dan gaat die mee in de toetsronde.',
        ),
        fromInitiator(6, 'Dank u. De architect maakt de schets deze week af. Er zijn al twee geïnteresseerden: een fietsenwinkel en een lunchroom.'),
        note(
          3,
          'Toetsronde voorbereid: Ruimtelijke ordening, Vergunningen en handhaving, Economische zaken en de Omgevingsdienst Regio krijgen hun vraag tegelijk, met één termijn.',
        ),
        // One integrated round: zoning objects, citing the register, and says
        // how it could be done; economy agrees with conditions; both answered, so the
        // round is closed. The alderman's promise is on record, within his mandate.
        openRound(3, 'Spuiterij stopt. Begane grond: twee winkelunits of een lunchroom. Verdieping: vier appartementen. Geen uitbreiding van het pand.', [
          'Ruimtelijke ordening',
          'Economische zaken',
        ]),
        answer(2, 'wouter', 'Ruimtelijke ordening', {
          kind: 'objection',
          ruleCodes: ['OP-4.12'],
          whyApplies:
            'Marktstraat 12 heeft in het omgevingsplan de functie Bedrijf. Wonen is daar niet toegestaan, ook niet op de verdieping, zolang de spuiterij (milieucategorie 3) er zit.',
          howItCouldBeDone:
            'Wonen op de verdieping kan wél met een omgevingsvergunning voor een buitenplanse omgevingsplanactiviteit, zodra de spuiterij is beëindigd en een bodemonderzoek laat zien dat de grond geschikt is voor wonen. Winkels of een lunchroom op de begane grond passen al binnen de functie.',
        }),
        answer(1, 'ahmed', 'Economische zaken', {
          kind: 'yesWithConditions',
          conditions: 'De begane grond houdt een publieksfunctie (winkel, lunchroom of dienstverlening), zodat de Marktstraat levendig blijft.',
        }),
        commitment(1, {
          madeBy: 'wethouder',
          what: 'De gemeente vergoedt de helft van het verkennend bodemonderzoek onder de spuitcabine, tot € 7.500.',
          dueInDays: 45,
          madeVia: 'meeting',
          decision: { kind: 'commitMoney', amountCents: 750_000 },
        }),
      ],
    },

    // ---- submitted, not yet assigned ----
    {
      title: 'Buurtmoestuin in het Julianapark',
      description:
        'Met een groep van twaalf buurtbewoners willen we een moestuin aanleggen op het grasveld achter de speeltuin in het Julianapark. ' +
        'We zorgen zelf voor het onderhoud en willen graag een watertappunt en een afsluitbare schuur.',
      location: 'Julianapark, grasveld achter de speeltuin',
      area: 'Noord',
      themes: ['Openbare ruimte', 'Duurzaamheid'],
      initiator: { name: 'Anneke Vos', email: 'anneke.vos@example.org' },
      channel: 'web',
      submitted: 2,
    },
    {
      title: 'Charging points for our apartment building on the Havenkade',
      description:
        'Our owners’ association (VvE Havenkade 40–58) would like to install six charging points for electric cars in the public parking area ' +
        'in front of the building. We are willing to pay for the installation. Who do we need to talk to?',
      location: 'Havenkade 40–58',
      area: 'Oude Haven',
      themes: ['Duurzaamheid', 'Verkeer en parkeren'],
      initiator: { name: 'James Whitfield', email: 'j.whitfield@example.org', locale: 'en' },
      channel: 'web',
      submitted: 1,
    },
    {
      title: 'Speeltoestel voor kinderen met een beperking',
      description:
        'Mijn zoon zit in een rolstoel en kan in geen enkele speeltuin in Zuid spelen. Ik wil graag dat er een rolstoelschommel of draaitoestel komt ' +
        'in de speeltuin aan de Merelstraat. Andere ouders willen meedenken en geld inzamelen.',
      location: 'Speeltuin Merelstraat',
      area: 'Zuid',
      themes: ['Jeugd', 'Openbare ruimte'],
      initiator: { name: 'Samira Bouzid', email: 'samira.bouzid@example.org', phone: '06-18 55 20 74' },
      channel: 'phone',
      submitted: 3,
    },
    {
      title: 'Pop-upwinkel voor lokale makers in leeg pand Kerkstraat',
      description:
        'Het pand Kerkstraat 5 staat al een jaar leeg. Ik wil er voor zes maanden een pop-upwinkel beginnen met werk van makers uit de regio. ' +
        'De eigenaar is akkoord. Mag dat zonder vergunning en kan de gemeente helpen met de huur?',
      location: 'Kerkstraat 5',
      area: 'Centrum',
      themes: ['Ondernemen'],
      initiator: { name: 'Lisa Hoekstra', email: 'lisa@ateliershoekstra.example', company: 'Atelier Hoekstra', kvkNumber: '81234977' },
      channel: 'web',
      submitted: 0,
    },

    // ---- submitted, director assigned ----
    {
      title: 'Wandelroute en bankjes langs de Vaart voor werknemers',
      description:
        'De bedrijvenkring wil een wandelroute van 2 kilometer langs de Vaart aanleggen, met vijf bankjes, zodat werknemers in de lunchpauze kunnen wandelen. ' +
        'De bedrijven betalen mee.',
      location: 'Vaartweg en Industrieweg',
      area: 'Bedrijventerrein De Vaart',
      themes: ['Openbare ruimte', 'Ondernemen'],
      initiator: { name: 'Marco de Wit', email: 'secretaris@bedrijvenkringdevaart.example', company: 'Bedrijvenkring De Vaart' },
      channel: 'email',
      submitted: 5,
      steps: [assign(1, 'jeroen')],
    },

    // ---- intake ----
    {
      title: 'Uitbreiding zorgcentrum De Linde met twintig zorgappartementen',
      description:
        'Zorgcentrum De Linde wil een nieuwe vleugel bouwen met twintig zorgappartementen voor ouderen die nog zelfstandig willen wonen, met zorg dichtbij. ' +
        'De vleugel komt op het parkeerterrein aan de achterzijde.',
      location: 'Lindelaan 2',
      area: 'Zuid',
      themes: ['Zorg en welzijn', 'Wonen'],
      initiator: { name: 'Gerda Schouten', email: 'g.schouten@zorgcentrumdelinde.example', company: 'Stichting Zorgcentrum De Linde', kvkNumber: '41156302' },
      channel: 'web',
      submitted: 14,
      steps: [
        assign(12, 'pieter'),
        intake(9),
        internalNote(
          8,
          'Eerste gesprek met de bestuurder van De Linde gevoerd. Parkeren voor bezoekers en de bomen langs de Lindelaan worden de aandachtspunten.',
        ),
      ],
    },
    {
      title: 'Nieuwe kantine voor VV Voorwaarts, ook als buurtkamer',
      description:
        'De kantine van voetbalvereniging VV Voorwaarts is versleten. We willen een nieuwe kantine bouwen die overdag ook als buurtkamer dient ' +
        'voor ouderen en jongeren uit Noord.',
      location: 'Sportpark De Hoge Weide',
      area: 'Noord',
      themes: ['Jeugd', 'Zorg en welzijn'],
      initiator: { name: 'Rob Huisman', email: 'voorzitter@vvvoorwaarts.example', company: 'Voetbalvereniging Voorwaarts' },
      channel: 'web',
      submitted: 10,
      steps: [
        assign(8, 'pieter'),
        intake(6),
        toInitiator(
          5,
          'Beste meneer Huisman, ik kom graag een keer langs op een trainingsavond om de kantine en de plannen te bekijken. Wanneer komt het u uit?',
        ),
        fromInitiator(4, 'Dinsdag vanaf 19.00 uur is het bestuur aanwezig. Welkom!'),
      ],
    },
    {
      title: 'Twee woningen in de oude schuur aan de Dijkweg',
      description:
        'Wij hebben een boerderij met een grote schuur die we niet meer gebruiken. We willen er twee woningen in maken, voor onze dochter en haar gezin ' +
        'en voor een starter uit het dorp.',
      location: 'Dijkweg 14',
      area: 'Buitengebied',
      themes: ['Wonen'],
      initiator: { name: 'Willemijn Brouwer', email: 'familiebrouwer@example.org', phone: '06-30 62 18 45' },
      channel: 'desk',
      registeredBy: 'fatima',
      submitted: 9,
      steps: [assign(8, 'fatima'), intake(7)],
    },
    {
      title: 'Parkeerdruk op de Havenkade',
      description:
        'Sinds de nieuwe appartementen klaar zijn, kunnen bewoners van de Havenkade ’s avonds nergens parkeren. Wij vragen om een oplossing, ' +
        'bijvoorbeeld een vergunningengebied of parkeren op het terrein van de oude scheepswerf.',
      location: 'Havenkade',
      area: 'Oude Haven',
      themes: ['Verkeer en parkeren'],
      initiator: { name: 'Dirk Timmermans', email: 'dirk.timmermans@example.org' },
      channel: 'web',
      submitted: 8,
      steps: [assign(6, 'jeroen'), intake(5)],
    },

    // ---- planning: the clock runs ----
    {
      title: 'Terras op het Marktplein voor Café De Zwaan',
      description:
        'Wij willen ons terras uitbreiden tot op het Marktplein, met twintig extra zitplaatsen, van april tot en met oktober. ' +
        'Op marktdagen ruimen we het terras voor 7.00 uur op.',
      location: 'Marktplein 3',
      area: 'Centrum',
      themes: ['Ondernemen', 'Openbare ruimte'],
      initiator: { name: 'Youssef Amrani', email: 'youssef@cafedezwaan.example', company: 'Café De Zwaan V.O.F.', kvkNumber: '62019845' },
      channel: 'web',
      submitted: 44,
      steps: [
        ...started('sanne', 42, 41, 39),
        plan(10, {
          goal: 'Café De Zwaan krijgt een seizoensterras op het Marktplein dat past bij de markt, de hulpdiensten en de omwonenden.',
          actions: [
            { text: 'Terrastekening met afmetingen, meubilair en vrije doorgang voor hulpdiensten aanleveren', owner: 'initiator', dueInDays: 7 },
            { text: 'Afstemming met de marktmeester over opbouw en afbouw op marktdagen', owner: OR, dueInDays: 14 },
            { text: 'Terrasvergunning verlenen volgens het terrassenbeleid', owner: VH, dueInDays: 28 },
          ],
        }),
        agree(4, 'director'),
      ],
    },
    {
      title: 'Overlast door hangjongeren op het Wilhelminaplein',
      description:
        'De winkeliers aan het Wilhelminaplein hebben al maanden last van groepen jongeren die ’s avonds rondhangen, met harde muziek, ' +
        'brommers en zwerfafval. Klanten blijven weg. We willen samen met de gemeente, de politie en het jongerenwerk een aanpak.',
      location: 'Wilhelminaplein',
      area: 'Noord',
      themes: ['Jeugd', 'Veiligheid'],
      initiator: { name: 'Bert Kuipers', email: 'voorzitter@winkeliersnoord.example', company: 'Winkeliersvereniging Noord' },
      channel: 'desk',
      submitted: 52,
      steps: [
        ...started('pieter', 50, 49, 47),
        internalNote(30, 'Wijkagent en jongerenwerk (Stichting Boog) nog niet aangesloten; eerste overleg is twee keer verzet. Zonder hen geen plan.'),
        fromInitiator(12, 'Hoe staat het ervoor? Afgelopen weekend was de overlast weer erg, een ruit van de bakker is gesneuveld.'),
        toInitiator(
          11,
          'Beste meneer Kuipers, dat is vervelend om te horen. Volgende week zitten politie, jongerenwerk en gemeente met u aan tafel; daarna ligt er een plan.',
        ),
      ],
    },
    {
      title: 'Zonneveld op de Hooiakker',
      description:
        'Energiecoöperatie Voorbeeld Zon wil op de Hooiakker (8 hectare) een zonneveld aanleggen voor ongeveer 2.000 huishoudens. ' +
        'Omwonenden kunnen deelnemen; een deel van de opbrengst gaat naar een buurtfonds.',
      location: 'Hooiakker, Polderweg',
      area: 'Buitengebied',
      themes: ['Duurzaamheid'],
      initiator: { name: 'Kees Dekker', email: 'kees@voorbeeldzon.example', company: 'Energiecoöperatie Voorbeeld Zon U.A.', kvkNumber: '70345128' },
      channel: 'web',
      submitted: 36,
      steps: [
        ...started('fatima', 34, 33, 31),
        {
          day: 20,
          kind: 'openResponsePeriod',
          period: {
            summary:
              'Een energiecoöperatie wil op de Hooiakker (8 hectare, langs de Polderweg) een zonneveld aanleggen voor ongeveer 2.000 huishoudens. ' +
              'Omwonenden kunnen deelnemen en een deel van de opbrengst gaat naar een buurtfonds. Wij horen graag wat voor u belangrijk is voordat het plan er ligt.',
            location: 'Hooiakker, Polderweg',
            workingDays: 30,
            topics: ['Uitzicht en landschap', 'Verkeer tijdens de aanleg', 'Natuur', 'Opbrengst voor de buurt'],
            questions: ['Wilt u deelnemen in de coöperatie?'],
          },
        },
        respondTo(
          18,
          'Jan Boer',
          true,
          'jan.boer@polderweg.example',
          'neighbour',
          'concern',
          ['Uitzicht en landschap'],
          'Wij kijken nu uit over open land.',
          'Een haag van inheemse struiken rond het veld.',
        ),
        respondTo(
          16,
          'Ria Smit',
          false,
          'ria.smit@polderweg.example',
          'neighbour',
          'support',
          ['Opbrengst voor de buurt'],
          'Goedkope stroom voor de buurt.',
          'Een buurtfonds waarover bewoners zelf beslissen.',
        ),
        respondTo(
          15,
          'IVN Voorbeeld',
          true,
          'info@ivn-voorbeeld.example',
          'organisation',
          'concern',
          ['Natuur'],
          'Weidevogels broeden op de Hooiakker.',
          'Niet aanleggen in het broedseizoen en ruimte laten voor bloemrijke randen.',
        ),
        respondTo(
          12,
          'Loonbedrijf De Polder',
          true,
          'planning@loonbedrijfdepolder.example',
          'business',
          'objection',
          ['Verkeer tijdens de aanleg'],
          'Onze trekkers moeten de Polderweg op kunnen.',
          'Bouwverkeer via de Dijkweg en niet in de oogsttijd.',
        ),
        suspend(9, 'Wacht op het landschapsplan en het verslag van de bewonersavond van de initiatiefnemer.'),
      ],
    },
    {
      title: 'Havenfestival “Haven in Vuur en Vlam”',
      description:
        'Stichting Havenfestival wil een driedaags festival organiseren in de Oude Haven met muziek, eten en een vuurwerkshow op het water. ' +
        'We verwachten 15.000 bezoekers.',
      location: 'Havenkade en Kraanplein',
      area: 'Oude Haven',
      themes: ['Ondernemen', 'Veiligheid', 'Openbare ruimte'],
      initiator: { name: 'Mirjam Koster', email: 'info@havenfestival.example', company: 'Stichting Havenfestival Voorbeeld' },
      channel: 'web',
      submitted: 42,
      steps: [
        ...started('sanne', 40, 38, 37),
        plan(6, {
          goal: 'Een veilig en gastvrij Havenfestival, met één vergunning, heldere afspraken met hulpdiensten en zo min mogelijk overlast voor bewoners.',
          actions: [
            { text: 'Veiligheidsplan en crowdmanagementplan aanleveren', owner: 'initiator', dueInDays: 14 },
            { text: 'Advies over het veiligheidsplan en de vuurwerkshow', owner: OOV, dueInDays: 21 },
            { text: 'Inzet van handhavers tijdens het festival afstemmen', owner: { external: 'Gemeente Naburg (handhaving)' }, dueInDays: 28 },
            { text: 'Evenementenvergunning en verkeersbesluit voorbereiden', owner: VH, dueInDays: 35 },
          ],
        }),
      ],
    },
    {
      title: 'Mantelzorgwoning in de achtertuin',
      description: 'Mijn moeder kan niet meer alleen wonen. Wij willen een mantelzorgwoning in onze achtertuin plaatsen zodat zij dichtbij ons kan wonen.',
      location: 'Spechtlaan 27',
      area: 'Zuid',
      themes: ['Wonen', 'Zorg en welzijn'],
      initiator: { name: 'Ria van den Berg', email: 'ria.vandenberg@example.org', phone: '0341-55 21 09' },
      channel: 'phone',
      submitted: 40,
      steps: [...started('fatima', 38, 37, 35), suspend(28, 'Wacht op de indicatie van de zorgverzekeraar voor de moeder van de initiatiefnemer.'), resume(18)],
    },
    {
      title: 'Kinderopvang in de voormalige bankfiliaal',
      description:
        'Wij willen in het voormalige bankgebouw aan de Kerkstraat een kinderdagverblijf voor 40 kinderen openen, met een buitenspeelplaats op de binnenplaats.',
      location: 'Kerkstraat 21',
      area: 'Centrum',
      themes: ['Jeugd', 'Ondernemen'],
      initiator: { name: 'Nadia Ramdin', email: 'nadia@kleinevos.example', company: 'Kinderopvang Kleine Vos B.V.', kvkNumber: '85520317' },
      channel: 'web',
      submitted: 16,
      steps: started('sanne', 14, 13, 12),
    },
    {
      title: 'Zonnepanelen op het dak van de Dorpskerk',
      description: 'De kerkenraad wil zonnepanelen op het zuiddak van de Dorpskerk leggen om de energierekening te verlagen. De kerk is een rijksmonument.',
      location: 'Kerkplein 1',
      area: 'Centrum',
      themes: ['Duurzaamheid'],
      initiator: { name: 'Arjen Post', email: 'kerkrentmeesters@dorpskerkvoorbeeld.example', company: 'Protestantse Gemeente Voorbeeld' },
      channel: 'web',
      submitted: 24,
      steps: [
        ...started('sanne', 22, 21, 19),
        assign(10, 'fatima', 'Fatima El Amrani heeft ervaring met zonnepanelen op monumenten; Sanne Jansen heeft veel open zaken in het centrum.'),
      ],
    },
    {
      title: 'Groen schoolplein voor basisschool Het Kompas',
      description:
        'De ouderraad wil het stenen schoolplein vervangen door een groen plein met bomen, een moestuin en wateropvang, dat na schooltijd open is voor de buurt.',
      location: 'Kompasstraat 8',
      area: 'Noord',
      themes: ['Jeugd', 'Duurzaamheid', 'Openbare ruimte'],
      initiator: { name: 'Evelien Smits', email: 'ouderraad@hetkompas.example', company: 'Ouderraad basisschool Het Kompas' },
      channel: 'web',
      submitted: 6,
      steps: started('pieter', 4, 3, 2),
    },

    // ---- executing: plan agreed ----
    {
      title: 'Inloop voor eenzame ouderen in buurthuis De Schakel',
      description:
        'Buurthuis De Schakel wil drie ochtenden per week een inloop voor ouderen, met koffie, een lunch en activiteiten. We zoeken vrijwilligers, ' +
        'een bijdrage in de kosten en vervoer voor wie slecht ter been is.',
      location: 'Buurthuis De Schakel, Kastanjeplein 4',
      area: 'Zuid',
      themes: ['Zorg en welzijn'],
      initiator: { name: 'Tineke Willems', email: 'coordinator@deschakel.example', company: 'Stichting Buurthuis De Schakel' },
      channel: 'web',
      submitted: 80,
      steps: [
        ...started('pieter', 78, 76, 74),
        ...agreedPlan(50, 49, 47, {
          goal: 'Vanaf dit najaar drie inloopochtenden per week voor ouderen in De Schakel, met vervoer voor wie dat nodig heeft.',
          actions: [
            { text: 'Werving van tien vrijwilligers', owner: 'initiator', dueInDays: 30 },
            { text: 'Subsidie uit het budget welzijn ouderen toekennen', owner: SD, dueInDays: 21 },
            {
              text: 'Vervoer regelen via de Regiotaxi en de vrijwillige chauffeursdienst',
              owner: { external: 'Welzijnsorganisatie Samen Voorbeeld' },
              dueInDays: 45,
            },
            { text: 'Evaluatie na drie maanden met buurthuis en wijkteam', owner: 'director', dueInDays: 120 },
          ],
        }),
        ...done(30, 2),
        ...done(12, 1),
      ],
    },
    {
      title: 'Voedselbank zoekt nieuwe opslagruimte',
      description: 'De huur van onze opslag loopt af. We zoeken een ruimte van 300 m² met een koelcel en een laaddock, liefst op bedrijventerrein De Vaart.',
      location: 'Industrieweg 30',
      area: 'Bedrijventerrein De Vaart',
      themes: ['Zorg en welzijn', 'Ondernemen'],
      initiator: { name: 'Hans Vermeulen', email: 'hans@voedselbankvoorbeeld.example', company: 'Stichting Voedselbank Voorbeeld', kvkNumber: '40123896' },
      channel: 'desk',
      registeredBy: 'jeroen',
      submitted: 70,
      steps: [
        ...started('jeroen', 69, 68, 66),
        ...agreedPlan(45, 44, 43, {
          goal: 'De voedselbank verhuist vóór het einde van de huur naar een geschikte ruimte op De Vaart, met een koelcel.',
          actions: [
            { text: 'Leegstaande bedrijfsruimten op De Vaart inventariseren en bezichtigen', owner: EZ, dueInDays: 14 },
            { text: 'Bijdrage in de verhuis- en inrichtingskosten aanvragen bij het fonds maatschappelijke initiatieven', owner: 'initiator', dueInDays: 30 },
            { text: 'Huurovereenkomst met de eigenaar van Industrieweg 30 sluiten', owner: { external: 'Vastgoed Van Rijn B.V.' }, dueInDays: 60 },
          ],
        }),
        ...done(30, 1),
      ],
    },
    {
      title: 'Ambachtelijke bierbrouwerij met proeflokaal in de oude pakhuizen',
      description:
        'Wij willen in pakhuis De Kraan een kleine brouwerij met proeflokaal beginnen. Het pakhuis is een gemeentelijk monument en staat al jaren leeg.',
      location: 'Pakhuis De Kraan, Kraanplein 2',
      area: 'Oude Haven',
      themes: ['Ondernemen'],
      initiator: { name: 'Thijs Mol', email: 'thijs@brouwerijdekraan.example', company: 'Brouwerij De Kraan B.V.', kvkNumber: '77406215' },
      channel: 'web',
      submitted: 95,
      steps: [
        ...started('sanne', 93, 90, 88),
        ...agreedPlan(60, 58, 57, {
          goal: 'Brouwerij De Kraan opent in het gerestaureerde pakhuis, met een proeflokaal dat de Oude Haven ook doordeweeks levendig maakt.',
          actions: [
            { text: 'Restauratieplan voor het monument laten maken', owner: 'initiator', dueInDays: 30 },
            { text: 'Advies van de monumentencommissie over het restauratieplan', owner: RO, dueInDays: 45 },
            { text: 'Omgevingsvergunning en horecavergunning verlenen', owner: VH, dueInDays: 75 },
            { text: 'Bezoekersparkeren en laden en lossen regelen', owner: OR, dueInDays: 75 },
          ],
        }),
        ...done(40, 1),
        ...done(20, 2),
      ],
    },
    {
      title: 'Speelstraat in de Lindenlaan',
      description:
        'Bewoners van de Lindenlaan willen dat de straat op woensdagmiddag en in het weekend een speelstraat wordt, met plantenbakken in plaats van twee parkeervakken.',
      location: 'Lindenlaan',
      area: 'Noord',
      themes: ['Openbare ruimte', 'Jeugd', 'Verkeer en parkeren'],
      initiator: { name: 'Joost Kramer', email: 'joost.kramer@example.org' },
      channel: 'web',
      submitted: 60,
      steps: [
        ...started('pieter', 58, 57, 55),
        ...agreedPlan(30, 28, 26, {
          goal: 'De Lindenlaan is een veilige speelstraat op woensdagmiddag en in het weekend, door bewoners zelf beheerd.',
          actions: [
            { text: 'Handtekeningen van ten minste twee derde van de bewoners verzamelen', owner: 'initiator', dueInDays: 14 },
            { text: 'Verkeersbesluit voor de speelstraat nemen en bekendmaken', owner: VH, dueInDays: 35 },
            { text: 'Plantenbakken plaatsen in twee parkeervakken', owner: OR, dueInDays: 42 },
          ],
        }),
        ...done(10, 1),
      ],
    },
    {
      title: 'Uitbreiding bedrijfshal Transport Van der Linden',
      description:
        'Ons transportbedrijf groeit. We willen de bedrijfshal met 2.500 m² uitbreiden en de in- en uitrit verleggen zodat vrachtwagens niet meer door de woonstraat rijden.',
      location: 'Havenweg 55',
      area: 'Bedrijventerrein De Vaart',
      themes: ['Ondernemen', 'Verkeer en parkeren'],
      initiator: {
        name: 'Martin van der Linden',
        email: 'martin@transportvanderlinden.example',
        company: 'Transport Van der Linden B.V.',
        kvkNumber: '09876543',
      },
      channel: 'phone',
      registeredBy: 'jeroen',
      submitted: 110,
      steps: [
        ...started('jeroen', 109, 107, 105),
        suspend(95, 'Wacht op de verkeerskundige studie naar de nieuwe in- en uitrit, die de initiatiefnemer laat maken.'),
        resume(80),
        ...agreedPlan(70, 69, 66, {
          goal: 'De bedrijfshal wordt uitgebreid en het vrachtverkeer rijdt via de Havenweg in plaats van door de Zeilmakerstraat.',
          actions: [
            { text: 'Omgevingsvergunning voor de uitbreiding aanvragen', owner: 'initiator', dueInDays: 21 },
            { text: 'Nieuwe in- en uitrit aan de Havenweg ontwerpen en aanleggen', owner: OR, dueInDays: 90 },
            { text: 'Omgevingsvergunning verlenen', owner: VH, dueInDays: 70 },
          ],
        }),
        ...done(50, 1),
        ...done(35, 3),
        plan(20, {
          goal: 'De bedrijfshal wordt uitgebreid en het vrachtverkeer rijdt via de Havenweg in plaats van door de Zeilmakerstraat.',
          actions: [
            { text: 'Omgevingsvergunning voor de uitbreiding aanvragen', owner: 'initiator', dueInDays: -29, status: 'done' },
            { text: 'Nieuwe in- en uitrit aan de Havenweg ontwerpen en aanleggen', owner: OR, dueInDays: 40 },
            { text: 'Omgevingsvergunning verlenen', owner: VH, dueInDays: -15, status: 'done' },
            { text: 'Geluidsscherm langs de Zeilmakerstraat plaatsen, op verzoek van de omwonenden', owner: 'initiator', dueInDays: 60 },
          ],
        }),
        agree(19, 'director'),
        agree(17, 'initiator'),
      ],
    },

    // ---- closed ----
    {
      title: 'Braderie in de Kerkstraat',
      description: 'De winkeliers van de Kerkstraat willen een braderie houden met 60 kramen, muziek en activiteiten voor kinderen.',
      location: 'Kerkstraat',
      area: 'Centrum',
      themes: ['Ondernemen', 'Openbare ruimte'],
      initiator: { name: 'Anita Verbeek', email: 'bestuur@kerkstraatwinkels.example', company: 'Ondernemersvereniging Kerkstraat' },
      channel: 'web',
      submitted: 150,
      steps: [
        ...started('sanne', 148, 147, 145),
        ...agreedPlan(125, 124, 123, {
          goal: 'Een gezellige en veilige braderie in de Kerkstraat, met afspraken over afval, verkeer en geluid.',
          actions: [
            { text: 'Kraamindeling en route voor hulpdiensten aanleveren', owner: 'initiator', dueInDays: 10 },
            { text: 'Evenementenvergunning verlenen', owner: VH, dueInDays: 21 },
            { text: 'Afvalbakken plaatsen en straat na afloop vegen', owner: OR, dueInDays: 35 },
          ],
        }),
        ...done(110, 1),
        ...done(95, 2),
        ...done(80, 3),
        close(75, 'De braderie is gehouden; de evaluatie met de winkeliers is gedaan. Volgend jaar opnieuw, met dezelfde afspraken.'),
      ],
    },
    {
      title: 'Ooievaarsnest op een paal bij de Polderweg',
      description: 'Wij willen een ooievaarsnest op een paal plaatsen in de berm bij de Polderweg. Een vogelwerkgroep helpt met de paal en het nest.',
      location: 'Berm Polderweg, bij de brug',
      area: 'Buitengebied',
      themes: ['Duurzaamheid', 'Openbare ruimte'],
      initiator: { name: 'Gert Jan Wouters', email: 'vogelwerkgroep@example.org', company: 'Vogelwerkgroep De Grutto' },
      channel: 'web',
      submitted: 120,
      steps: [
        ...started('fatima', 118, 117, 116),
        ...agreedPlan(100, 99, 99, {
          goal: 'Er staat een ooievaarsnest bij de Polderweg, op een plek die het verkeer en het onderhoud van de berm niet hindert.',
          actions: [
            { text: 'Geschikte plek in de berm aanwijzen en kabels en leidingen checken', owner: OR, dueInDays: 14 },
            { text: 'Paal en nest plaatsen met de vogelwerkgroep', owner: 'initiator', dueInDays: 30 },
          ],
        }),
        ...done(80, 1),
        ...done(70, 2),
        close(68, 'Het nest staat er. De eerste ooievaars zijn gesignaleerd.'),
      ],
    },
    {
      title: 'Boomspiegels adopteren in de Oude Haven',
      description: 'Bewoners willen de boomspiegels in de Havenstraat en de Kaaistraat adopteren en beplanten met vaste planten en bloembollen.',
      location: 'Havenstraat en Kaaistraat',
      area: 'Oude Haven',
      themes: ['Openbare ruimte'],
      initiator: { name: 'Monique Dijkstra', email: 'monique.dijkstra@example.org' },
      channel: 'web',
      submitted: 100,
      steps: [
        ...started('sanne', 99, 98, 97),
        ...agreedPlan(85, 84, 83, {
          goal: 'Dertig boomspiegels in de Oude Haven worden door bewoners beplant en onderhouden.',
          actions: [
            { text: 'Adoptieovereenkomst opstellen', owner: OR, dueInDays: 10 },
            { text: 'Plantgoed en bloembollen leveren', owner: OR, dueInDays: 20 },
            { text: 'Plantdag organiseren met de buurt', owner: 'initiator', dueInDays: 30 },
          ],
        }),
        ...done(60, 1),
        ...done(50, 2),
        ...done(45, 3),
        close(44, 'Plantdag gehouden met veertig buurtbewoners. Het onderhoud is vastgelegd in de adoptieovereenkomst.'),
      ],
    },
    {
      title: 'Huiswerkbegeleiding in de bibliotheek',
      description: 'Studenten van de hogeschool willen twee middagen per week gratis huiswerkbegeleiding geven aan brugklassers in de bibliotheek.',
      location: 'Bibliotheek Voorbeeld, Stationsweg 1',
      area: 'Centrum',
      themes: ['Jeugd'],
      initiator: { name: 'Daan Koster', email: 'daan.koster@example.org' },
      channel: 'email',
      submitted: 130,
      steps: [
        ...started('pieter', 128, 127, 125),
        ...agreedPlan(105, 104, 102, {
          goal: 'Twee middagen per week huiswerkbegeleiding voor brugklassers, met een vaste ruimte en begeleiding van de studenten.',
          actions: [
            { text: 'Ruimte en tijden afspreken met de bibliotheek', owner: { external: 'Bibliotheek Voorbeeld' }, dueInDays: 14 },
            { text: 'Scholen informeren en leerlingen werven', owner: SD, dueInDays: 21 },
            { text: 'Rooster van de studenten maken', owner: 'initiator', dueInDays: 21 },
          ],
        }),
        ...done(90, 1),
        ...done(85, 2, 3),
        close(30, 'De huiswerkbegeleiding draait en wordt voortgezet door de bibliotheek. Geen rol meer voor de regisseur.'),
      ],
    },

    // ---- withdrawn ----
    {
      title: 'Nagelstudio aan huis',
      description: 'Ik wil een nagelstudio aan huis beginnen in mijn garage. Mag dat, en moet ik daarvoor iets aanvragen?',
      location: 'Vinkenstraat 9',
      area: 'Zuid',
      themes: ['Ondernemen'],
      initiator: { name: 'Kim Peeters', email: 'kim.peeters@example.org' },
      channel: 'web',
      submitted: 20,
      steps: [withdraw(15, 'initiator', 'Ik heb toch een ruimte gevonden in het winkelcentrum; de studio aan huis is niet meer nodig.')],
    },
    {
      title: 'Kamerverhuur in de bovenwoning Torenstraat',
      description: 'Ik wil de bovenwoning boven mijn winkel opsplitsen in drie kamers voor studenten.',
      location: 'Torenstraat 17',
      area: 'Centrum',
      themes: ['Wonen'],
      initiator: { name: 'Ahmet Kaya', email: 'ahmet.kaya@example.org' },
      channel: 'web',
      submitted: 50,
      steps: [
        ...started('sanne', 48, 46, 45),
        plan(30, {
          goal: 'Drie goede studentenkamers in de bovenwoning, met een eigen opgang en voldoende fietsparkeerplaatsen.',
          actions: [
            { text: 'Plattegrond en brandveiligheidsplan aanleveren', owner: 'initiator', dueInDays: 14 },
            { text: 'Toets aan het beleid voor woningsplitsing', owner: RO, dueInDays: 21 },
          ],
        }),
        fromInitiator(22, 'Ik moet u helaas laten weten dat ik het pand ga verkopen.'),
        withdraw(20, 'director', 'De initiatiefnemer heeft het pand verkocht; de nieuwe eigenaar dient zo nodig zelf een verzoek in.'),
      ],
    },
    {
      title: 'Paardenbak met verlichting achter de boerderij',
      description: 'Wij willen een paardenbak van 20 bij 40 meter met verlichting aanleggen achter onze boerderij.',
      location: 'Broekweg 3',
      area: 'Buitengebied',
      themes: [],
      initiator: { name: 'Sophie van Wijk', email: 'sophie.vanwijk@example.org' },
      channel: 'web',
      submitted: 30,
      steps: [
        assign(28, 'fatima'),
        intake(27),
        withdraw(
          25,
          'coordinator',
          'Dubbele aanvraag: dezelfde vraag loopt al als omgevingsvergunning bij Vergunningen en handhaving. De initiatiefnemer is geïnformeerd.',
        ),
      ],
    },
  ],
};

// ---- Gemeente Naburg (the neighbour: its own data, never visible to Voorbeeld) ----

// A smaller register: Naburg's own omgevingsplan and APV, and the national strict rules.
const NABURG_RULES: RuleSeed[] = [
  {
    code: 'OP-2.4',
    title: 'Nevenactiviteiten bij een agrarisch bedrijf',
    legalSource: 'Omgevingsplan Naburg artikel 2.4',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'OP-3.1',
    title: 'Bebouwing in de dorpskern',
    legalSource: 'Omgevingsplan Naburg artikel 3.1',
    domain: 'physical',
    strict: false,
    validFrom: '2024-01-01',
  },
  {
    code: 'HV-3',
    title: 'Ligplaatsen in de dorpshaven',
    legalSource: 'Havenverordening Naburg artikel 3',
    domain: 'economy',
    strict: false,
    validFrom: '2019-04-01',
  },
  { code: 'APV-2:25', title: 'Evenementenvergunning', legalSource: 'APV Naburg artikel 2:25', domain: 'safety', strict: false, validFrom: '2022-01-01' },
  {
    code: 'APV-2:48',
    title: 'Geen alcohol drinken op aangewezen openbare plaatsen',
    legalSource: 'APV Naburg artikel 2:48',
    domain: 'safety',
    strict: true,
    validFrom: '2022-01-01',
  },
  {
    code: 'BIBOB',
    title: 'Integriteitsbeoordeling bij vergunningen',
    legalSource: 'Wet Bibob, artikel 3',
    domain: 'safety',
    strict: true,
    validFrom: '2013-07-01',
  },
  {
    code: 'BBL-BRAND',
    title: 'Brandveilig gebruik van bouwwerken',
    legalSource: 'Besluit bouwwerken leefomgeving, hoofdstuk 3 en 6',
    domain: 'safety',
    strict: true,
    validFrom: '2024-01-01',
  },
];

export const NABURG: MunicipalitySeed = {
  slug: 'naburg',
  name: 'Gemeente Naburg',
  prefix: 'NB',
  benchmark: { inhabitants: 12_650, optIn: false, publish: false, licence: 'CC0-1.0' },
  rules: NABURG_RULES,
  areas: ['Dorpskern', 'Molenwijk', 'De Polder', 'Recreatiegebied Het Veen'],
  themes: ['Wonen', 'Ondernemen', 'Recreatie en toerisme', 'Zorg en welzijn', 'Landbouw', 'Veiligheid'],
  departments: [
    { name: 'Ruimte en wonen', domain: 'physical' },
    { name: 'Sociaal team', domain: 'social' },
    { name: 'Veiligheid en handhaving', domain: 'safety' },
    { name: 'Economie en recreatie', domain: 'economy' },
    { name: 'Bestuursondersteuning', domain: 'governance' },
  ],
  staff: [
    { key: 'admin', name: 'Gerrit Bos', email: 'beheer@naburg.nl', role: 'admin', login: true },
    { key: 'coordinator', name: 'Anouk Peters', email: 'coordinator@naburg.nl', role: 'coordinator' },
    {
      key: 'mehmet',
      name: 'Mehmet Yilmaz',
      email: 'm.yilmaz@naburg.nl',
      role: 'director',
      areas: ['Dorpskern', 'Recreatiegebied Het Veen'],
      themes: ['Recreatie en toerisme', 'Ondernemen', 'Veiligheid'],
      login: true,
    },
    {
      key: 'linda',
      name: 'Linda de Graaf',
      email: 'l.degraaf@naburg.nl',
      role: 'director',
      areas: ['Molenwijk', 'De Polder'],
      themes: ['Wonen', 'Zorg en welzijn', 'Landbouw'],
    },
    { key: 'bram', name: 'Bram Hofman', email: 'b.hofman@naburg.nl', role: 'specialist', department: 'Ruimte en wonen' },
  ],
  cases: [
    {
      title: 'Zomerfestival Veenpop in Het Veen',
      description: 'Stichting Veenpop wil in het recreatiegebied een tweedaags popfestival houden voor 8.000 bezoekers, met camping.',
      location: 'Festivalweide Het Veen',
      area: 'Recreatiegebied Het Veen',
      themes: ['Recreatie en toerisme', 'Veiligheid'],
      initiator: { name: 'Roel Jacobs', email: 'organisatie@veenpop.example', company: 'Stichting Veenpop' },
      channel: 'web',
      submitted: 40,
      steps: [
        ...started('mehmet', 38, 37, 35),
        internalNote(
          20,
          'Voorstel: handhavers delen met Gemeente Voorbeeld, die het Havenfestival in hetzelfde seizoen heeft. Samenwerkingsverband voorbereiden.',
        ),
        plan(10, {
          goal: 'Een veilig Veenpop-festival met camping, zonder schade aan het natuurgebied.',
          actions: [
            { text: 'Veiligheidsplan en natuurtoets aanleveren', owner: 'initiator', dueInDays: 14 },
            {
              text: 'Inzet van handhavers afspreken met de buurgemeente',
              owner: { external: 'Gemeente Voorbeeld (Openbare orde en veiligheid)' },
              dueInDays: 30,
            },
            { text: 'Evenementenvergunning voorbereiden', owner: { department: 'Veiligheid en handhaving' }, dueInDays: 35 },
          ],
        }),
      ],
    },
    {
      title: 'Boerderijwinkel en pluktuin aan de Veenweg',
      description: 'Wij willen op ons melkveebedrijf een boerderijwinkel en een pluktuin openen, met parkeerplaatsen voor tien auto’s.',
      location: 'Veenweg 22',
      area: 'De Polder',
      themes: ['Landbouw', 'Ondernemen'],
      initiator: { name: 'Harm Zijlstra', email: 'harm@zijlstrahoeve.example', company: 'Zijlstra Hoeve V.O.F.', kvkNumber: '52847310' },
      channel: 'web',
      submitted: 70,
      steps: [
        ...started('linda', 68, 66, 65),
        ...agreedPlan(45, 44, 42, {
          goal: 'De boerderijwinkel en pluktuin openen dit seizoen, met veilig parkeren op eigen terrein.',
          actions: [
            { text: 'Inrichtingsplan met parkeerplaatsen aanleveren', owner: 'initiator', dueInDays: 14 },
            { text: 'Toets aan het omgevingsplan (nevenactiviteit bij agrarisch bedrijf)', owner: { department: 'Ruimte en wonen' }, dueInDays: 28 },
          ],
        }),
        ...done(20, 1),
      ],
    },
    {
      title: 'Ligplaatsen voor sloepen in de dorpshaven',
      description: 'Wij willen tien extra ligplaatsen voor sloepen in de dorpshaven, te verhuren aan toeristen.',
      location: 'Dorpshaven',
      area: 'Dorpskern',
      themes: ['Recreatie en toerisme'],
      initiator: { name: 'Ellen Mulder', email: 'ellen@sloepverhuurnaburg.example', company: 'Sloepverhuur Naburg' },
      channel: 'web',
      submitted: 3,
    },
    {
      title: 'Zorgboerderij voor mensen met dementie',
      description: 'Wij willen op onze boerderij dagbesteding bieden aan twaalf mensen met dementie uit Naburg en omgeving.',
      location: 'Polderdijk 8',
      area: 'De Polder',
      themes: ['Zorg en welzijn', 'Landbouw'],
      initiator: { name: 'Grietje Hoekstra', email: 'grietje@zorgboerderijdepolder.example' },
      channel: 'phone',
      submitted: 11,
      steps: [assign(9, 'linda'), intake(7)],
    },
    {
      title: 'Jeu-de-boulesbaan bij het dorpshuis',
      description: 'De ouderenvereniging wil een jeu-de-boulesbaan naast het dorpshuis in de Molenwijk, met een bankje.',
      location: 'Dorpshuis De Molen, Molenstraat 1',
      area: 'Molenwijk',
      themes: ['Zorg en welzijn', 'Recreatie en toerisme'],
      initiator: { name: 'Cor Visser', email: 'cor.visser@example.org', company: 'Ouderenvereniging Naburg' },
      channel: 'web',
      submitted: 90,
      steps: [
        ...started('linda', 88, 87, 86),
        ...agreedPlan(70, 69, 68, {
          goal: 'Een jeu-de-boulesbaan met bankje naast het dorpshuis, onderhouden door de ouderenvereniging.',
          actions: [
            { text: 'Baan aanleggen', owner: { department: 'Ruimte en wonen' }, dueInDays: 30 },
            { text: 'Onderhoudsafspraken vastleggen', owner: 'initiator', dueInDays: 30 },
          ],
        }),
        ...done(50, 1),
        ...done(40, 2),
        close(38, 'De baan is geopend door de burgemeester en wordt goed gebruikt.'),
      ],
    },
  ],
};

export const DEMO_MUNICIPALITIES: MunicipalitySeed[] = [VOORBEELD, NABURG];
