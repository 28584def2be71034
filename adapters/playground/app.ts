// The playground adapter: a third, small platform. Form posts become desk commands (forms.ts),
// notices the outbox delivers to the `playground` sink become pane messages (inbox.ts), and one
// page shows the three panes (panes.ts, render/). It plugs into the app like Slack and Discord do,
// through an AdapterContext; the composition (src/playground) gives it the clock's controls.
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Actor, formatInstant, isCoreError, type Locale } from '../../src/core/index.ts';
import type { AdapterContext } from '../../src/platform/adapter.ts';
import { comeBack, goAway } from '../shared/away.ts';
import { refusalText } from '../shared/refusals.ts';
import { browserState, isPane } from './browser-state.ts';
import { CASE_FORMS, Fields, FormError, isCaseForm, priorityOf } from './forms.ts';
import { createInbox } from './inbox.ts';
import { label } from './labels.ts';
import { customerPane, staffPane } from './panes.ts';
import { asCustomer, staffOf, supervisorsOf } from './people.ts';
import type { Pane } from './render/forms.ts';
import { type Flash, notFoundPage, playgroundPage } from './render/page.ts';
import type { RolePlayView, ScenarioView } from './render/roleplay.ts';
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
  /** Role-play scenarios (the composition's); without them the page has no role-play panel. */
  rolePlay?: RolePlay;
}

/** Who each pane plays in a scenario: a playground customer's key, a staff member's and a supervisor's id. */
export interface Cast {
  customer: string;
  staff: string;
  supervisor: string;
}

/** The role-play scenarios, as the composition runs them (src/playground/roleplay). */
export interface RolePlay {
  /** The scenarios to pick from, titled in `locale`. */
  list(locale: Locale): { id: string; title: string }[];
  /** The scenario being played, its brief and checklist in `locale`; null in free play. */
  current(locale: Locale): Promise<ScenarioView | null>;
  /**
   * Starts afresh (a new store and clock), then scenario `id`'s opening steps ('' is free play).
   * Answers who plays each pane (null in free play), or 'unknown' for an id there is no scenario by.
   */
  start(id: string, locale: Locale): Promise<{ cast: Cast | null; title: string } | 'unknown'>;
  /** Plays the steps the trainee's last action made due (customer messages, clock moves). */
  afterAction(locale: Locale): Promise<void>;
  /** Ticks or unticks one of the trainee's own checklist items; false when there is no such item. */
  toggle(itemId: string): boolean;
}

/** Posted forms are small; a body past this is refused before it is read. */
const MAX_BODY_BYTES = 64 * 1024;

type Body = Record<string, unknown>;
const formBody = (c: Context): Promise<Body> => c.req.parseBody().catch((): Body => ({}));
const plain = (words: string) => words; // the page escapes every value it shows

export function createPlaygroundAdapter(ctx: AdapterContext, controls: PlaygroundControls) {
  const { desk, config, clock, logger } = ctx;
  const { directory } = config.desk;
  const inbox = createInbox();
  ctx.sinks.register('playground', playgroundSink(inbox, clock));
  const staff = staffOf(directory);
  const supervisors = supervisorsOf(directory);
  const state = browserState({ staff, supervisors });
  const firstTeam = Object.values(directory.teams)[0];
  /** The clock is shown in the first team's zone. */
  const clockZone = (firstTeam && directory.calendars[firstTeam.calendar]?.timeZone) ?? 'UTC';
  let conversations = 0;

  // One action at a time: each runs the desk, then the outbox until quiet, before the next.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const back = (c: Context, at: Flash['at']) => c.redirect(at === 'clock' ? '/' : `/#${at}`, 303);
  const refuse = (c: Context, at: Flash['at'], text: string) => {
    state.flash(c, { at, kind: 'error', text });
    return back(c, at);
  };

  /** The pane's person: who the desk is told acts, and the zone they read in. */
  function actorOf(c: Context, pane: Pane): { actor: Actor; timeZone: string } {
    const who = pane === 'customer' ? state.customer(c) : state.person(c, pane);
    if (!who) throw new FormError('unknown_form');
    return { actor: { id: who.id, name: who.name }, timeZone: who.timeZone };
  }

  /** Runs one posted form as its desk command; returns what to tell the pane. */
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
      const customer = state.customer(c);
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
    if (form === 'away' || form === 'back') {
      if (pane === 'customer') throw new FormError('unknown_form');
      const reader = { locale, timeZone };
      if (form === 'back') return comeBack(desk, actor, reader);
      const answer = await goAway(desk, actor, fields.text('until'), reader);
      // The held cases keep their "Hand over" form in this pane.
      return answer.offer === '' ? answer.text : `${answer.text} ${answer.offer}`;
    }
    if (!isCaseForm(form)) throw new FormError('unknown_form');
    const caseId = fields.text('caseId');
    if (caseId === '' || (await desk.getCase(caseId)) === null) throw new FormError('no_case');
    await CASE_FORMS[form]({ desk, actor, caseId, fields, timeZone });
    return label(locale, 'done');
  }

  const app = new Hono();
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => refuse(c, 'clock', label(state.locale(c), 'body_too_large')),
    }),
  );

  app.get('/', async (c) => {
    const locale = state.locale(c);
    const flash = state.takeFlash(c);
    const deps = { desk, config: config.desk, inbox };
    const [customer, staffView, supervisorView, nextDeadline, current] = await serial(() =>
      Promise.all([
        customerPane(deps, state.customer(c), locale),
        staffPane(deps, 'staff', staff, state.person(c, 'staff'), locale),
        staffPane(deps, 'supervisor', supervisors, state.person(c, 'supervisor'), locale),
        controls.nextDeadline(),
        controls.rolePlay?.current(locale) ?? null,
      ]),
    );
    const rolePlay: RolePlayView | null = controls.rolePlay
      ? { scenarios: controls.rolePlay.list(locale), current }
      : null;
    return c.html(
      playgroundPage({
        locale,
        now: clock.now(),
        timeZone: clockZone,
        nextDeadline,
        consoleHref: controls.consoleHref ?? null,
        stylesheet: controls.stylesheet ?? null,
        config: config.desk,
        panes: [customer, staffView, supervisorView],
        rolePlay,
        flash,
      }),
    );
  });

  app.post('/act', async (c) => {
    const locale = state.locale(c);
    const body = await formBody(c);
    const form = typeof body.form === 'string' ? body.form : '';
    if (!isPane(body.pane)) return refuse(c, 'clock', label(locale, 'unknown_form'));
    const pane = body.pane;
    try {
      const said = await serial(async () => {
        const text = await runForm(c, pane, form, new Fields(body), locale);
        await controls.settle();
        await controls.rolePlay?.afterAction(locale);
        return text;
      });
      state.flash(c, { at: pane, kind: 'ok', text: said });
      return back(c, pane);
    } catch (e) {
      if (e instanceof FormError) return refuse(c, pane, label(locale, e.labelKey, e.params));
      if (!isCoreError(e)) {
        logger.error('playground.form_failed', { form, error: e instanceof Error ? e.message : String(e) });
      }
      const timeZone = pane === 'customer' ? state.customer(c).timeZone : state.person(c, pane)?.timeZone;
      return refuse(c, pane, refusalText(e, { locale, timeZone: timeZone ?? 'UTC' }, plain));
    }
  });

  app.post('/clock', async (c) => {
    const locale = state.locale(c);
    const by = (await formBody(c)).by;
    if (by !== '15m' && by !== '1h' && by !== 'next')
      return refuse(c, 'clock', label(locale, 'unknown_form'));
    try {
      const at = await serial(async () => {
        const moved = await controls.advance(by);
        await controls.rolePlay?.afterAction(locale);
        return moved;
      });
      const text =
        at === null
          ? label(locale, 'no_deadline')
          : label(locale, 'advanced', { time: formatInstant(at.toISOString(), locale, clockZone) });
      state.flash(c, { at: 'clock', kind: 'ok', text });
      return back(c, 'clock');
    } catch (e) {
      logger.error('playground.clock_failed', { error: e instanceof Error ? e.message : String(e) });
      return refuse(c, 'clock', refusalText(e, { locale, timeZone: clockZone }, plain));
    }
  });

  app.post('/settings', async (c) => {
    const body = await formBody(c);
    const person = typeof body.person === 'string' ? body.person : '';
    if (!isPane(body.pane) || !state.choose(c, body.pane, person))
      return refuse(c, 'clock', label(state.locale(c), 'unknown_form'));
    return back(c, body.pane);
  });

  // Role-play: start a scenario (or free play) afresh; tick one of the trainee's own items.
  app.post('/roleplay/start', async (c) => {
    const locale = state.locale(c);
    const id = (await formBody(c)).scenario;
    const rolePlay = controls.rolePlay;
    if (!rolePlay || (id !== undefined && typeof id !== 'string'))
      return refuse(c, 'clock', label(locale, 'unknown_scenario'));
    try {
      const started = await serial(() => rolePlay.start(id ?? '', locale));
      if (started === 'unknown') return refuse(c, 'clock', label(locale, 'unknown_scenario'));
      if (started.cast) {
        const { customer, staff: staffId, supervisor } = started.cast;
        state.choose(c, 'customer', customer);
        state.choose(c, 'staff', staffId);
        state.choose(c, 'supervisor', supervisor);
      }
      const text = started.cast
        ? label(locale, 'roleplay_started', { title: started.title })
        : label(locale, 'roleplay_cleared');
      state.flash(c, { at: 'clock', kind: 'ok', text });
      return back(c, 'clock');
    } catch (e) {
      logger.error('playground.roleplay_failed', { error: e instanceof Error ? e.message : String(e) });
      return refuse(c, 'clock', refusalText(e, { locale, timeZone: clockZone }, plain));
    }
  });

  app.post('/roleplay/tick', async (c) => {
    const item = (await formBody(c)).item;
    if (!controls.rolePlay || typeof item !== 'string' || !controls.rolePlay.toggle(item))
      return refuse(c, 'clock', label(state.locale(c), 'unknown_form'));
    return c.redirect('/#roleplay', 303);
  });

  app.get('/lang/:locale', (c) => {
    state.setLocale(c, c.req.param('locale'));
    return c.redirect('/', 303);
  });

  app.notFound((c) => c.html(notFoundPage(state.locale(c)), 404));
  app.onError((e, c) => {
    logger.error('playground.failed', { error: e.message });
    return c.html(notFoundPage(state.locale(c)), 500);
  });

  return { app, inbox };
}

export type PlaygroundAdapter = ReturnType<typeof createPlaygroundAdapter>;
