// Who is acting. Every service call takes an Actor; the policies decide from it.
import type { Role } from '../../platform/db/schema.js';

export type { Role };

export const ROLES = ['initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'initiator');

export interface Actor {
  userId: string;
  municipalityId: string;
  role: Role;
  name: string;
  email: string;
  departmentId: string | null;
  locale: 'nl' | 'en';
  /** how the request authenticated: a browser session needs a CSRF token on writes */
  via: 'session' | 'token';
  csrfToken?: string;
}

export const isStaff = (a: Actor) => a.role !== 'initiator';

/**
 * What an actor may use at all, whatever the resource: the workspaces and menus of
 * the web app. GET /me sends them; the policy of the module that owns each one
 * answers for it (src/abilities.ts). What the actor may do with one case, rule or
 * commitment comes with that resource.
 */
export const GLOBAL_ABILITIES = [
  'ownCases',
  'directorWorkspace',
  'teamBoard',
  'listCases',
  'registerCases',
  'assessmentRequests',
  'lateObjections',
  'ownCommitments',
  'confirmCommitments',
  'exportCommitments',
  'manageOrganisation',
  'manageRules',
  'manageMandates',
  'apiTokens',
] as const;
export type GlobalAbility = (typeof GLOBAL_ABILITIES)[number];
export type GlobalAbilities = Record<GlobalAbility, boolean>;
