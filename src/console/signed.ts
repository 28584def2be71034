// Small signed tokens for the console's session cookie and its one-time sign-in links:
// base64url(JSON payload) "." base64url(HMAC-SHA256), each purpose with its own key derived from
// the console's secret, compared in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto';

export type Purpose = 'session' | 'link';

const keyFor = (secret: string, purpose: Purpose): Buffer =>
  createHmac('sha256', secret).update(`ladder-console:${purpose}`).digest();

const mac = (secret: string, purpose: Purpose, body: string): Buffer =>
  createHmac('sha256', keyFor(secret, purpose)).update(body).digest();

export function sign(secret: string, purpose: Purpose, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

/** The payload when the signature holds; null for anything else (never throws). */
export function verify(secret: string, purpose: Purpose, token: unknown): Record<string, unknown> | null {
  if (typeof token !== 'string' || token.length > 2_000) return null;
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return null;
  const body = token.slice(0, dot);
  // Compared as text: base64 has spare bits, so two spellings could decode to the same bytes.
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, body).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  // Hashing first makes the lengths equal, so the comparison leaks neither length nor content.
  const a = createHmac('sha256', 'ladder-console:compare').update(given).digest();
  const b = createHmac('sha256', 'ladder-console:compare').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
