// What the playground remembers per browser, in cookies: the language, who each pane plays, and
// the one message a post leaves for the next page (flash). Nothing else is kept per visitor.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { LOCALES, type Locale, type Person } from '../../src/core/index.ts';
import { customerByKey, pick, PLAY_CUSTOMERS, type PlayCustomer } from './people.ts';
import type { Pane } from './render/forms.ts';
import type { Flash } from './render/page.ts';

export const PANES: readonly Pane[] = ['customer', 'staff', 'supervisor'];
export const isPane = (value: unknown): value is Pane => PANES.includes(value as Pane);

/** A message kept for the next page is short (a cookie). */
const MAX_FLASH_CHARS = 600;
const COOKIE = { lang: 'playground_lang', flash: 'playground_flash' } as const;
const personCookie = (pane: Pane) => `playground_${pane}`;
const cookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax' } as const;

export function browserState(people: { staff: readonly Person[]; supervisors: readonly Person[] }) {
  const listOf = (pane: 'staff' | 'supervisor') => (pane === 'staff' ? people.staff : people.supervisors);
  return {
    locale(c: Context): Locale {
      const chosen = getCookie(c, COOKIE.lang);
      return LOCALES.includes(chosen as Locale) ? (chosen as Locale) : 'en';
    },
    setLocale(c: Context, value: string): void {
      if (LOCALES.includes(value as Locale)) setCookie(c, COOKIE.lang, value, cookieOptions);
    },
    customer: (c: Context): PlayCustomer => customerByKey(getCookie(c, personCookie('customer'))),
    /** The person a staff or supervisor pane plays (the first of the list until one is chosen). */
    person: (c: Context, pane: 'staff' | 'supervisor'): Person | undefined =>
      pick(listOf(pane), getCookie(c, personCookie(pane))),
    /** Plays `id` in `pane` from now on; false when nobody by that id may be played there. */
    choose(c: Context, pane: Pane, id: string): boolean {
      const known =
        pane === 'customer'
          ? PLAY_CUSTOMERS.some((p) => p.key === id)
          : listOf(pane).some((p) => p.id === id);
      if (known) setCookie(c, personCookie(pane), id, cookieOptions);
      return known;
    },
    flash(c: Context, f: Flash): void {
      const text = f.text.slice(0, MAX_FLASH_CHARS);
      setCookie(c, COOKIE.flash, JSON.stringify({ ...f, text }), cookieOptions);
    },
    /** The message left for this page, once (a malformed cookie is no message). */
    takeFlash(c: Context): Flash | null {
      const raw = getCookie(c, COOKIE.flash);
      if (raw === undefined) return null;
      setCookie(c, COOKIE.flash, '', { ...cookieOptions, maxAge: 0 });
      try {
        const f = JSON.parse(raw) as Partial<Flash>;
        const at = f.at === 'clock' || isPane(f.at) ? f.at : null;
        if (at === null || typeof f.text !== 'string' || (f.kind !== 'ok' && f.kind !== 'error')) return null;
        return { at, kind: f.kind, text: f.text.slice(0, MAX_FLASH_CHARS) };
      } catch {
        return null;
      }
    },
  };
}

export type BrowserState = ReturnType<typeof browserState>;
