// English texts of the case page's sections and menu, the footer, and the privacy and
// accessibility statements. Typed against the Dutch catalogue.
import type { nlUx } from './nl.ux.js';

export const enUx: Record<keyof typeof nlUx, string> = {
  // case page: sections, in-page menu, summary, forms on demand
  'caseUx.onThisPage': 'On this page',
  'caseUx.summary': 'Where the case stands',
  'caseUx.summaryStatus': 'Status',
  'caseUx.summaryClock': 'Plan clock',
  'caseUx.summaryNoClock': 'not running',
  'caseUx.summaryDue': '(plan due on {date})',
  'caseUx.summaryRound': 'Assessment round',
  'caseUx.summaryNoRound': 'none yet',
  'caseUx.notesTitle': 'Notes',
  'caseUx.noteSubmit': 'Save note',
  'caseUx.messageOpen': 'Write a message',
  'caseUx.suspendSubmit': 'Suspend with this reason',
  'caseUx.openRoundOpen': 'Prepare a new assessment round',
  'caseUx.commitmentOpen': 'Fill in a new commitment',
  'caseUx.withdrawLead': 'Withdrawing ends the case for good. This cannot be undone.',
  'caseUx.withdrawOpen': 'Withdraw case…',
  'caseUx.withdrawConfirm': 'Are you sure you want to withdraw case {reference}? This cannot be undone.',
  'caseUx.withdrawYes': 'Yes, withdraw the case',
  'caseUx.withdrawNo': 'No, do not withdraw',

  // footer
  'footer.label': 'About this website',
  'footer.privacy': 'Privacy statement',
  'footer.accessibility': 'Accessibility statement',
  'footer.contact': 'Contact',
  'footer.contactText': 'Questions about your case? Contact your case director or {municipality}.',
  'footer.contactTextAnonymous': 'Questions about your request? Contact your municipality.',

  // privacy statement (GDPR article 13)
  'privacy.title': 'Privacy statement',
  'privacy.lead':
    'When you file a request, the municipality records personal data about you in Regie. This page says which data, why, for how long and what your rights are (article 13 of the General Data Protection Regulation, GDPR).',
  'privacy.controllerTitle': 'Who is responsible',
  'privacy.controller':
    'The municipality you file your request with is the controller. Every municipality has a data protection officer (DPO); you reach them through the municipality.',
  'privacy.whatTitle': 'Which data we record',
  'privacy.what1': 'your name, e-mail address and (if you give it) your phone number;',
  'privacy.what2': 'if you ask on behalf of a company: its name and Chamber of Commerce number;',
  'privacy.what3': 'your question in your own words, the location or address, the area and the themes you choose;',
  'privacy.what4': 'what happens with your case: the plan, messages, notes, assessments and commitments, with the date and who did it.',
  'privacy.whyTitle': 'Why',
  'privacy.why':
    'We use this data to handle your question: one case director makes a plan with you and has the departments assess it together. The legal basis is a task carried out in the public interest (article 6(1)(e) GDPR). We do not use your data for anything else and do not sell it.',
  'privacy.whoTitle': 'Who sees your data',
  'privacy.who':
    'Staff of the municipality who work on your case, and parties the municipality asks for an assessment (for example an environmental agency), only as far as they need it.',
  'privacy.howLongTitle': 'How long',
  'privacy.howLong':
    'As long as your case runs. After that the municipality keeps the case file as long as the Archives Act and the municipal selection list require, and then destroys it.',
  'privacy.rightsTitle': 'Your rights',
  'privacy.rights':
    'You may see your data, have it corrected or completed, have it erased when we no longer need it, have its processing restricted and object to it. Ask the municipality. If you disagree with how the municipality handles your data, you can complain to the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',

  // accessibility statement (Dutch model, digitoegankelijk.nl)
  'a11y.title': 'Accessibility statement',
  'a11y.lead':
    'The municipality wants everyone to be able to use Regie: to file a request, to follow your case and, as staff, to handle cases. This statement follows the Dutch government model.',
  'a11y.statusTitle': 'Status',
  'a11y.status':
    'Regie partially meets the requirements: the Web Content Accessibility Guidelines (WCAG) 2.1, level AA (EN 301 549). Every page is tested automatically in a browser with every change, also on a screen 320 pixels wide, with the keyboard and with axe.',
  'a11y.knownTitle': 'Known issues',
  'a11y.known1': 'Wide tables (such as the plan and the outcome of an assessment) scroll sideways within their own frame on a narrow screen.',
  'a11y.known2': 'The case file (PDF) is not yet a fully accessible PDF (PDF/UA).',
  'a11y.known3': 'No independent expert has audited Regie yet; the status is based on our own tests.',
  'a11y.contactTitle': 'Contact and complaints',
  'a11y.contact':
    'Do you run into a problem? Report it to the municipality; you get an answer within 5 working days. If you are not satisfied with how it was handled, you can complain to the municipality and then to the National Ombudsman.',
  'a11y.contactMunicipality': 'You reach {municipality} through the contact details on the municipality’s website.',
};
