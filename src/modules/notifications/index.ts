// The text of every mail Regie sends.
// The module's public face: what other modules, the composition root, the CLI,
// the demo and other modules' tests may use. Everything else is internal.
export { MAIL_LINK_DAYS, type MailText, mails } from './mails.js';
