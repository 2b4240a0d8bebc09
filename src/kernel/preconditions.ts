// If-Match as RFC 9110 section 13.1.1 defines it, for resources whose ETag is their
// version number ("7"). Pure: the HTTP layer hands in the header, a use-case asks
// whether the version it locked still satisfies the condition
// (docs/architecture.md, one request: a stale version answers 412).
import { AppError } from './errors.js';

/**
 * What a client made its change conditional on: `'*'` (any current representation),
 * the versions it would accept (a list; none of them may be current), or a single
 * version (the same as a list of one).
 */
export type VersionCondition = '*' | number | readonly number[];

export interface EntityTag {
  weak: boolean;
  /** the opaque tag without its quotes */
  opaque: string;
}

const badIfMatch = () => new AppError(400, 'invalid-input', 'error.ifMatchMalformed');

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110 8.8.3).
// A comma is an etagc, so the list cannot be split on commas before the tags are read.
const ENTITY_TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/y;
const OWS = /[ \t]*/y;

/**
 * Parse an If-Match field value: `*`, or a comma-separated list of entity tags
 * (empty list elements and optional whitespace allowed, as for every list field).
 * Anything else is malformed: 400.
 */
export function parseIfMatch(value: string): '*' | EntityTag[] {
  if (/^[ \t]*\*[ \t]*$/.test(value)) return '*';
  const tags: EntityTag[] = [];
  let i = 0;
  const skip = (re: RegExp) => {
    re.lastIndex = i;
    re.test(value);
    i = re.lastIndex;
  };
  let expectTag = true;
  while (true) {
    skip(OWS);
    if (i >= value.length) break;
    if (value[i] === ',') {
      i++;
      expectTag = true;
      continue;
    }
    if (!expectTag) throw badIfMatch(); // two tags without a comma between them
    ENTITY_TAG.lastIndex = i;
    const m = ENTITY_TAG.exec(value);
    if (!m) throw badIfMatch();
    tags.push({ weak: m[1] !== undefined, opaque: m[2] ?? '' });
    i = ENTITY_TAG.lastIndex;
    expectTag = false;
  }
  return tags;
}

/**
 * The versions an If-Match header accepts. If-Match uses the strong comparison
 * (RFC 9110 8.8.3.2): a weak tag never matches, and a tag that is not one of our
 * version numbers matches nothing. An empty list matches nothing either.
 */
export function ifMatchCondition(value: string): VersionCondition {
  const parsed = parseIfMatch(value);
  if (parsed === '*') return '*';
  return parsed.filter((t) => !t.weak && /^(0|[1-9]\d{0,14})$/.test(t.opaque)).map((t) => Number(t.opaque));
}

/**
 * Whether the condition holds for the current version; `current` null means there is
 * no current representation (then only "no condition" holds, `*` does not).
 */
export function versionMatches(condition: VersionCondition | undefined, current: number | null): boolean {
  if (condition === undefined) return true;
  if (current === null) return false;
  if (condition === '*') return true;
  if (typeof condition === 'number') return condition === current;
  return condition.includes(current);
}
