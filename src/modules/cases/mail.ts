// Mail about a case to someone on it: in the recipient's own language, signed with
// the municipality's name, with a link to the page on which they see the case (the
// initiator's own page or the staff page). Written in the caller's transaction, so
// the mail goes out only if the change it tells of is committed. The one way to mail
// about a case: an initiator's link is a fresh one-time login link of this mail's own,
// to the case page, so a link in an older mail still works
// (docs/product.md#links-in-mail).
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import type { CaseRow } from '../../platform/db/schema.js';
import { caseLinkFor } from '../../platform/links.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { issueMailLoginLink } from '../identity/index.js';
import type { MailText } from '../notifications/index.js';
import { getMunicipality } from '../organisation/index.js';

/** What every mail about a case says besides its own words. */
export interface CaseMailBasics {
  name: string;
  reference: string;
  link: string;
  municipality: string;
}

/** The mail's text in the recipient's language, from the basics and what the caller adds. */
export type ComposeCaseMail = (locale: 'nl' | 'en', basics: CaseMailBasics) => MailText;

type CaseToMailAbout = Pick<CaseRow, 'id' | 'municipality_id' | 'reference'>;

/** Mail one user (of the case's municipality) about the case. */
export async function mailAboutCase(trx: Tx, deps: Deps, c: CaseToMailAbout, userId: string, compose: ComposeCaseMail): Promise<void> {
  const m = await getMunicipality(trx, c.municipality_id);
  const u = await trx.selectFrom('users').selectAll().where('municipality_id', '=', c.municipality_id).where('id', '=', userId).executeTakeFirstOrThrow();
  const link =
    u.role === 'initiator'
      ? await issueMailLoginLink(trx, deps, { municipalityId: c.municipality_id, userId: u.id, caseId: c.id })
      : caseLinkFor(deps.config.publicUrl, c.id, u.role);
  const basics = { name: u.name, reference: c.reference, link, municipality: m.name };
  await enqueueMail(trx, { municipalityId: c.municipality_id, to: u.email, ...compose(u.locale, basics) });
}

/** Mail the case's initiator; an unconfirmed intake has none yet (docs/product.md#confirming-a-public-intake). */
export async function mailInitiator(trx: Tx, deps: Deps, c: CaseToMailAbout & Pick<CaseRow, 'initiator_id'>, compose: ComposeCaseMail): Promise<void> {
  if (c.initiator_id) await mailAboutCase(trx, deps, c, c.initiator_id, compose);
}
