// One shape for every module's authorization. A module declares its abilities as a
// table of pure functions `(actor, resource) => boolean`; definePolicy adds the three
// things every policy needs: `can` (ask), `abilities` (present them with the resource,
// so the web app shows only what the user may do and never re-implements the rules)
// and `authorize` (refuse with the right answer). Abilities that concern no one
// resource (listing, an inbox) take the actor only and are asked with `null`.
import { type AppError, forbidden, notFound } from '../../kernel/errors.js';
import type { Actor } from './actor.js';

// `never`: any function of (actor, some resource) fits, whatever its resource type.
type AbilityTable = Record<string, (actor: Actor, resource: never) => boolean>;

/** The resource an ability is asked about; `unknown` (pass `null`) for an actor-only ability. */
export type ResourceOf<F> = F extends (actor: Actor, resource: infer R) => boolean ? R : never;

export interface PolicyOptions<T extends AbilityTable, A extends keyof T> {
  /**
   * The abilities on one resource, presented with it. Asked about a resource the actor
   * may not even `view`, any of them answers 404 for `what` instead of 403, so a
   * refusal does not reveal that the resource exists (nor that it is another
   * municipality's).
   */
  resource?: { what: string; view: keyof T; abilities: readonly A[] };
  /** A refusal that is not the plain 403: another key, or a 409 when the state of the resource, not the actor, stands in the way. */
  refusals?: { [K in keyof T]?: (actor: Actor, resource: ResourceOf<T[K]>) => AppError };
}

export type Policy<T extends AbilityTable, A extends keyof T> = T & {
  can<K extends keyof T>(actor: Actor, resource: ResourceOf<T[K]>, ability: K): boolean;
  /** The abilities presented with the resource: every one of `options.resource.abilities`. */
  abilities(actor: Actor, resource: ResourceOf<T[A]>): Record<A, boolean>;
  /** Throw the refusal unless the actor may; return nothing. */
  authorize<K extends keyof T>(actor: Actor, resource: ResourceOf<T[K]>, ability: K): void;
};

export function definePolicy<T extends AbilityTable, const A extends keyof T = never>(table: T, options: PolicyOptions<T, A> = {}): Policy<T, A> {
  const ask = (actor: Actor, resource: unknown, ability: keyof T): boolean => (table[ability] as (a: Actor, r: unknown) => boolean)(actor, resource);
  const scoped = options.resource;
  return {
    ...table,
    can: (actor, resource, ability) => ask(actor, resource, ability),
    abilities: (actor, resource) =>
      Object.fromEntries((scoped?.abilities ?? []).map((ability) => [ability, ask(actor, resource, ability)])) as Record<A, boolean>,
    authorize(actor, resource, ability) {
      if (scoped && (scoped.abilities as readonly (keyof T)[]).includes(ability) && !ask(actor, resource, scoped.view)) throw notFound(scoped.what);
      if (ask(actor, resource, ability)) return;
      const refusal = options.refusals?.[ability] as ((a: Actor, r: unknown) => AppError) | undefined;
      throw refusal ? refusal(actor, resource) : forbidden();
    },
  };
}
