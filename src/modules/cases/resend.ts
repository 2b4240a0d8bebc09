// A fresh link for a case whose old link expired or was used, when that link named no
// account: the confirmation link of a public intake (docs/product.md#links-in-mail,
// docs/product.md#confirming-a-public-intake). Still unconfirmed, the case gets a new
// confirmation link at the intake's address; confirmed since, its initiator gets a
// login link to it. Runs in the caller's transaction; nothing is said either way.
import type { Deps } from '../../platform/context.js';
import type { Tx } from '../../platform/db/index.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { issueLoginLink } from '../identity/index.js';
import { mails } from '../notifications/index.js';
import { getMunicipality } from '../organisation/index.js';
import { mailInitiator } from './mail.js';
import { findCase, lockIntake } from './repo.js';

export async function unsafeResendCaseLink(trx: Tx, deps: Deps, link: { municipalityId: string; caseId: string }): Promise<void> {
  const c = await findCase(trx, link.municipalityId, link.caseId);
  if (!c) return;
  if (c.initiator_id) {
    await mailInitiator(trx, deps, c, (l, p) => mails.freshLoginLink(l, p));
    return;
  }
  const intake = await lockIntake(trx, link.municipalityId, link.caseId);
  if (!intake || intake.confirmed_at || c.status === 'withdrawn') return;
  const m = await getMunicipality(trx, link.municipalityId);
  // Like the first one: a link without a user, that confirms this one case.
  const fresh = await issueLoginLink(trx, deps, { municipalityId: link.municipalityId, userId: null, caseId: c.id });
  await enqueueMail(trx, {
    municipalityId: link.municipalityId,
    to: intake.email,
    ...mails.confirmIntake(intake.locale, { name: intake.name, reference: c.reference, title: c.title, link: fresh, municipality: m.name }),
  });
}
