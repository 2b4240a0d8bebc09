// Tokens are random; only their SHA-256 is stored, so a database leak yields no
// usable session, API token or login link.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const newToken = (prefix = '') => prefix + randomBytes(32).toString('base64url');
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// argon2id with the OWASP-recommended minimum (19 MiB, t=2, p=1).
const ARGON = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };
export const hashPassword = (pw: string) => hash(pw, ARGON);
export const verifyPassword = (stored: string, pw: string) => verify(stored, pw).catch(() => false);
/** A hash to verify against when the user is unknown, so timing does not reveal which e-mails exist. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$kBlWpOg1bl7ZLuavbdKF+Q$LlJ0qAgEL0rJaQ9wkQOgad9m8H+YP6MRNk3ZNFP1CPM';
