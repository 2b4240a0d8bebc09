// Test helpers of sharing agreements, for this module's tests and other modules' tests.
import type { Actor } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/context.js';
import { ctxFor, type TestMunicipality } from '../../testing/factories.js';
import { approveAgreement, proposeAgreement } from './service.js';

export interface AgreementSides {
  provider: TestMunicipality;
  providerAdmin: Actor;
  receiver: TestMunicipality;
  receiverAdmin: Actor;
}

/**
 * An agreement under which `provider`'s departments (its first, unless told) assess for
 * `receiver`, approved by both admins unless `approved: false`. Its period starts
 * 2026-01-01 without an end, so it is in force both on the tests' fixed clock and on
 * the database's own date, which row-level security reads.
 */
export async function buildAgreement(
  deps: Deps,
  s: AgreementSides,
  o: {
    departmentIds?: string[];
    ruleDomains?: ('social' | 'physical' | 'safety' | 'economy' | 'governance')[];
    /** the receiver's themes the agreement is for; none: every theme */
    themeIds?: string[];
    approved?: boolean;
    validFrom?: string;
    validUntil?: string | null;
  } = {},
) {
  const proposed = await proposeAgreement(ctxFor(deps, s.providerAdmin), {
    receiverMunicipality: s.receiver.slug,
    what: 'Toetsing door de Omgevingsdienst',
    departmentIds: o.departmentIds ?? [s.provider.departmentIds[0] as string],
    ruleDomains: o.ruleDomains ?? [],
    themeIds: o.themeIds ?? [],
    validFrom: o.validFrom ?? '2026-01-01',
    validUntil: o.validUntil ?? null,
  });
  if (o.approved === false) return proposed;
  await approveAgreement(ctxFor(deps, s.providerAdmin), { id: proposed.id });
  return approveAgreement(ctxFor(deps, s.receiverAdmin), { id: proposed.id });
}
