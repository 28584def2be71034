// Who may look at the console, and how that is remembered: the sign-in token (CONSOLE_TOKEN), a
// supervisor's one-time link (sign-in.ts), then an HttpOnly, SameSite=Strict signed session cookie
// that lasts 8 hours. 'open' is for the local playground: no sign-in at all.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { InboundLog } from '../core/ports.ts';
import { sign, verify } from './signed.ts';
import type { Viewer } from './view.ts';

export type ConsoleAuth =
  | { mode: 'open' }
  | {
      mode: 'sign-in';
      /** CONSOLE_TOKEN: what the sign-in form takes. */
      token: string;
      /** Signs sessions and links: CONSOLE_SECRET, else the token. */
      secret: string;
      /** Where a link's nonce is spent once, across replicas (the store's inbound log). */
      inbound: InboundLog;
      /** Mark the session cookie Secure (the console is reached over HTTPS through a proxy). */
      secureCookie?: boolean;
    };

export const SESSION_COOKIE = 'ladder_console';
export const SESSION_TTL_MS = 8 * 60 * 60_000;

/** The signed-in viewer from the session cookie, or null (missing, tampered or expired). */
export function readSession(c: Context, secret: string, now: Date): Viewer | null {
  const payload = verify(secret, 'session', getCookie(c, SESSION_COOKIE));
  if (!payload || typeof payload.e !== 'number' || now.getTime() >= payload.e) return null;
  if (payload.s === 'token') return { kind: 'token' };
  if (typeof payload.s === 'string' && payload.s.startsWith('person:'))
    return { kind: 'person', personId: payload.s.slice('person:'.length) };
  return null;
}

export function startSession(
  c: Context,
  auth: { secret: string; secureCookie?: boolean },
  viewer: Viewer,
  now: Date,
  base: string,
): void {
  const subject = viewer.kind === 'person' ? `person:${viewer.personId}` : 'token';
  setCookie(
    c,
    SESSION_COOKIE,
    sign(auth.secret, 'session', { s: subject, e: now.getTime() + SESSION_TTL_MS }),
    {
      httpOnly: true,
      sameSite: 'Strict',
      secure: auth.secureCookie === true || new URL(c.req.url).protocol === 'https:',
      path: base || '/',
      maxAge: SESSION_TTL_MS / 1000,
    },
  );
}

export function endSession(c: Context, base: string): void {
  deleteCookie(c, SESSION_COOKIE, { path: base || '/' });
}

/**
 * A form POST is taken only from the console's own pages: with an Origin header it must be this
 * origin; without one, the browser's Sec-Fetch-Site must not say another site. The session cookie
 * is SameSite=Strict besides, so another site's form never carries it.
 */
export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== 'null') return origin === new URL(c.req.url).origin;
  if (origin === 'null') return false;
  const site = c.req.header('sec-fetch-site');
  return site === undefined || site === 'same-origin' || site === 'none';
}

/** A redirect target after sign-in: a path of this console only (never another host). */
export function safeNext(next: unknown, base: string): string {
  const fallback = `${base}/queues`;
  if (typeof next !== 'string' || next.length > 500) return fallback;
  if (!next.startsWith(`${base}/`) || next.startsWith('//') || next.includes('\\')) return fallback;
  return /^[\w\-./?=&%~+]*$/.test(next) ? next : fallback;
}
