// The rows of the negative suite (authorization.int.test.ts): one per API
// operation, with who may call it. Each module keeps its own rows beside its tests,
// in step with its policies; this list is all of them, in the order the suite runs.

import { rows as assessments } from '../modules/assessments/authorization.rows.js';
import { rows as attachments } from '../modules/attachments/authorization.rows.js';
import { rows as audit } from '../modules/audit/authorization.rows.js';
import { rows as benchmark } from '../modules/benchmark/authorization.rows.js';
import { rows as cases } from '../modules/cases/authorization.rows.js';
import { rows as collaborations } from '../modules/collaborations/authorization.rows.js';
import { rows as commitments } from '../modules/commitments/authorization.rows.js';
import { rows as council } from '../modules/council/authorization.rows.js';
import { rows as dossier } from '../modules/dossier/authorization.rows.js';
import { rows as geo } from '../modules/geo/authorization.rows.js';
import { rows as identity } from '../modules/identity/authorization.rows.js';
import { rows as insights } from '../modules/insights/authorization.rows.js';
import { rows as intermunicipal } from '../modules/intermunicipal/authorization.rows.js';
import { rows as mandates } from '../modules/mandates/authorization.rows.js';
import { rows as organisation } from '../modules/organisation/authorization.rows.js';
import { rows as participation } from '../modules/participation/authorization.rows.js';
import { rows as plans } from '../modules/plans/authorization.rows.js';
import { rows as rules } from '../modules/rules/authorization.rows.js';
import { rows as satisfaction } from '../modules/satisfaction/authorization.rows.js';
import { rows as webhooks } from '../modules/webhooks/authorization.rows.js';
import { rows as zgw } from '../modules/zgw/authorization.rows.js';
import { rows as server } from '../platform/http/authorization.rows.js';
import type { Row } from './authorization.js';

export { ACTOR_KEYS, type ActorKey, type Fresh, type Req, type Row, type World } from './authorization.js';

export const rows: Row[] = [
  ...server,
  ...identity,
  ...cases,
  ...plans,
  ...dossier,
  ...assessments,
  ...rules,
  ...mandates,
  ...commitments,
  ...organisation,
  ...audit,
  ...council,
  ...insights,
  ...benchmark,
  ...participation,
  ...satisfaction,
  ...collaborations,
  ...intermunicipal,
  ...attachments,
  ...geo,
  ...webhooks,
  ...zgw,
];
