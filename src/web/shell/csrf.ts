import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_FIELD = '_csrf';
const PURPOSE = 'family-liaison form token v1';

/**
 * The form token for a secret only this browser holds (its session token, or before sign-in the
 * random sign-in cookie). Derived rather than stored, so every app instance can check it and it
 * changes with every session. Another site can neither read the cookie nor compute the token.
 */
export function csrfTokenFor(secret: string): string {
  return createHmac('sha256', secret).update(PURPOSE).digest('base64url');
}

export function csrfTokenMatches(secret: string | null, submitted: unknown): boolean {
  if (!secret || typeof submitted !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret));
  const actual = Buffer.from(submitted);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
