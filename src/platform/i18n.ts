// Server-side message catalogue: problem titles and field messages in Dutch (the
// default) and English. The web app has its own catalogue for the interface.
/** The languages of the interface and the API's messages, Dutch first. */
export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

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
  'error.databaseUnavailable': 'De database is even niet bereikbaar. Probeer het over een ogenblik opnieuw.',
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
  'error.dateRange': 'Vul een datum in tussen 1900 en 2200.',
  'error.controlCharacter': 'Deze tekst bevat een teken dat niet is toegestaan (een stuurteken of, in een regel, een regeleinde).',
  'error.loneSurrogate': 'Deze tekst bevat een ongeldig teken.',
  'error.nothingToChange': 'Er is niets te wijzigen: geef minstens één veld mee.',
  'error.notAnObject': 'De inhoud van het verzoek moet een JSON-object zijn.',
  'error.badUrl': 'Het adres van het verzoek is ongeldig.',
  // Bad input refused at its cause: text on one line, request headers.
  'error.lineBreak': 'Dit veld moet op één regel staan: een regeleinde is hier niet toegestaan.',
  'error.wrongType': 'Hier hoort {expected}.',
  'type.number': 'een getal',
  'type.integer': 'een geheel getal',
  'type.string': 'één tekst',
  'type.boolean': 'true of false',
  'type.array': 'een lijst',
  'type.object': 'een JSON-object',
  'type.other': 'een andere waarde',
  'error.tooDeep': 'De inhoud van het verzoek is te diep genest.',
  'error.invalidJson': 'De inhoud van het verzoek is geen geldige JSON.',
  'error.emptyBody': 'De inhoud van het verzoek is leeg.',
  'error.bodyTooLarge': 'De inhoud van het verzoek is te groot.',
  'error.unsupportedMediaType': 'Dit soort inhoud (Content-Type) wordt hier niet aangenomen; stuur application/json.',
  'error.badRequest': 'Het verzoek is ongeldig.',
  'error.headersTooLarge': 'De kopregels van het verzoek zijn te groot.',
  'error.requestTimeout': 'Het verzoek duurde te lang.',
  'error.urlTooLong': 'Het adres van het verzoek is te lang.',
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
  // Integrale toets: rondes, antwoorden, late bezwaren en overrulen.
  'error.roundCaseStatus': 'Een toetsronde kan alleen worden gestart op een zaak in intake, planvorming of uitvoering.',
  'error.roundNeedsParty': 'Vraag ten minste één partij: een afdeling of een externe partij.',
  'error.duplicateParty': 'Deze partij staat al in de ronde.',
  'error.unknownRound': 'Deze ronde hoort niet bij deze zaak.',
  'error.roundClosed': 'De ronde is gesloten. Alleen een bezwaar kan nog, als laat bezwaar.',
  'error.latePending': 'Er ligt al een laat bezwaar van deze partij ter beoordeling bij de coördinator.',
  'error.alreadyDecided': 'Over dit late bezwaar is al beslist.',
  'error.notYourDepartment': 'Alleen een specialist van de gevraagde afdeling beantwoordt deze toetsvraag.',
  'error.notAnObjection': 'Alleen een bezwaar kan worden overruled.',
  'error.alreadyOverruled': 'Dit bezwaar is al overruled.',
  'error.answerOverruled':
    'Dit bezwaar is op {date} overruled door {name}; het antwoord kan in deze ronde niet meer worden gewijzigd. Een nieuw punt brengt u in als laat bezwaar.',
  'error.strictObjection':
    'Een bezwaar op een strikte regel (veiligheid, openbare orde, criminaliteit) kan niet worden overruled; het wordt alleen opgelost door het plan te wijzigen.',
  'error.noOverruleMandate': 'U heeft geen geldig mandaat om een bezwaar in dit domein te overrulen. Vraag het aan wie dat mandaat wel heeft.',
  'error.linkExpired': 'Deze link is verlopen: de termijn van de toetsronde is voorbij en een laat bezwaar is al ingediend.',
  'error.linkExpiredAllAnswered':
    'Deze link is verlopen: de toetsronde is gesloten omdat alle gevraagde partijen hebben geantwoord, en een laat bezwaar is al ingediend.',
  'error.linkExpiredCaseEnded': 'Deze link is verlopen: de zaak is afgesloten of ingetrokken.',
  'error.invalidEmail': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'error.invalidId': 'Dit is geen geldige verwijzing (id).',
  'error.termWorkingDays': 'Een termijn is {min} tot en met {max} werkdagen.',
  // Mandaatregister en toezeggingen (docs/product.md#the-mandate-register, docs/product.md#commitments-on-record).
  'error.mandateStaffRoleOnly': 'Kies een rol van een medewerker; een initiatiefnemer kan geen mandaat hebben.',
  'error.mandateHolderNotStaff': 'Deze persoon is geen actieve medewerker van deze gemeente.',
  'error.mandateAmount': 'Geef een bedrag in hele eurocenten van ten minste 1.',
  'error.mandateDelegatedBy': 'Zeg wie het mandaat heeft verleend, bijvoorbeeld "het college" of "de burgemeester".',
  'error.mandateEndBeforeStart': 'De einddatum ligt vóór de begindatum.',
  'error.mandateWhoWhatFixed':
    'Dit mandaat is al van kracht geweest; wie het heeft en wat het toestaat verandert niet meer. Beëindig het en leg een nieuw mandaat vast.',
  'error.mandateShortensPast':
    'Dit mandaat was al van kracht; de geldigheid kan niet met terugwerkende kracht worden ingekort. Kies vandaag of later als einddatum.',
  'error.commitmentWhat': 'Beschrijf precies wat er is toegezegd.',
  'error.commitmentMakerRole': 'Noem de rol of functie van wie de toezegging deed, bijvoorbeeld "wethouder Economie".',
  'error.commitmentMakerNotStaff': 'Deze persoon is geen actieve medewerker van deze gemeente; noem anders naam en rol.',
  'error.commitmentMadeInFuture': 'De datum waarop de toezegging is gedaan ligt in de toekomst.',
  'error.commitmentDueBeforeMade': 'De uiterste datum ligt vóór de datum waarop de toezegging is gedaan.',
  'error.unknownUser': 'Deze persoon bestaat niet in deze gemeente.',
  'error.exemptionRuleUnknown': 'Regel {code} staat niet in het regelregister van de gemeente.',
  'error.commitmentNotOpen': 'Deze toezegging is al afgerond ({statusNl}); zij blijft vastgelegd zoals zij is.',
  'error.commitmentCaseStatus': 'Een toezegging kan alleen worden vastgelegd bij een zaak die nog loopt, niet bij een afgesloten of ingetrokken zaak.',
  'error.bodyDecisionReason':
    'Geen enkel mandaat dekt deze toezegging: noem het besluit van het college of de burgemeester in de reden (bijvoorbeeld "collegebesluit 1 december 2026").',
  'error.commitmentNotAwaitingConfirmation': 'Deze toezegging wacht niet op bevestiging.',
  'error.notAMandateHolder': 'U hebt geen mandaat dat deze toezegging dekt; alleen de mandaathouder kan haar bevestigen of afwijzen.',
  // confirming a public intake; staff login per municipality
  'error.caseUnconfirmed': 'Deze aanvraag is nog niet bevestigd door de aanvrager; pas na bevestiging kan de intake beginnen. Intrekken kan wel.',
  'error.chooseMunicipality': 'Dit e-mailadres en wachtwoord horen bij meer dan één gemeente: kies de gemeente waarin u wilt inloggen.',
  // Integrale toets: niemand stemt stilzwijgend in, een staand bezwaar houdt het plan tegen (docs/product.md#a-standing-objection).
  'error.departmentUnstaffed':
    'Afdeling {name} heeft geen actieve specialist; niemand kan antwoorden. Laat de afdeling weg of vraag de beheerder eerst een specialist aan de afdeling te koppelen.',
  'error.objectionOverruledBefore':
    'Dit bezwaar ({codes}) is op {date} overruled door {name} in ronde {round}, over hetzelfde voorstel. Het kan niet opnieuw worden ingebracht; een nieuw punt of een gewijzigd voorstel wel.',
  'error.notAnObjectionToWithdraw': 'Alleen een bezwaar kan worden ingetrokken.',
  'error.alreadyWithdrawn': 'Dit bezwaar is al ingetrokken.',
  'error.standingObjection':
    'Het plan kan nog niet worden overeengekomen: er staat een bezwaar van {parties}. Dat bezwaar moet eerst zijn opgelost: door een aangepast voorstel in een nieuwe toetsronde, door een overrule binnen mandaat, of doordat de partij het intrekt.',
  // Plan clock, plan mandates and If-Match (docs/product.md#the-plan-clock, docs/product.md#agreeing-a-plan-within-mandate).
  'error.ifMatchMalformed': 'De kopregel If-Match is ongeldig: gebruik * of een of meer ETags tussen aanhalingstekens, zoals "7".',
  'error.planNeedsMandate': 'Voor dit plan is een mandaat nodig om {needsNl}; u heeft zo’n mandaat vandaag niet.',
  // staff accounts and links in mail (docs/product.md#staff-accounts)
  'error.wrongPassword': 'Uw huidige wachtwoord is onjuist.',
  'error.invalidPasswordLink': 'Deze link om een wachtwoord in te stellen is verlopen of al gebruikt. Vraag via "Wachtwoord vergeten" een nieuwe aan.',
  // De eigen uitstraling van de gemeente (docs/product.md#the-municipalitys-own-look).
  'error.colourFormat': 'Geef de kleur als #rrggbb, bijvoorbeeld #01689b.',
  'error.colourContrast': 'Witte tekst op deze kleur is slecht leesbaar: het contrast moet ten minste 4,5:1 zijn (WCAG 1.4.3). Kies een donkerder kleur.',
  'error.websiteHttps': 'Geef de website als volledig adres dat begint met https://, bijvoorbeeld https://www.gemeente.nl.',
  'error.logoTooLarge': 'Het logo is te groot: ten hoogste {max} kB.',
  'error.logoType': 'Het logo moet een PNG- of SVG-bestand zijn.',
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
  'error.databaseUnavailable': 'The database cannot be reached right now. Please try again in a moment.',
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
  'error.dateRange': 'Enter a date between 1900 and 2200.',
  'error.controlCharacter': 'This text contains a character that is not allowed (a control character or, on one line, a line break).',
  'error.loneSurrogate': 'This text contains an invalid character.',
  'error.nothingToChange': 'There is nothing to change: send at least one field.',
  'error.notAnObject': 'The body of the request must be a JSON object.',
  'error.badUrl': 'The address of the request is invalid.',
  // Bad input refused at its cause: text on one line, request headers.
  'error.lineBreak': 'This field must be on one line: a line break is not allowed here.',
  'error.wrongType': 'This must be {expected}.',
  'type.number': 'a number',
  'type.integer': 'a whole number',
  'type.string': 'one text',
  'type.boolean': 'true or false',
  'type.array': 'a list',
  'type.object': 'a JSON object',
  'type.other': 'another value',
  'error.tooDeep': 'The body of the request is nested too deeply.',
  'error.invalidJson': 'The body of the request is not valid JSON.',
  'error.emptyBody': 'The body of the request is empty.',
  'error.bodyTooLarge': 'The body of the request is too large.',
  'error.unsupportedMediaType': 'This kind of content (Content-Type) is not accepted here; send application/json.',
  'error.badRequest': 'The request is invalid.',
  'error.headersTooLarge': 'The headers of the request are too large.',
  'error.requestTimeout': 'The request took too long.',
  'error.urlTooLong': 'The address of the request is too long.',
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
  // Integrated assessment: rounds, answers, late objections and overrules.
  'error.roundCaseStatus': 'An assessment round can only be opened on a case in intake, planning or execution.',
  'error.roundNeedsParty': 'Ask at least one party: a department or an outside party.',
  'error.duplicateParty': 'This party is already in the round.',
  'error.unknownRound': 'This round does not belong to this case.',
  'error.roundClosed': 'The round is closed. Only an objection is still possible, as a late objection.',
  'error.latePending': 'A late objection of this party is already awaiting the coordinator.',
  'error.alreadyDecided': 'This late objection has already been decided.',
  'error.notYourDepartment': 'Only a specialist of the department asked answers this request.',
  'error.notAnObjection': 'Only an objection can be overruled.',
  'error.alreadyOverruled': 'This objection has already been overruled.',
  'error.answerOverruled':
    'This objection was overruled on {date} by {name}; the answer can no longer be changed in this round. Raise a new point as a late objection.',
  'error.strictObjection': 'An objection on a strict rule (safety, public order, crime) cannot be overruled; it is resolved only by changing the plan.',
  'error.noOverruleMandate': 'You hold no mandate in force to overrule an objection in this domain. Ask someone who does.',
  'error.linkExpired': 'This link has expired: the term of the assessment round is over and a late objection was already raised.',
  'error.linkExpiredAllAnswered':
    'This link has expired: the assessment round closed because every party asked has answered, and a late objection was already raised.',
  'error.linkExpiredCaseEnded': 'This link has expired: the case has been closed or withdrawn.',
  'error.invalidEmail': 'Enter a valid e-mail address, such as name@example.com.',
  'error.invalidId': 'This is not a valid reference (id).',
  'error.termWorkingDays': 'A term is {min} to {max} working days.',
  // Mandate register and commitments (docs/product.md#the-mandate-register, docs/product.md#commitments-on-record).
  'error.mandateStaffRoleOnly': 'Choose a staff role; an initiator cannot hold a mandate.',
  'error.mandateHolderNotStaff': 'This person is not an active staff member of this municipality.',
  'error.mandateAmount': 'Enter an amount in whole euro cents of at least 1.',
  'error.mandateDelegatedBy': 'Say who delegated the mandate, for example "the college" or "the mayor".',
  'error.mandateEndBeforeStart': 'The end date is before the start date.',
  'error.mandateWhoWhatFixed': 'This mandate has already been in force; who holds it and what it allows no longer change. End it and record a new mandate.',
  'error.mandateShortensPast': 'This mandate was already in force; its validity cannot be shortened retroactively. Choose today or later as the end date.',
  'error.commitmentWhat': 'Describe exactly what was committed.',
  'error.commitmentMakerRole': 'Give the role of the person who made the commitment, for example "alderman for economy".',
  'error.commitmentMakerNotStaff': 'This person is not an active staff member of this municipality; give a name and role instead.',
  'error.commitmentMadeInFuture': 'The date the commitment was made is in the future.',
  'error.commitmentDueBeforeMade': 'The due date is before the date the commitment was made.',
  'error.unknownUser': 'This person does not exist in this municipality.',
  'error.exemptionRuleUnknown': "Rule {code} is not in the municipality's rules register.",
  'error.commitmentNotOpen': 'This commitment has already ended ({status}); it stays on record as it is.',
  'error.commitmentCaseStatus': 'A commitment can only be recorded on a case that is still running, not on a closed or withdrawn case.',
  'error.bodyDecisionReason':
    'No mandate covers this commitment: name the decision of the college or the mayor in the reason (for example "collegebesluit 1 december 2026").',
  'error.commitmentNotAwaitingConfirmation': 'This commitment is not awaiting confirmation.',
  'error.notAMandateHolder': 'You hold no mandate that covers this commitment; only the mandate holder can confirm or decline it.',
  // confirming a public intake; staff login per municipality
  'error.caseUnconfirmed': 'The requester has not confirmed this request yet; intake can start only after confirmation. Withdrawing is possible.',
  'error.chooseMunicipality': 'This e-mail address and password belong to more than one municipality: choose the municipality to log in to.',
  // Integrated assessment: nobody consents by silence, a standing objection holds the plan (docs/product.md#a-standing-objection).
  'error.departmentUnstaffed':
    'Department {name} has no active specialist; nobody can answer. Leave the department out, or ask the administrator to link a specialist to it first.',
  'error.objectionOverruledBefore':
    'This objection ({codes}) was overruled on {date} by {name} in round {round}, on the same proposal. It cannot be raised again; a new point or a changed proposal can.',
  'error.notAnObjectionToWithdraw': 'Only an objection can be withdrawn.',
  'error.alreadyWithdrawn': 'This objection has already been withdrawn.',
  'error.standingObjection':
    'The plan cannot be agreed yet: an objection of {parties} stands. It must be resolved first: by a changed proposal in a new assessment round, by an overrule within mandate, or by the party withdrawing it.',
  // Plan clock, plan mandates and If-Match (docs/product.md#the-plan-clock, docs/product.md#agreeing-a-plan-within-mandate).
  'error.ifMatchMalformed': 'The If-Match header is malformed: use * or one or more quoted ETags, such as "7".',
  'error.planNeedsMandate': 'This plan needs a mandate to {needsEn}; you hold no such mandate today.',
  // staff accounts and links in mail (docs/product.md#staff-accounts)
  'error.wrongPassword': 'Your current password is incorrect.',
  'error.invalidPasswordLink': 'This link to set a password has expired or was already used. Ask for a new one through "Forgot password".',
  // The municipality's own look (docs/product.md#the-municipalitys-own-look).
  'error.colourFormat': 'Give the colour as #rrggbb, for example #01689b.',
  'error.colourContrast': 'White text on this colour is hard to read: the contrast must be at least 4.5:1 (WCAG 1.4.3). Choose a darker colour.',
  'error.websiteHttps': 'Give the website as a full address starting with https://, for example https://www.example.nl.',
  'error.logoTooLarge': 'The logo is too large: at most {max} kB.',
  'error.logoType': 'The logo must be a PNG or SVG file.',
};

const catalogues: Record<Locale, Record<string, string>> = { nl, en };

export function translate(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const text = catalogues[locale][key] ?? catalogues.nl[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? `{${p}}`));
}

/** Dutch unless the client prefers English over Dutch. */
export function negotiateLocale(acceptLanguage: string | undefined, userLocale?: Locale): Locale {
  // The language the client asks for wins (the web app sends the language the user
  // chose in the interface); without a Dutch or English preference, the user's stored
  // language; otherwise Dutch.
  const prefs = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q) : 1 };
    })
    .filter((p) => p.tag === 'nl' || p.tag === 'en')
    .sort((a, b) => b.q - a.q);
  return (prefs[0]?.tag as Locale | undefined) ?? userLocale ?? 'nl';
}
