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
  'error.staffRoleOnly': 'Kies een rol voor een medewerker; initiatiefnemers melden zich zelf aan.',
  'error.cannotLockOutSelf': 'U kunt uzelf niet blokkeren of uw eigen beheerrol afnemen.',
  // Rules register (regelregister) and its import/export.
  'error.unknownField': 'Onbekend veld.',
  'error.tooLong': 'Hoogstens {max} tekens.',
  'error.isoDate': 'Vul een datum in als JJJJ-MM-DD.',
  'error.ruleCodeFormat': 'Een code heeft hoogstens 40 tekens: letters, cijfers en . _ : / -, en begint met een letter of cijfer.',
  'error.ruleDomain': 'Kies een domein: social, physical, safety, economy of governance.',
  'error.ruleStrictCsv': 'Vul true of false in (of ja of nee).',
  'error.ruleStrictJson': 'Vul true of false in (zonder aanhalingstekens).',
  'error.ruleEndBeforeStart': 'De einddatum ligt vóór de begindatum.',
  'error.ruleOverlaps': 'De geldigheid overlapt met een andere versie van regel {code} (geldig vanaf {validFrom}).',
  'error.ruleShortensPast':
    'Regel {code} kon al worden aangehaald; de geldigheid kan niet met terugwerkende kracht worden ingekort. Kies vandaag of later als einddatum.',
  'error.ruleDuplicateInFile': 'Regel {code} met deze begindatum staat al op regel {line} van het bestand.',
  'error.importHasErrors': 'Het bestand bevat fouten; er is niets geïmporteerd.',
  'error.tooManyRows': 'Hoogstens {max} regels per import.',
  'error.emptyFile': 'Het bestand is leeg.',
  'error.csvUnclosedQuote': 'Een aanhalingsteken wordt niet gesloten.',
  'error.csvMissingColumn': 'Ontbrekende kolom: {column}.',
  'error.csvUnknownColumn': 'Onbekende kolom: {column}.',
  'error.csvFieldCount': 'Deze regel heeft {found} velden; de kopregel heeft er {expected}.',
  'error.jsonSyntax': 'Dit is geen geldige JSON.',
  'error.jsonNotArray': 'Verwacht een JSON-lijst (array) met regels.',
  'error.jsonNotObject': 'Elke regel is een JSON-object.',
  // Integrale toets: wat een antwoord nodig heeft ("ja, tenzij").
  'error.conditionsRequired': 'Een akkoord met voorwaarden noemt de voorwaarden.',
  'error.conditionsOnlyWithYesWithConditions': 'Voorwaarden horen bij "akkoord, mits"; kies dat antwoord.',
  'error.objectionNeedsRule': 'Een bezwaar noemt ten minste één regel uit het regelregister.',
  'error.ruleNotInRegister': 'Deze regel staat niet in het regelregister van de gemeente.',
  'error.ruleNotCitable': 'Regel {code} geldt niet op {date} en kan niet worden aangehaald.',
  'error.whyRequired': 'Leg uit waarom de regel op deze casus van toepassing is.',
  'error.howRequired': 'Zeg hoe het initiatief wél kan ("hoe wel"); alleen bij strikte regels mag dit ontbreken.',
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
  'error.staffRoleOnly': 'Choose a staff role; initiators register themselves.',
  'error.cannotLockOutSelf': 'You cannot block yourself or take away your own admin role.',
  // Rules register and its import/export.
  'error.unknownField': 'Unknown field.',
  'error.tooLong': 'At most {max} characters.',
  'error.isoDate': 'Enter a date as YYYY-MM-DD.',
  'error.ruleCodeFormat': 'A code has at most 40 characters: letters, digits and . _ : / -, starting with a letter or digit.',
  'error.ruleDomain': 'Choose a domain: social, physical, safety, economy or governance.',
  'error.ruleStrictCsv': 'Enter true or false (or ja or nee).',
  'error.ruleStrictJson': 'Enter true or false (without quotes).',
  'error.ruleEndBeforeStart': 'The end date is before the start date.',
  'error.ruleOverlaps': 'The validity overlaps another version of rule {code} (valid from {validFrom}).',
  'error.ruleShortensPast': 'Rule {code} could already be cited; its validity cannot be shortened retroactively. Choose today or later as the end date.',
  'error.ruleDuplicateInFile': 'Rule {code} with this start date is already on line {line} of the file.',
  'error.importHasErrors': 'The file has errors; nothing was imported.',
  'error.tooManyRows': 'At most {max} rows per import.',
  'error.emptyFile': 'The file is empty.',
  'error.csvUnclosedQuote': 'A quote is never closed.',
  'error.csvMissingColumn': 'Missing column: {column}.',
  'error.csvUnknownColumn': 'Unknown column: {column}.',
  'error.csvFieldCount': 'This line has {found} fields; the header has {expected}.',
  'error.jsonSyntax': 'This is not valid JSON.',
  'error.jsonNotArray': 'Expected a JSON array of rules.',
  'error.jsonNotObject': 'Each rule is a JSON object.',
  // Integrated assessment: what an answer needs ("yes, unless").
  'error.conditionsRequired': 'A yes with conditions states the conditions.',
  'error.conditionsOnlyWithYesWithConditions': 'Conditions belong to "yes, with conditions"; choose that answer.',
  'error.objectionNeedsRule': 'An objection must cite at least one rule from the register.',
  'error.ruleNotInRegister': "This rule is not in the municipality's rules register.",
  'error.ruleNotCitable': 'Rule {code} is not valid on {date} and cannot be cited.',
  'error.whyRequired': 'Explain why the rule applies to this case.',
  'error.howRequired': 'Say how the initiative could be done ("hoe wel"); only strict rules may leave this out.',
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
