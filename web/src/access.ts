// Which pages a role sees in the navigation. The API decides every action per case
// (`abilities`); this table only keeps pages out of the menu that the API would
// refuse anyway, mirroring the server's role policies (cases/policy.ts,
// organisation/policy.ts). GET /me does not (yet) say this itself.
import type { Role } from './api/models.js';

const CASE_READERS: Role[] = ['director', 'coordinator', 'specialist', 'executive', 'admin'];
const STAFF: Role[] = ['director', 'coordinator', 'specialist', 'executive', 'council', 'admin'];

export const PAGE_ROLES = {
  myCases: ['initiator'],
  workspace: ['director'],
  team: ['coordinator', 'director'],
  cases: CASE_READERS,
  register: ['director', 'coordinator'],
  admin: ['admin'],
  account: STAFF,
  // issue 3 part 7: workspaces (mirrors assessments/policy.ts and commitments/policy.ts)
  requests: ['specialist'],
  lateObjections: ['coordinator', 'director'],
  myCommitments: ['executive'],
  toConfirm: ['coordinator', 'executive'],
} satisfies Record<string, Role[]>;

export type PageKey = keyof typeof PAGE_ROLES;

export const mayUse = (role: Role | undefined, page: PageKey) => !!role && (PAGE_ROLES[page] as Role[]).includes(role);

export const isStaff = (role: Role | undefined) => !!role && role !== 'initiator';

/** Where a user lands after logging in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'initiator':
      return '/mijn-zaken';
    case 'director':
      return '/werkplek';
    case 'coordinator':
      return '/team';
    case 'admin':
      return '/beheer';
    case 'council':
      return '/account';
    case 'specialist':
      return '/toetsverzoeken';
    case 'executive':
      return '/mijn-toezeggingen';
    default:
      return '/zaken';
  }
}
