import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the CSPRNG, URL-safe, with a readable prefix saying what it is. */
export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored as SHA-256 hashes: high-entropy secrets need no slow hash, and a leaked table reveals nothing usable. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
