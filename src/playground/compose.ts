// The playground composed like src/main.ts, read top to bottom: config, store, clock, outbox, desk,
// the playground's adapter (its sink registered with the outbox), the console beside it. No chat
// platform, no jobs: the clock is simulated and moves only when a pane's button says so, and each
// action delivers its notices before the page is drawn again (clock-controls.ts).
//
// Everything but the config is one "world", made again when a role-play scenario (or free play)
// starts afresh: a new store, a new clock at the start, a new adapter and console on them, and the
// scenario's runner (roleplay/). The app answers every request with the world of the moment.
import { Hono } from 'hono';
import {
  type Cast,
  createPlaygroundAdapter,
  customerByKey,
  type RolePlay,
} from '../../adapters/playground/index.ts';
import { type AppConfig, loadConfig } from '../config/load-config.ts';
import { createConsoleApp } from '../console/app.ts';
import { createDesk, type Locale } from '../core/index.ts';
import { newId } from '../ids.ts';
import { createOutbox } from '../jobs/outbox.ts';
import { createLogger, type Logger } from '../log.ts';
import { SimulatedClock } from '../simulated-clock.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { clockControls } from './clock-controls.ts';
import { createRunner, type Runner } from './roleplay/runner.ts';
import { type Scenario, SCENARIOS, scenarioById } from './roleplay/scenarios.ts';

export const EXAMPLE_CONFIG = 'config/support.example.yaml';
/** Monday morning in Vilnius, the example teams' calendar: the working week ahead. */
export const DEFAULT_START = new Date('2026-11-23T07:00:00Z');
export const CONSOLE_PATH = '/console';

export interface PlaygroundOptions {
  configPath?: string;
  start?: Date;
  logger?: Logger;
}

export function createPlayground(options: PlaygroundOptions = {}) {
  // Config: the example's directory and policies, read once.
  const config = loadConfig(options.configPath ?? EXAMPLE_CONFIG);
  const logger = options.logger ?? createLogger({ level: 'warn' });
  const start = options.start ?? DEFAULT_START;

  const rolePlay: RolePlay = {
    list: (locale) => SCENARIOS.map((s) => ({ id: s.id, title: s.title[locale] })),
    current: async (locale) => (world.runner ? world.runner.view(locale) : null),
    async start(id, locale) {
      const scenario = id === '' ? null : scenarioById(id);
      if (scenario === undefined) return 'unknown';
      const previous = world;
      world = createWorld(config, start, logger, rolePlay, scenario);
      await previous.close();
      if (!scenario || !world.runner) return { cast: null, title: '' };
      await world.runner.play(locale);
      const cast: Cast = scenario.cast;
      return { cast, title: scenario.title[locale] };
    },
    afterAction: async (locale: Locale) => {
      await world.runner?.play(locale);
    },
    toggle: (itemId) => world.runner?.toggle(itemId) ?? false,
  };

  let world = createWorld(config, start, logger, rolePlay, null);

  const app = new Hono();
  app.all('*', (c) => world.app.fetch(c.req.raw));

  return {
    app,
    /** The world of the moment's: a role-play start replaces them. */
    get clock() {
      return world.clock;
    },
    get store() {
      return world.store;
    },
    get desk() {
      return world.desk;
    },
    /** The scenario being played, if any. */
    get runner(): Runner | null {
      return world.runner;
    },
    async close(): Promise<void> {
      await world.close();
    },
  };
}

/** Store, clock, outbox, desk, the adapter and the console on them, and a scenario's runner. */
function createWorld(
  config: AppConfig,
  start: Date,
  logger: Logger,
  rolePlay: RolePlay,
  scenario: Scenario | null,
) {
  // Store and clock: in memory, on simulated time.
  const store = createMemoryStore();
  const clock = new SimulatedClock(start);

  // Outbox: unpaced (the simulated clock would hold a paced destination until it moves).
  const outbox = createOutbox({
    store,
    clock,
    logger,
    owner: 'playground',
    leaseMs: config.sweep.leaseSeconds * 1000,
    paceMs: 0,
  });

  // Desk: no afterCommit hook; each action settles the outbox itself (see clock-controls.ts).
  const desk = createDesk({ store, clock, ids: { next: () => newId() }, config: config.desk });
  const controls = clockControls({ clock, desk, outbox, store });

  // The playground's adapter, and the console on the same store and clock, open to all.
  const playground = createPlaygroundAdapter(
    { desk, sinks: outbox, store, config, clock, logger },
    {
      ...controls,
      consoleHref: `${CONSOLE_PATH}/reports`,
      stylesheet: `${CONSOLE_PATH}/assets/console.css`,
      rolePlay,
    },
  );
  const app = new Hono();
  app.route(
    CONSOLE_PATH,
    createConsoleApp({
      reports: store.reports,
      cases: store.cases,
      incidents: store.incidents,
      answers: store.answers,
      config,
      clock,
      auth: { mode: 'open' },
      basePath: CONSOLE_PATH,
      liveCountdown: false,
      logger,
    }),
  );
  app.route('/', playground.app);
  // An address neither has: the playground's own kind page.
  app.notFound((c) => playground.app.fetch(c.req.raw));

  // The scenario's script, on this world's desk and clock.
  const runner = scenario
    ? createRunner(scenario, {
        desk,
        trail: (caseId) => store.reports.timeline(caseId),
        advance: (by) => controls.advance(by),
        settle: () => controls.settle(),
        workspace: config.workspace,
        customer: customerByKey(scenario.cast.customer),
        logger,
      })
    : null;

  return {
    app,
    clock,
    store,
    desk,
    runner,
    async close(): Promise<void> {
      await outbox.stop();
      await store.close();
    },
  };
}

export type Playground = ReturnType<typeof createPlayground>;
