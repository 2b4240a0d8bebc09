// A year of ordinary cases behind the demo's stories, so the overviews and the
// management information show something real on a first start. The stories in
// data.ts are the cases people read; these are the many that make the figures.
//
// Generated from a fixed seed, so every machine gets the same year: most cases are
// assigned, taken in, assessed by the departments that have a specialist, given a
// plan agreed within the six-week term (some late, some after a suspended clock),
// carry a commitment that is mostly kept, and are closed; a few are withdrawn.
import type { AnswerSeed, CaseSeed, MunicipalitySeed, PlanSeed, Step } from './data.js';
import { agree, assign, close, intake, openRound, plan, planning, resume, suspend, withdraw } from './data.js';

/** Cases per month of history; the stories of data.ts come on top. */
const PER_MONTH = 4;
/** The history ends where the stories begin (their oldest case came in about two months ago). */
const NEWEST_DAY = 75;
const OLDEST_DAY = 365;

/** A small deterministic generator (mulberry32): the same year on every machine. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const FIRST_NAMES = [
  'Anna',
  'Bas',
  'Chantal',
  'Daan',
  'Eva',
  'Fleur',
  'Gijs',
  'Hanna',
  'Iris',
  'Joost',
  'Kees',
  'Lisa',
  'Mohamed',
  'Noor',
  'Olaf',
  'Priya',
  'Rik',
  'Sara',
  'Tim',
  'Yara',
];
const LAST_NAMES = [
  'de Jong',
  'Smit',
  'Bakker',
  'Visser',
  'Meijer',
  'de Graaf',
  'Kok',
  'Vos',
  'Dekker',
  'Brouwer',
  'Hendriks',
  'Dijkstra',
  'Yildiz',
  'Boukhari',
  'van den Berg',
];
const STREETS = [
  'Kerkstraat',
  'Dorpsweg',
  'Molenlaan',
  'Stationsplein',
  'Havenkade',
  'Schoolstraat',
  'Beukenlaan',
  'Industrieweg',
  'Prinses Julianastraat',
  'Veldweg',
];

interface Question {
  title: string;
  description: string;
  proposal: string;
  plan: PlanSeed;
}

const QUESTIONS: Question[] = [
  {
    title: 'Mantelzorgwoning in de tuin voor mijn vader',
    description: 'Mijn vader kan niet meer alleen wonen. Wij willen een mantelzorgwoning in onze achtertuin plaatsen en zoeken hulp bij zorg en vergunning.',
    proposal: 'Een tijdelijke mantelzorgwoning in de achtertuin, met ondersteuning vanuit het sociaal domein.',
    plan: {
      goal: 'De vader van de initiatiefnemer woont binnen vier maanden in een mantelzorgwoning in de tuin, met passende zorg.',
      actions: [
        { text: 'Indicatie mantelzorg vastleggen', owner: 'director', dueInDays: 14 },
        { text: 'Offerte en plattegrond van de woning aanleveren', owner: 'initiator', dueInDays: 21 },
        { text: 'Toets aan het omgevingsplan afronden', owner: 'director', dueInDays: 35 },
      ],
    },
  },
  {
    title: 'Lunchroom openen in een leegstaande winkel',
    description: 'Ik wil in een leeg winkelpand een lunchroom met een klein terras beginnen. Ik weet niet welke vergunningen ik nodig heb.',
    proposal: 'Horeca in categorie 1 in het winkelpand, met een terras van vier tafels.',
    plan: {
      goal: 'De lunchroom opent binnen drie maanden met de vergunningen rond.',
      actions: [
        { text: 'Exploitatievergunning aanvragen met het ingevulde formulier', owner: 'initiator', dueInDays: 10 },
        { text: 'Terrasplan afstemmen met de buren', owner: 'initiator', dueInDays: 20 },
        { text: 'Vergunningen in één besluit afgeven', owner: 'director', dueInDays: 40 },
      ],
    },
  },
  {
    title: 'Buurtmoestuin op het braakliggende veldje',
    description: 'Met tien buren willen we op het lege veldje aan het eind van de straat een moestuin beginnen. Mag dat en kan de gemeente helpen?',
    proposal: 'Een buurtmoestuin op gemeentegrond met een gebruiksovereenkomst voor drie jaar.',
    plan: {
      goal: 'De buurtmoestuin is dit seizoen aangelegd en de afspraken over beheer staan op papier.',
      actions: [
        { text: 'Gebruiksovereenkomst opstellen', owner: 'director', dueInDays: 14 },
        { text: 'Beheergroep van buren vormen', owner: 'initiator', dueInDays: 21 },
        { text: 'Grond omspitten en hek plaatsen', owner: 'director', dueInDays: 45 },
      ],
    },
  },
  {
    title: 'Kinderopvang aan huis starten',
    description: 'Ik wil gastouder worden en aan huis opvang bieden voor vier kinderen. Ik wil weten wat er aan mijn huis moet veranderen.',
    proposal: 'Gastouderopvang aan huis voor ten hoogste vier kinderen.',
    plan: {
      goal: 'De opvang staat binnen twee maanden in het landelijk register en het huis voldoet.',
      actions: [
        { text: 'Risico-inventarisatie veiligheid en gezondheid invullen', owner: 'initiator', dueInDays: 14 },
        { text: 'Inspectie door de GGD plannen', owner: 'director', dueInDays: 28 },
      ],
    },
  },
  {
    title: 'Bedrijfshal ombouwen tot werkplaatsen voor starters',
    description: 'Wij willen onze oude bedrijfshal opdelen in kleine werkplaatsen die we verhuren aan startende vakmensen.',
    proposal: 'Opdelen van de bedrijfshal in acht werkplaatsen tot en met milieucategorie 2.',
    plan: {
      goal: 'De eerste vier werkplaatsen zijn binnen een half jaar verhuurd.',
      actions: [
        { text: 'Bouwtekeningen met brandcompartimenten aanleveren', owner: 'initiator', dueInDays: 21 },
        { text: 'Parkeerbalans opstellen', owner: 'director', dueInDays: 30 },
        { text: 'Omgevingsvergunning verlenen', owner: 'director', dueInDays: 56 },
      ],
    },
  },
  {
    title: 'Straatfeest met een podium op het plein',
    description: 'Wij organiseren in september een straatfeest met muziek op het plein en willen de straat een middag afsluiten.',
    proposal: 'Een straatfeest van 14.00 tot 22.00 uur met een klein podium en een afgesloten straat.',
    plan: {
      goal: 'Het straatfeest gaat veilig door met de vergunning en de verkeersmaatregelen rond.',
      actions: [
        { text: 'Veiligheidsplan aanleveren', owner: 'initiator', dueInDays: 14 },
        { text: 'Verkeersbesluit voor de afsluiting nemen', owner: 'director', dueInDays: 28 },
      ],
    },
  },
  {
    title: 'Zonnepanelen op het dak van ons monumentale pand',
    description: 'Ons huis is een gemeentelijk monument. Wij willen zonnepanelen leggen zonder het aanzicht van de straat te schaden.',
    proposal: 'Zonnepanelen op het achterdakvlak, niet zichtbaar vanaf de straat.',
    plan: {
      goal: 'De zonnepanelen liggen voor de winter op het achterdak, met instemming van de monumentencommissie.',
      actions: [
        { text: 'Schets van het legplan aanleveren', owner: 'initiator', dueInDays: 10 },
        { text: 'Advies monumentencommissie vragen', owner: 'director', dueInDays: 30 },
      ],
    },
  },
  {
    title: 'Hulp bij schulden en een passende woning',
    description: 'Na mijn scheiding heb ik schulden en moet ik uit mijn huis. Ik weet niet bij wie ik moet beginnen.',
    proposal: 'Schuldhulpverlening en voorrang bij een passende woning, in één plan.',
    plan: {
      goal: 'Binnen drie maanden een stabiele woonsituatie en een schuldregeling.',
      actions: [
        { text: 'Aanmelden bij schuldhulpverlening', owner: 'director', dueInDays: 7 },
        { text: 'Urgentieaanvraag woning indienen', owner: 'director', dueInDays: 14 },
        { text: 'Overzicht van inkomsten en schulden aanleveren', owner: 'initiator', dueInDays: 14 },
      ],
    },
  },
];

interface HistoryCast {
  directors: string[];
  /** departments a round can ask: those with an active specialist, with that specialist's key */
  askable: { department: string; specialist: string }[];
}

function castOf(m: MunicipalitySeed): HistoryCast {
  const directors = m.staff.filter((s) => s.role === 'director').map((s) => s.key);
  const askable: HistoryCast['askable'] = [];
  for (const s of m.staff)
    if (s.role === 'specialist' && s.department && !askable.some((a) => a.department === s.department))
      askable.push({ department: s.department, specialist: s.key });
  return { directors, askable };
}

/**
 * One ordinary case: `submitted` days ago, its steps counted down from there. The
 * plan clock starts at `planning`; six weeks is 42 days, so an agreement more than
 * 42 days (plus any suspension) later is late.
 */
function ordinaryCase(m: MunicipalitySeed, cast: HistoryCast, index: number, rnd: ReturnType<typeof generator>): CaseSeed {
  const q = rnd.pick(QUESTIONS);
  const submitted = rnd.int(NEWEST_DAY, OLDEST_DAY);
  const first = rnd.pick(FIRST_NAMES);
  const last = rnd.pick(LAST_NAMES);
  const director = cast.directors[index % cast.directors.length] as string;
  const theme = rnd.pick(m.themes);
  const steps: Step[] = [];
  let day = submitted;
  const later = (days: number) => {
    day = Math.max(1, day - days);
    return day;
  };
  steps.push(assign(later(rnd.int(0, 2)), director), intake(later(rnd.int(1, 4))));
  if (rnd.chance(0.06)) {
    steps.push(withdraw(later(rnd.int(2, 10)), 'initiator', 'Mijn plannen zijn veranderd; ik trek de vraag in.'));
    return caseSeed(m, q, index, first, last, theme, submitted, steps, rnd);
  }
  steps.push(planning(later(rnd.int(1, 5))));
  const clockStart = day;
  let suspended = 0;
  if (rnd.chance(0.15)) {
    const since = later(rnd.int(3, 8));
    steps.push(suspend(since, 'Wacht op stukken van de initiatiefnemer.'));
    steps.push(resume(later(rnd.int(5, 15))));
    suspended = since - day;
  }
  const asked = cast.askable.filter(() => rnd.chance(0.6));
  if (!asked.length && cast.askable.length) asked.push(rnd.pick(cast.askable));
  if (asked.length) {
    steps.push(
      openRound(
        later(rnd.int(2, 6)),
        q.proposal,
        asked.map((a) => a.department),
      ),
    );
    const answeredOn = later(rnd.int(1, 5));
    for (const a of asked) {
      const answer: AnswerSeed = rnd.chance(0.75)
        ? { kind: 'yes' }
        : { kind: 'yesWithConditions', conditions: 'Onder voorwaarde dat de buren vooraf worden geïnformeerd.' };
      steps.push({ day: answeredOn, kind: 'answer', by: a.specialist, department: a.department, answer });
    }
  }
  const savedOn = later(rnd.int(2, 8));
  steps.push(plan(savedOn, q.plan));
  // Most plans are agreed within the term (42 days plus any suspension after the
  // clock started); about one in six is late.
  const lastOnTime = clockStart - 42 - suspended + 1;
  const late = rnd.chance(0.17);
  day = late ? Math.min(savedOn, lastOnTime - rnd.int(2, 12)) : Math.max(Math.min(savedOn, lastOnTime), savedOn - rnd.int(1, 6));
  day = Math.max(1, day);
  steps.push(agree(day, 'director'), agree(later(rnd.int(0, 2)), 'initiator'));
  const agreedOn = day;
  if (agreedOn > 30 && rnd.chance(0.8)) {
    const dueInDays = rnd.int(10, 25);
    steps.push({
      day: agreedOn,
      kind: 'commitment',
      madeBy: director,
      what: rnd.pick([
        'Ik bel u binnen twee weken terug over de vergunning.',
        'Wij sturen het besluit binnen drie weken.',
        'De gemeente plaatst de paaltjes voor de opening.',
      ]),
      dueInDays,
      madeVia: rnd.pick(['meeting', 'phone', 'email'] as const),
      decision: { kind: 'other' },
    });
    const r = rnd.next();
    // Kept mostly, broken sometimes, and a few left open past their due date.
    if (r < 0.75) steps.push({ day: Math.max(1, agreedOn - rnd.int(3, dueInDays)), kind: 'outcome', status: 'kept' });
    else if (r < 0.88)
      steps.push({ day: Math.max(1, agreedOn - dueInDays - rnd.int(1, 5)), kind: 'outcome', status: 'broken', reason: 'De vergunning liep vertraging op.' });
  }
  for (let p = 1; p <= q.plan.actions.length; p++) if (day > 10 && rnd.chance(0.8)) steps.push({ day: later(rnd.int(1, 10)), kind: 'actionDone', position: p });
  const lastDay = Math.min(...steps.map((s) => s.day));
  if (lastDay > 20 && rnd.chance(0.85)) steps.push(close(lastDay - rnd.int(5, 20), 'Het plan is uitgevoerd.'));
  // Days only go down within a case; steps of one day keep their order.
  steps.sort((a, b) => b.day - a.day);
  return caseSeed(m, q, index, first, last, theme, submitted, steps, rnd);
}

function caseSeed(
  m: MunicipalitySeed,
  q: Question,
  index: number,
  first: string,
  last: string,
  theme: string,
  submitted: number,
  steps: Step[],
  rnd: ReturnType<typeof generator>,
): CaseSeed {
  const street = `${rnd.pick(STREETS)} ${rnd.int(1, 140)}`;
  return {
    title: q.title,
    description: q.description,
    location: street,
    area: rnd.pick(m.areas),
    themes: [theme],
    initiator: { name: `${first} ${last}`, email: `${first}.${last.replace(/ /g, '')}.${index}@${m.slug}-bewoner.example`.toLowerCase() },
    channel: rnd.chance(0.7) ? 'web' : 'desk',
    submitted,
    steps,
  };
}

/** The year of history of one demo municipality: about PER_MONTH cases a month, older than the stories. */
export function yearOfHistory(m: MunicipalitySeed): CaseSeed[] {
  const cast = castOf(m);
  if (!cast.directors.length) return [];
  const rnd = generator([...m.slug].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 7));
  const count = Math.round(((OLDEST_DAY - NEWEST_DAY) / 30) * PER_MONTH);
  return Array.from({ length: count }, (_, i) => ordinaryCase(m, cast, i, rnd));
}
