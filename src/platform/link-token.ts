// One-time link tokens for people without an account (outside parties): the token is
// `<municipality id>.<random>`, so the look-up can run inside that municipality's
// row-level security, and a token edited to point at another municipality is simply
// not found. Only the token's SHA-256 is stored, never the token.
import { createHash, randomBytes } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A fresh link token for a municipality. */
export const newLinkToken = (municipalityId: string): string => `${municipalityId}.${randomBytes(32).toString('base64url')}`;

/** The SHA-256 of a token, as stored. */
export const linkTokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** The municipality a token says it belongs to and its hash; null for anything that is not a link token. */
export function parseLinkToken(token: string): { municipalityId: string; hash: string } | null {
  const dot = token.indexOf('.');
  const municipalityId = token.slice(0, dot);
  if (dot < 0 || !UUID.test(municipalityId) || token.length - dot < 20) return null;
  return { municipalityId, hash: linkTokenHash(token) };
}
