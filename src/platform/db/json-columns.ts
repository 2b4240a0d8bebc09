// The shapes of the jsonb columns, which the database does not know. The generated
// table types (types.generated.ts) use these for the columns that scripts/db-types.ts
// lists; everything else there comes from the migrated schema itself.
import type { ColumnType } from 'kysely';
import type { Rules } from './types.generated.js';

/** A JSON object, written as its JSON text and read back parsed. */
export type JsonRecord = ColumnType<Record<string, unknown>, string | undefined, string>;
/** A change record: JSON text on insert, never updated. */
export type JsonChange = ColumnType<Record<string, unknown>, string, never>;
/** A list of ids kept as a JSON array, written once. */
export type JsonIds = ColumnType<string[], string, never>;

/** A cited rule as it was when cited. */
export interface CitedRuleSnapshot {
  id: string;
  code: string;
  title: string;
  legalSource: string;
  domain: Rules['domain'];
  strict: boolean;
}
/** The rules an answer cites, as they were then: JSON text on insert, never updated. */
export type CitedRules = ColumnType<CitedRuleSnapshot[], string | undefined, never>;
