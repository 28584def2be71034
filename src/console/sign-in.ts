// One-time sign-in links for supervisors, asked for in Slack or Discord (`/support console`):
// HMAC-signed with the person, an expiry (15 minutes) and a nonce. The console spends the nonce in
// the store's inbound log (`console-link:<nonce>`), so a link signs in once across every replica.
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../config/load-config.ts';
import type { Clock } from '../core/ports.ts';
import { sign, verify } from './signed.ts';

export const LINK_TTL_MS = 15 * 60_000;

export interface SignInLinkOptions {
  /** CONSOLE_SECRET, else CONSOLE_TOKEN. */
  secret: string;
  /** The console's address as the supervisor's browser reaches it, e.g. https://support.example.com. */
  baseUrl: string;
  config: AppConfig;
  clock: Clock;
  ttlMs?: number;
}

export const isSupervisor = (config: AppConfig, personId: string): boolean =>
  Object.values(config.desk.directory.teams).some((team) => team.supervisors.includes(personId));

/**
 * `issueSignInLink(personId)`: a link for a supervisor of any team, or null for anyone else (the
 * adapter then tells them kindly that the console is for supervisors).
 */
export function createSignInLinks(options: SignInLinkOptions): {
  issueSignInLink(personId: string): Promise<string | null>;
} {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    issueSignInLink(personId) {
      if (!isSupervisor(options.config, personId)) return Promise.resolve(null);
      const token = sign(options.secret, 'link', {
        p: personId,
        e: options.clock.now().getTime() + (options.ttlMs ?? LINK_TTL_MS),
        n: randomBytes(16).toString('base64url'),
      });
      return Promise.resolve(`${base}/sign-in/link?t=${encodeURIComponent(token)}`);
    },
  };
}

export type LinkCheck =
  { ok: true; personId: string; nonce: string } | { ok: false; reason: 'bad' | 'expired' | 'not_supervisor' };

/** Reads a link's token: its signature, its expiry against `now`, and that it names a supervisor. */
export function checkSignInLink(secret: string, config: AppConfig, token: unknown, now: Date): LinkCheck {
  const payload = verify(secret, 'link', token);
  if (!payload) return { ok: false, reason: 'bad' };
  const { p, e, n } = payload;
  if (typeof p !== 'string' || typeof e !== 'number' || typeof n !== 'string' || n.length < 16)
    return { ok: false, reason: 'bad' };
  if (now.getTime() >= e) return { ok: false, reason: 'expired' };
  if (!isSupervisor(config, p)) return { ok: false, reason: 'not_supervisor' };
  return { ok: true, personId: p, nonce: n };
}

/** The inbound-log key that spends a link's nonce. */
export const linkKey = (nonce: string): string => `console-link:${nonce}`;
