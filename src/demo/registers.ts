// The demo's rules register and mandate register (docs/product.md#the-rules-register,
// docs/product.md#the-mandate-register), made
// through the registers' own use-cases as the municipality's admin.
import { dutchDate } from '../kernel/clock.js';
import { createMandate } from '../modules/mandates/index.js';
import { importRules } from '../modules/rules/index.js';
import type { Actor } from '../platform/auth/index.js';
import type { Ctx } from '../platform/context.js';
import type { MunicipalitySeed } from './data.js';

/** The rules register (one all-or-nothing import) and the mandate register, as the admin. */
export async function seedRegisters(admin: Ctx, m: MunicipalitySeed, staff: (key: string) => Actor): Promise<void> {
  if (m.rules?.length) {
    const content = JSON.stringify(m.rules.map((r) => ({ ...r, validUntil: r.validUntil ?? null })));
    const result = await importRules(admin, { format: 'json', content });
    if (!result.ok) throw new Error(`demo data: rules of ${m.slug}: ${result.problems.map((p) => `line ${p.line} ${p.field}: ${p.message}`).join('; ')}`);
  }
  const firstDay = dutchDate(admin.clock.now());
  for (const md of m.mandates ?? []) {
    await createMandate(admin, {
      holder: 'role' in md.holder ? { kind: 'role', role: md.holder.role } : { kind: 'person', userId: staff(md.holder.staff).userId },
      scope: md.scope,
      delegatedBy: md.delegatedBy,
      validFrom: md.validFrom ?? firstDay,
      validUntil: md.validUntil ?? null,
    });
  }
}
