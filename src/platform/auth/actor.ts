// Who is acting. Every service call takes an Actor; the policies decide from it.
// The actor is a platform concept: the HTTP server resolves it through the
// `authenticate` function that the composition root (src/app.ts) hands it.
import type { Role } from '../db/schema.js';

export type { Role };

export const ROLES = ['initiator', 'director', 'coordinator', 'specialist', 'executive', 'council', 'admin'] as const satisfies readonly Role[];
export const STAFF_ROLES = ROLES.filter((r) => r !== 'initiator');

/** The roles' Dutch names, as a dossier or an export prints them. */
export const ROLE_LABEL: Record<string, string> = {
  initiator: 'initiatiefnemer',
  director: 'case-regisseur',
  coordinator: 'coördinator',
  specialist: 'specialist',
  executive: 'bestuurder',
  council: 'raadslid',
  admin: 'beheerder',
};

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
  /**
   * An eHerkenning login: the company's branch it logged in from and the person acting
   * for the company (docs/product.md#eherkenning-branches-and-acting-persons).
   */
  onBehalf?: { branchNumber: string | null; actingName: string | null; actingPseudonym: string | null };
}

export const isStaff = (a: Actor) => a.role !== 'initiator';
