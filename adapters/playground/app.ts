// The playground adapter: a third, small platform. Form posts become desk commands (forms.ts),
// notices the outbox delivers to the `playground` sink become pane messages (inbox.ts), and one
// page shows the three panes. It plugs into the app like Slack and Discord do, through an
// AdapterContext; the composition (src/playground) gives it the clock's controls.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie, setCookie } from 'hono/cookie';
import {
  type Actor,
  type Case,
  formatInstant,
  isCoreError,
  LOCALES,
  type Locale,
  type Person,
} from '../../src/core/index.ts';
import type { AdapterContext } from '../../src/platform/adapter.ts';
import { refusalText } from '../shared/refusals.ts';
import { customerForms, staffForms } from './choose-forms.ts';
import { CASE_FORMS, Fields, FormError, isCaseForm, priorityOf } from './forms.ts';
import { createInbox, type Reader } from './inbox.ts';
import { label } from './labels.ts';
import {
  asCustomer,
  customerByKey,
  PLAY_CUSTOMERS,
  pick,
  type PlayCustomer,
  staffOf,
  supervisorsOf,
} from './people.ts';
import type { CaseView } from './render/case-block.ts';
import type { Pane } from './render/forms.ts';
import { type Flash, notFoundPage, type PageView, type PaneView, playgroundPage } from './render/page.ts';
import { playgroundSink } from './sink.ts';

export type Advance = '15m' | '1h' | 'next';

/** What the composition gives the playground besides the adapter context. */
export interface PlaygroundControls {
  /** Delivers everything the outbox has due now (after each command), so the page shows it. */
  settle(): Promise<void>;
  /** Moves the simulated clock, running the sweeps and the outbox on the way; null: nothing to move to. */
  advance(by: Advance): Promise<Date | null>;
  /** When the next timer falls due, if any. */
  nextDeadline(): Promise<Date | null>;
  /** Where the console is mounted (linked from the page), and its stylesheet, reused here. */
  consoleHref?: string;
  stylesheet?: string;
}

/** Most cases a pane lists (the newest). */
const CASES_SHOWN = 10;
/** Posted forms are small; a body past this is refused before it is read. */
const MAX_BODY_BYTES = 64 * 1024;
/** A message kept for the next page is short (a cookie). */
const MAX_FLASH_CHARS = 600;

const PANES: readonly Pane[] = ['customer', 'staff', 'supervisor'];
const COOKIE = { lang: 'playground_lang', flash: 'playground_flash' } as const;
const personCookie = (pane: Pane) => `playground_${pane}`;
const cookieOptions = { path: '/', httpOnly: true, sameSite: 'Lax' } as const;

const isPane = (value: unknown): value is Pane => PANES.includes(value as Pane);

export function createPlaygroundAdapter(ctx: AdapterContext, controls: PlaygroundControls) {
  const { desk, config } = ctx;
  const { directory } = config.desk;
  const inbox = createInbox();
  ctx.sinks.register('playground', playgroundSink(inbox, ctx.clock));
  const staff = staffOf(directory);
  const supervisors = supervisorsOf(directory);
  let conversations = 0;

  // One action at a time: each runs the desk, then the outbox until quiet, before the next.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const localeOf = (c: Context): Locale => {
    const chosen = getCookie(c, COOKIE.lang);
    return LOCALES.includes(chosen as Locale) ? (chosen as Locale) : 'en';
  };
  const customerOf = (c: Context): PlayCustomer => customerByKey(getCookie(c, personCookie('customer')));
  const personOf = (c: Context, pane: 'staff' | 'supervisor'): Person | undefined =>
    pick(pane === 'staff' ? staff : supervisors, getCookie(c, personCookie(pane)));

  const flash = (c: Context, f: Flash) =>
    setCookie(
      c,
      COOKIE.flash,
      JSON.stringify({ ...f, text: f.text.slice(0, MAX_FLASH_CHARS) }),
      cookieOptions,
    );
  function takeFlash(c: Context): Flash | null {
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
  }
  const back = (c: Context, at: Flash['at']) => c.redirect(at === 'clock' ? '/' : `/#${at}`, 303);

  /** The acting pane's person: who the desk is told acts, and the zone they read in. */
  function actorOf(c: Context, pane: Pane): { actor: Actor; timeZone: string } {
    if (pane === 'customer') {
      const customer = customerOf(c);
      return { actor: { id: customer.id, name: customer.name }, timeZone: customer.timeZone };
    }
    const person = personOf(c, pane);
    if (!person) throw new FormError('unknown_form');
    return { actor: { id: person.id, name: person.name }, timeZone: person.timeZone };
  }

  async function runForm(
    c: Context,
    pane: Pane,
    form: string,
    fields: Fields,
    locale: Locale,
  ): Promise<string> {
    const { actor, timeZone } = actorOf(c, pane);
    if (form === 'open') {
      if (pane !== 'customer') throw new FormError('unknown_form');
      const customer = customerOf(c);
      conversations += 1;
      const result = await desk.openCase({
        workspace: config.workspace,
        audience: customer.audience,
        conversation: `playground:${customer.key}:${conversations}`,
        customer: asCustomer(customer, locale),
        text: fields.text('text'),
        topic: fields.text('topic') || directory.defaultTopic,
        priority: priorityOf(fields.text('priority')),
      });
      return label(locale, 'opened', { number: result.case.number });
    }
    if (!isCaseForm(form)) throw new FormError('unknown_form');
    const caseId = fields.text('caseId');
    if (caseId === '' || (await desk.getCase(caseId)) === null) throw new FormError('no_case');
    await CASE_FORMS[form]({ desk, actor, caseId, fields, timeZone });
    return label(locale, 'done');
  }

  async function casesFor(ids: Iterable<string>, teams: readonly string[]): Promise<Case[]> {
    const found = new Map<string, Case>();
    for (const team of teams) {
      for (const c of await desk.listCases({ team, newestFirst: true, limit: CASES_SHOWN }))
        found.set(c.id, c);
    }
    for (const id of ids) {
      if (found.has(id)) continue;
      const c = await desk.getCase(id);
      if (c) found.set(c.id, c);
    }
    return [...found.values()].sort((a, b) => b.number - a.number).slice(0, CASES_SHOWN);
  }

  function describe(person: Person, locale: Locale, pane: 'staff' | 'supervisor'): string {
    const parts: string[] = [];
    for (const team of Object.values(directory.teams)) {
      if (pane === 'staff' && team.frontLine.includes(person.id))
        parts.push(label(locale, 'front_line_of', { team: team.name }));
      if (pane === 'supervisor' && team.supervisors.includes(person.id))
        parts.push(label(locale, 'supervisor_of', { team: team.name }));
    }
    if (pane === 'staff') {
      for (const topic of Object.values(directory.topics)) {
        if ([...topic.experts, ...topic.backups].includes(person.id))
          parts.push(label(locale, 'expert_for', { topic: topic.names[locale] ?? topic.names.en }));
      }
    }
    return `${person.name} — ${parts.join('; ')}`;
  }

  async function staffPane(c: Context, pane: 'staff' | 'supervisor', locale: Locale): Promise<PaneView> {
    const people = pane === 'staff' ? staff : supervisors;
    const me = personOf(c, pane);
    const base = { pane, people: people.map((p) => ({ id: p.id, label: describe(p, locale, pane) })) };
    if (!me) return { ...base, chosen: '', timeZone: 'UTC', cases: [] };
    const reader: Reader = { kind: 'person', id: me.id };
    const teams = Object.values(directory.teams)
      .filter((t) => (pane === 'staff' ? t.frontLine : t.supervisors).includes(me.id))
      .map((t) => t.id);
    const cases = await casesFor(inbox.casesOf(reader, directory), teams);
    const views: CaseView[] = cases.map((k) => ({
      c: k,
      messages: inbox.of(reader, k.id, directory),
      forms: staffForms(me.id, k, config.desk),
    }));
    return { ...base, chosen: me.id, timeZone: me.timeZone, cases: views };
  }

  async function customerPane(c: Context, locale: Locale): Promise<PaneView> {
    const me = customerOf(c);
    const reader: Reader = { kind: 'customer', id: me.id };
    const audience = (a: PlayCustomer) =>
      label(locale, a.audience === 'internal' ? 'audience_internal' : 'audience_community');
    const cases = await desk.listCases({ customerId: me.id, newestFirst: true, limit: CASES_SHOWN });
    return {
      pane: 'customer',
      people: PLAY_CUSTOMERS.map((p) => ({
        id: p.key,
        label: `${p.name} — ${label(locale, 'customer_of', { audience: audience(p) })}`,
      })),
      chosen: me.key,
      timeZone: me.timeZone,
      cases: cases.map((k) => {
        const messages = inbox.of(reader, k.id, directory);
        return { c: k, messages, forms: customerForms(k, messages.at(-1)?.notice) };
      }),
    };
  }

  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => {
        flash(c, { at: 'clock', kind: 'error', text: label(localeOf(c), 'body_too_large') });
        return back(c, 'clock');
      },
    }),
  );

  app.get('/', async (c) => {
    const locale = localeOf(c);
    const current = takeFlash(c);
    const [customer, staffView, supervisorView, nextDeadline] = await serial(() =>
      Promise.all([
        customerPane(c, locale),
        staffPane(c, 'staff', locale),
        staffPane(c, 'supervisor', locale),
        controls.nextDeadline(),
      ]),
    );
    const firstTeam = Object.values(directory.teams)[0];
    const view: PageView = {
      locale,
      now: ctx.clock.now(),
      timeZone: (firstTeam && directory.calendars[firstTeam.calendar]?.timeZone) ?? 'UTC',
      nextDeadline,
      consoleHref: controls.consoleHref ?? null,
      stylesheet: controls.stylesheet ?? null,
      config: config.desk,
      panes: [customer, staffView, supervisorView],
      flash: current,
    };
    return c.html(playgroundPage(view));
  });

  app.post('/act', async (c) => {
    const locale = localeOf(c);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const pane: Pane = isPane(body.pane) ? body.pane : 'customer';
    const form = typeof body.form === 'string' ? body.form : '';
    try {
      const said = await serial(async () => {
        const text = await runForm(c, pane, form, new Fields(body), locale);
        await controls.settle();
        return text;
      });
      flash(c, { at: pane, kind: 'ok', text: said });
    } catch (e) {
      const { timeZone } = pane === 'customer' ? customerOf(c) : (personOf(c, pane) ?? { timeZone: 'UTC' });
      const text =
        e instanceof FormError
          ? label(locale, e.labelKey, e.params)
          : refusalText(e, { locale, timeZone }, (w) => w);
      if (!(e instanceof FormError) && !isCoreError(e)) {
        ctx.logger.error('playground.form_failed', {
          form,
          error: e instanceof Error ? e.message : String(e),
        });
      }
      flash(c, { at: pane, kind: 'error', text });
    }
    return back(c, pane);
  });

  app.post('/clock', async (c) => {
    const locale = localeOf(c);
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const by = body.by;
    if (by !== '15m' && by !== '1h' && by !== 'next') {
      flash(c, { at: 'clock', kind: 'error', text: label(locale, 'unknown_form') });
      return back(c, 'clock');
    }
    const firstTeam = Object.values(directory.teams)[0];
    const zone = (firstTeam && directory.calendars[firstTeam.calendar]?.timeZone) ?? 'UTC';
    try {
      const at = await serial(() => controls.advance(by));
      flash(
        c,
        at === null
          ? { at: 'clock', kind: 'ok', text: label(locale, 'no_deadline') }
          : {
              at: 'clock',
              kind: 'ok',
              text: label(locale, 'advanced', { time: formatInstant(at.toISOString(), locale, zone) }),
            },
      );
    } catch (e) {
      ctx.logger.error('playground.clock_failed', { error: e instanceof Error ? e.message : String(e) });
      flash(c, { at: 'clock', kind: 'error', text: refusalText(e, { locale, timeZone: zone }, (w) => w) });
    }
    return back(c, 'clock');
  });

  app.post('/settings', async (c) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const pane = body.pane;
    const person = typeof body.person === 'string' ? body.person : '';
    const allowed =
      pane === 'customer'
        ? PLAY_CUSTOMERS.some((p) => p.key === person)
        : pane === 'staff'
          ? staff.some((p) => p.id === person)
          : pane === 'supervisor' && supervisors.some((p) => p.id === person);
    if (!isPane(pane) || !allowed) {
      flash(c, { at: 'clock', kind: 'error', text: label(localeOf(c), 'unknown_form') });
      return back(c, 'clock');
    }
    setCookie(c, personCookie(pane), person, cookieOptions);
    return back(c, pane);
  });

  app.get('/lang/:locale', (c) => {
    const chosen = c.req.param('locale');
    if (LOCALES.includes(chosen as Locale)) setCookie(c, COOKIE.lang, chosen, cookieOptions);
    return c.redirect('/', 303);
  });

  app.notFound((c) => c.html(notFoundPage(localeOf(c)), 404));
  app.onError((e, c) => {
    ctx.logger.error('playground.failed', { error: e.message });
    return c.html(notFoundPage(localeOf(c)), 500);
  });

  return { app, inbox };
}

export type PlaygroundAdapter = ReturnType<typeof createPlaygroundAdapter>;
