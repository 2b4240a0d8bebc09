import { describe, expect, it } from 'vitest';
import { AppError, conflict } from '../../kernel/errors.js';
import type { Actor } from './actor.js';
import { definePolicy } from './policy.js';

interface Note {
  municipalityId: string;
  authorId: string;
  open: boolean;
}

const actor = (over: Partial<Actor> = {}): Actor => ({
  userId: 'u1',
  municipalityId: 'm1',
  role: 'director',
  name: 'A',
  email: 'a@example.nl',
  departmentId: null,
  locale: 'nl',
  via: 'session',
  ...over,
});
const note = (over: Partial<Note> = {}): Note => ({ municipalityId: 'm1', authorId: 'u1', open: true, ...over });

const author = (a: Actor, n: Note) => a.municipalityId === n.municipalityId && a.userId === n.authorId;
const notePolicy = definePolicy(
  {
    list: (a: Actor) => a.role !== 'initiator',
    view: (a: Actor, n: Note) => a.municipalityId === n.municipalityId,
    edit: (a: Actor, n: Note) => author(a, n) && n.open,
    remove: (a: Actor, n: Note) => a.role === 'admin' && a.municipalityId === n.municipalityId,
  },
  {
    resource: { what: 'note', view: 'view', abilities: ['view', 'edit'] },
    refusals: { edit: (a, n) => (author(a, n) ? conflict('error.closed') : new AppError(403, 'forbidden', 'error.notYours')) },
  },
);

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return [e.status, e.key, e.params];
    throw e;
  }
  return 'allowed';
};

describe('definePolicy', () => {
  it('keeps the table: each ability is still a plain function', () => {
    expect(notePolicy.edit(actor(), note())).toBe(true);
    expect(notePolicy.list(actor({ role: 'initiator' }))).toBe(false);
  });

  it('asks an ability by name', () => {
    expect(notePolicy.can(actor(), note(), 'edit')).toBe(true);
    expect(notePolicy.can(actor({ userId: 'u2' }), note(), 'edit')).toBe(false);
    expect(notePolicy.can(actor(), null, 'list')).toBe(true);
  });

  it('presents the abilities on the resource, and only those', () => {
    expect(notePolicy.abilities(actor(), note())).toEqual({ view: true, edit: true });
    expect(notePolicy.abilities(actor({ userId: 'u2' }), note())).toEqual({ view: true, edit: false });
  });

  it.each([
    ['allowed', actor(), note(), 'edit', 'allowed'],
    ['a resource the actor may not see: 404, whatever the ability', actor({ municipalityId: 'm2' }), note(), 'edit', [404, 'error.notFound', { what: 'note' }]],
    ['the view itself', actor({ municipalityId: 'm2' }), note(), 'view', [404, 'error.notFound', { what: 'note' }]],
    ['a declared refusal: a 409 when the state stands in the way', actor(), note({ open: false }), 'edit', [409, 'error.closed', {}]],
    ['a declared refusal: its own 403 key', actor({ userId: 'u2' }), note(), 'edit', [403, 'error.notYours', {}]],
    ['an ability outside the resource list is not hidden: 403', actor({ municipalityId: 'm2', role: 'admin' }), note(), 'remove', [403, 'error.forbidden', {}]],
    ['no declared refusal: the plain 403', actor(), note(), 'remove', [403, 'error.forbidden', {}]],
  ] as const)('authorize: %s', (_, a, n, ability, expected) => {
    expect(refusal(() => notePolicy.authorize(a, n, ability))).toEqual(expected);
  });

  it('authorizes an actor-only ability without a resource', () => {
    expect(refusal(() => notePolicy.authorize(actor(), null, 'list'))).toBe('allowed');
    expect(refusal(() => notePolicy.authorize(actor({ role: 'initiator' }), null, 'list'))).toEqual([403, 'error.forbidden', {}]);
  });

  it('without options: every refusal is a 403', () => {
    const p = definePolicy({ read: (a: Actor) => a.role === 'admin' });
    expect(p.can(actor({ role: 'admin' }), null, 'read')).toBe(true);
    expect(refusal(() => p.authorize(actor(), null, 'read'))).toEqual([403, 'error.forbidden', {}]);
  });
});
