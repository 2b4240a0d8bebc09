// Dutch word lists for the benchmark data. Titles and descriptions are composed from
// these inside the database, so the `dutch` full-text configuration (with its
// Snowball stemmer) has real Dutch to index: "fietsen" must find "fiets",
// "woningen" must find "woning", "terrassen" must find "terras".

/** Subjects of a question or initiative; each case gets one in its title and one or two in its description. */
export const SUBJECTS = [
  'een terras aan het plein',
  'terrassen in de binnenstad',
  'nieuwe woningen',
  'een woning splitsen',
  'starterswoningen voor jongeren',
  'een mantelzorgwoning in de tuin',
  'tijdelijke woningen',
  'een fietsenstalling',
  'een veilige route om te fietsen naar school',
  'meer ruimte voor fietsen',
  'een nieuw fietspad',
  'een speeltuin voor de buurt',
  'speeltoestellen in het park',
  'zonnepanelen op het dak',
  'zonnepanelen op een bedrijfspand',
  'laadpalen voor elektrische auto’s',
  'een laadpaal voor de deur',
  'een buurtmoestuin',
  'een moestuin bij de school',
  'bomen planten in de straat',
  'het kappen van een boom',
  'een bloemenweide',
  'extra parkeerplaatsen',
  'parkeren in de wijk',
  'een verkeersdrempel',
  'geluidsoverlast van een bedrijf',
  'geluidsoverlast in het weekend',
  'een evenement op het plein',
  'een festival in het park',
  'een braderie',
  'een kerstmarkt',
  'de weekmarkt',
  'een buurthuis',
  'een wijkcentrum',
  'een dorpshuis',
  'kinderopvang',
  'een sportveld',
  'een nieuwe sporthal',
  'het zwembad',
  'de bibliotheek',
  'een kunstwerk',
  'een muurschildering',
  'straatverlichting',
  'afvalcontainers',
  'zwerfafval',
  'een hondenuitlaatplaats',
  'bankjes in het park',
  'een jongerenontmoetingsplek',
  'een horecazaak',
  'een bed and breakfast',
  'een dakopbouw',
  'een aanbouw aan de woning',
  'een warmtenet',
  'een windmolen',
  'een vergunning voor een kiosk',
  'deelauto’s in de buurt',
  'een bushalte',
  'een oversteekplaats',
  'groen in de straat',
  'wateroverlast na regen',
  'een zorgboerderij',
  'dagbesteding voor ouderen',
  'eenzaamheid onder ouderen',
  'een repaircafé',
  'een voedselbank',
  'een escape room in een leeg pand',
  'een pop-up winkel',
  'een bedrijfsverzamelgebouw',
  'leegstand in het winkelcentrum',
  'een tiny house',
];

export const TITLE_OPENERS = [
  'Aanvraag',
  'Initiatief',
  'Vraag over',
  'Plan voor',
  'Verzoek om',
  'Idee:',
  'Melding over',
  'Voorstel voor',
  'Subsidieaanvraag voor',
  'Zorgen over',
];

export const PLACE_PHRASES = [
  'in het centrum',
  'in onze wijk',
  'bij de school',
  'aan de haven',
  'in het park',
  'op het dorpsplein',
  'langs de rivier',
  'bij het station',
  'in de oude binnenstad',
  'op het bedrijventerrein',
  'aan de rand van het dorp',
  'bij de sporthal',
];

export const OPENERS = [
  'Wij willen graag',
  'Als bewoners van de straat willen wij',
  'Ons bedrijf wil',
  'Namens de vereniging willen wij',
  'Ik wil',
  'De stichting wil',
  'Samen met de buren willen wij',
  'Als ondernemers in de wijk willen wij',
];

export const VERBS = [
  'starten met',
  'praten over',
  'een plan maken voor',
  'subsidie aanvragen voor',
  'een vergunning aanvragen voor',
  'meedenken over',
  'zelf zorgen voor',
  'de gemeente vragen om',
];

export const REASONS = [
  'Dit draagt bij aan een levendige en veilige wijk.',
  'Veel buurtbewoners hebben aangegeven dat zij dit missen.',
  'Wij vragen de gemeente om mee te denken over vergunningen en subsidie.',
  'Het gaat om een tijdelijke situatie van ongeveer zes maanden.',
  'De buren zijn op de hoogte en staan achter het plan.',
  'Wij hebben al contact gehad met de woningcorporatie.',
  'Kinderen spelen hier veel en de situatie is onoverzichtelijk.',
  'Het past bij de duurzaamheidsdoelen van de gemeente.',
  'Wij zoeken een vast aanspreekpunt bij de gemeente.',
  'Eerdere meldingen hebben nog niet tot een oplossing geleid.',
  'Ondernemers in de straat willen graag bijdragen aan de kosten.',
  'Wij hopen voor de zomer te kunnen beginnen.',
];

export const STREETS = [
  'Kerkstraat',
  'Schoolstraat',
  'Molenweg',
  'Dorpsstraat',
  'Stationsweg',
  'Julianastraat',
  'Beatrixlaan',
  'Wilhelminastraat',
  'Nieuwstraat',
  'Hoofdstraat',
  'Marktplein',
  'Kastanjelaan',
  'Eikenlaan',
  'Parallelweg',
  'Industrieweg',
  'Havenstraat',
  'Sportlaan',
  'Lindenlaan',
  'Prins Bernhardstraat',
  'Oranjestraat',
  'Emmastraat',
  'Rembrandtlaan',
  'Vondelstraat',
  'Burgemeester de Withstraat',
  'Kanaalweg',
  'Dijkstraat',
  'Voorstraat',
  'Achterweg',
  'Veldweg',
  'Zuiderpark',
];

export const AREA_NAMES = [
  'Centrum',
  'Noord',
  'Oost',
  'Zuid',
  'West',
  'Binnenstad',
  'Oude Dorp',
  'Haven',
  'Buitengebied',
  'Nieuw-West',
  'Stationskwartier',
  'Bedrijventerrein',
  'Tuindorp',
  'Molenwijk',
  'Parkwijk',
  'Rivierenbuurt',
];

export const THEME_NAMES = [
  'Wonen',
  'Ondernemen',
  'Mobiliteit',
  'Groen en water',
  'Evenementen',
  'Zorg en welzijn',
  'Duurzaamheid',
  'Cultuur',
  'Sport',
  'Veiligheid',
];

export const DEPARTMENTS: Array<[string, 'social' | 'physical' | 'safety' | 'economy' | 'governance']> = [
  ['Ruimtelijke ordening', 'physical'],
  ['Openbare orde en veiligheid', 'safety'],
  ['Sociaal domein', 'social'],
  ['Economische zaken', 'economy'],
  ['Bestuur en communicatie', 'governance'],
];

export const FIRST_NAMES = [
  'Anna', 'Daan', 'Emma', 'Sem', 'Julia', 'Lucas', 'Sophie', 'Finn', 'Tess', 'Levi', 'Sara', 'Milan', 'Fenna', 'Noah', 'Lotte',
  'Jesse', 'Eva', 'Bram', 'Saar', 'Thijs', 'Fatima', 'Mohamed', 'Yara', 'Ahmet', 'Ilse', 'Kees', 'Marieke', 'Joost', 'Ingrid', 'Pieter',
];

export const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
  'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Smits', 'de Graaf',
  'van der Meer', 'Yilmaz', 'El Amrani', 'Kok', 'Jacobs', 'Vermeulen',
];

/**
 * The ten largest municipalities get their real name and a recognisable prefix; the
 * others get a composed name and a prefix from a base-26 index.
 */
export const LARGE_MUNICIPALITIES: Array<[name: string, prefix: string]> = [
  ['Amsterdam', 'AMS'],
  ['Rotterdam', 'RTM'],
  ['Den Haag', 'DH'],
  ['Utrecht', 'UTR'],
  ['Eindhoven', 'EHV'],
  ['Groningen', 'GRN'],
  ['Tilburg', 'TLB'],
  ['Almere', 'ALM'],
  ['Breda', 'BRD'],
  ['Nijmegen', 'NMG'],
];

export const TOWN_PARTS_A = ['Oost', 'West', 'Noord', 'Zuid', 'Nieuw', 'Oud', 'Groot', 'Klein', 'Hoog', 'Laag', 'Sint', 'Ter', 'Ven', 'Berg', 'Zand', 'Water', 'Heide', 'Moer', 'Brug', 'Dal'];
export const TOWN_PARTS_B = ['dorp', 'veen', 'wijk', 'horst', 'hoven', 'dam', 'broek', 'sloot', 'stede', 'burg', 'meer', 'loo', 'beek', 'zijl', 'kerk', 'huizen', 'rade', 'wolde'];

/** Search words the benchmark rotates through: stemmed forms of words in SUBJECTS. */
export const SEARCH_WORDS = [
  'fietsen',
  'woningen',
  'terras',
  'speeltuinen',
  'zonnepaneel',
  'evenementen',
  'boom',
  'parkeerplaats',
  'geluidsoverlast',
  'markt',
  'laadpalen',
  'moestuinen',
  'woning splitsen',
  'kunstwerk',
];
