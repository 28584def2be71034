// The playground composed like src/main.ts, read top to bottom: config, store, clock, outbox, desk,
// the playground's adapter (its sink registered with the outbox), the console beside it. No chat
// platform, no jobs: the clock is simulated and moves only when a pane's button says so, and each
// action delivers its notices before the page is drawn again (clock-controls.ts).
import { Hono } from 'hono';
import { createPlaygroundAdapter } from '../../adapters/playground/index.ts';
import { loadConfig } from '../config/load-config.ts';
import { createConsoleApp } from '../console/app.ts';
import { createDesk } from '../core/desk.ts';
import { newId } from '../ids.ts';
import { createOutbox } from '../jobs/outbox.ts';
import { createLogger, type Logger } from '../log.ts';
import { SimulatedClock } from '../simulated-clock.ts';
import { createMemoryStore } from '../store/memory-store.ts';
import { clockControls } from './clock-controls.ts';

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
  // Config: the example's directory and policies.
  const config = loadConfig(options.configPath ?? EXAMPLE_CONFIG);
  const logger = options.logger ?? createLogger({ level: 'warn' });

  // Store and clock: in memory, on simulated time.
  const store = createMemoryStore();
  const clock = new SimulatedClock(options.start ?? DEFAULT_START);

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

  return {
    app,
    clock,
    store,
    desk,
    async close(): Promise<void> {
      await outbox.stop();
      await store.close();
    },
  };
}

export type Playground = ReturnType<typeof createPlayground>;
