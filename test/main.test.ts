// The bot as `npm start` runs it — built, then plain node with the start script's flags — as a
// separate process with the environment a deployment sets, talking to the local Slack fake: a
// signed DM becomes a case whose acknowledgement reaches Slack; logs are JSON; the ops server
// answers; SIGTERM stops it cleanly. Every process runs in its own group, killed whole afterwards.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fakes/slack/fake-slack.ts';
import { directMessage, eventCallback } from './fakes/slack/payloads.ts';
import { slackSender } from './fakes/slack/signed-requests.ts';
import { type BotProcess, logged, spawnBot } from './support/bot-process.ts';
import { freePort } from './support/free-port.ts';
import { ROOT, startCommand } from './support/start-command.ts';

execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
const { flags, entry } = startCommand();
const SECRET = 'main-test-signing-secret';
const CONSOLE_TOKEN = 'main-test-console-token-0123456789abcdef';

/** The built bot under node, with the start script's flags. */
const startBuilt = (env: NodeJS.ProcessEnv, ready?: (logs: Record<string, unknown>[]) => boolean) =>
  spawnBot(process.execPath, [...flags, entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_FORMAT: 'json', METRICS_PORT: '0', ...env },
    ...(ready ? { ready } : {}),
  });

describe('npm start', () => {
  let slack: FakeSlack;
  let bot: BotProcess;
  let port: number;
  let metricsUrl = '';

  beforeAll(async () => {
    slack = await FakeSlack.start();
    slack.addUser({
      id: 'U0EGLE001',
      handle: 'egle',
      realName: 'Eglė Navickaitė',
      tz: 'Europe/Vilnius',
      locale: 'lt-LT',
    });
    port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'main-'));
    bot = startBuilt(
      {
        DATABASE_URL: `file:${join(dir, 'ladder.db')}`,
        SUPPORT_CONFIG: 'config/support.example.yaml',
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        REPLICA_ID: 'main-test',
        DISCORD_TOKEN: '',
        CONSOLE_PORT: '0',
        CONSOLE_TOKEN: CONSOLE_TOKEN,
      },
      logged('started'),
    );
    await bot.started;
    metricsUrl = String(bot.logs().find((l) => l.event === 'started')?.metrics);
  }, 30_000);

  afterAll(async () => {
    bot?.kill();
    await slack?.close();
  });

  it('logs one JSON object per line, with the level and the event', () => {
    const lines = bot.logs();
    expect(lines.find((l) => l.event === 'adapter.started')).toMatchObject({
      level: 'info',
      platform: 'slack',
    });
    expect(lines.every((l) => typeof l.time === 'string' && typeof l.level === 'string')).toBe(true);
  });

  it('turns a signed Slack DM into a case and acknowledges it in the thread, by name', async () => {
    const message = directMessage('U0EGLE001', 'Negaliu prisijungti prie VPN');
    const response = await slackSender(`http://127.0.0.1:${port}/slack/events`, SECRET).event(
      eventCallback(message),
    );
    expect(response.status).toBe(200);
    const ack = await slack.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === message.ts &&
        String(c.args.text).includes('#1'),
      { timeoutMs: 10_000, what: 'the acknowledgement' },
    );
    expect(String(ack.args.text)).toContain('Sveiki, Egle'); // Lithuanian, greeted in the vocative
    expect(String(ack.args.text)).toContain('Negaliu prisijungti prie VPN');
    // What the customer wrote stays out of the logs at info.
    expect(bot.output()).not.toContain('Negaliu prisijungti prie VPN');
  });

  it('serves /metrics, /healthz and /readyz on the ops port', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const metrics = await (await fetch(metricsUrl)).text();
    expect(metrics).toMatch(/ladder_cases_opened_total\{audience="internal"\} 1/);
    expect(metrics).toMatch(/process_resident_memory_bytes \d+/);
    expect((await fetch(metricsUrl.replace('/metrics', '/healthz'))).status).toBe(200);
    const ready = await fetch(metricsUrl.replace('/metrics', '/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: { database: { ok: true }, slack: { ok: true } },
    });
  });

  it('serves the web console on CONSOLE_PORT, behind its sign-in', async () => {
    const url = String(bot.logs().find((l) => l.event === 'console.started')?.url);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/queues`)).status).toBe(401);
    const signedIn = await fetch(`${url}/sign-in`, {
      method: 'POST',
      body: new URLSearchParams({ token: CONSOLE_TOKEN }),
      headers: { origin: url },
      redirect: 'manual',
    });
    expect(signedIn.status).toBe(303);
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const queues = await fetch(`${url}/queues`, { headers: { cookie } });
    expect(queues.status).toBe(200);
    expect(await queues.text()).toContain('Negaliu prisijungti prie VPN');
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.logs().some((l) => l.event === 'stopped')).toBe(true);
  });
});

describe('npm start, signalled as a process manager does', () => {
  /** JSON logs, no platform, a fresh database in a new temporary folder. */
  const noPlatformsEnv = (prefix: string): NodeJS.ProcessEnv => ({
    ...process.env,
    LOG_FORMAT: 'json',
    METRICS_PORT: '0',
    DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), prefix)), 'ladder.db')}`,
    SLACK_BOT_TOKEN: '',
    DISCORD_TOKEN: '',
  });

  it('listens for SIGTERM by the time it logs `started`: a signal sent on that line stops it cleanly', async () => {
    const bot = spawnBot(
      process.execPath,
      ['--import', join(ROOT, 'test/fixtures/signal-on-started.mjs'), ...flags, entry],
      {
        cwd: ROOT,
        env: noPlatformsEnv('main-started-'),
      },
    );
    try {
      expect(await bot.exited).toBe(0);
      expect(bot.logs().map((l) => l.event)).toEqual(
        expect.arrayContaining(['started', 'stopping', 'stopped']),
      );
    } finally {
      bot.kill();
    }
  }, 60_000);

  it('stops with exit code 0 within 10 s when only the npm process gets SIGTERM', async () => {
    const npm = spawnBot('npm', ['start'], {
      cwd: ROOT,
      env: noPlatformsEnv('main-npm-'),
      ready: logged('started'),
    });
    try {
      await npm.started;
      const signalled = Date.now();
      process.kill(npm.child.pid!, 'SIGTERM'); // the npm pid only, not the group
      expect(await npm.exited).toBe(0);
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(npm.logs().some((l) => l.event === 'stopped')).toBe(true);
    } finally {
      npm.kill();
    }
  }, 60_000);
});

// Nothing listens there (port 1 would not do: fetch refuses it as a "bad port" before dialling).
const closedPort = await freePort();

describe('start-up failures: one plain line, a documented exit code, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'main-fail-'));
  const notAFolder = join(dir, 'a-file');
  writeFileSync(notAFolder, '');
  const noPlatforms = { SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', DATABASE_URL: `file:${join(dir, 'ok.db')}` };

  it.each([
    [
      'a half-configured Slack',
      { SLACK_BOT_TOKEN: 'xoxb-x', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' },
      78,
      /SLACK_SIGNING_SECRET/,
    ],
    ['a sqlite: URL', { DATABASE_URL: 'sqlite:./data/x.db' }, 78, /DATABASE_URL.*file:<path>/],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'loud' }, 78, /LOG_LEVEL="loud"/],
    [
      'a console without its token',
      { CONSOLE_PORT: '0', CONSOLE_TOKEN: 'short' },
      78,
      /^CONSOLE_TOKEN must be set/,
    ],
    [
      // Its folder would have to be made inside a plain file (root may write anywhere else).
      'a SQLite file that cannot be created',
      { DATABASE_URL: `file:${notAFolder}/ladder.db` },
      73,
      /^Cannot create or write the SQLite database of DATABASE_URL \(file:\/.*\/a-file\/ladder\.db\)/,
    ],
    [
      'PostgreSQL refusing connections',
      { DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/test' },
      69,
      /PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\) cannot be reached \(ECONNREFUSED\)/,
    ],
    [
      'Discord unreachable',
      {
        DISCORD_TOKEN: 'MTA.x.y',
        DISCORD_APPLICATION_ID: '1234567890',
        DISCORD_API_URL: 'http://127.0.0.1:1/api',
      },
      69,
      /Discord cannot be reached \(ECONNREFUSED/,
    ],
    [
      'Slack unreachable',
      {
        SLACK_BOT_TOKEN: 'xoxb-x',
        SLACK_SIGNING_SECRET: 's',
        SLACK_API_URL: `http://127.0.0.1:${closedPort}/api/`,
      },
      69,
      /Slack cannot be reached \((ECONNREFUSED|connect ECONNREFUSED).*The token was not checked/,
    ],
  ] as const)(
    '%s',
    async (_what, env, code, line) => {
      const bot = startBuilt({ ...noPlatforms, ...env });
      try {
        // On a mismatch the message shows what the bot said.
        expect(await bot.exited, bot.stderr()).toBe(code);
        const lines = bot.stderr().trim().split('\n');
        expect(lines.at(-1)).toMatch(line);
        expect(bot.stderr()).not.toMatch(/^\s+at /m);
      } finally {
        bot.kill();
      }
    },
    30_000,
  );

  it('a second copy on the same SQLite file is refused (75), naming the file and the first copy', async () => {
    const shared = { ...noPlatforms, DATABASE_URL: `file:${join(dir, 'shared.db')}` };
    const first = startBuilt(shared, logged('started'));
    try {
      await first.started;
      const second = startBuilt(shared);
      try {
        expect(await second.exited).toBe(75);
        expect(second.stderr().trim().split('\n').at(-1)).toMatch(
          new RegExp(
            `another copy of the bot is already running on .*shared\\.db \\(pid ${first.child.pid}\\)`,
          ),
        );
      } finally {
        second.kill();
      }
    } finally {
      first.kill();
    }
  }, 30_000);

  it('a missing PostgreSQL database is named (69)', async () => {
    const bot = startBuilt({
      ...noPlatforms,
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/no_such_database_here',
    });
    try {
      const code = await bot.exited;
      // Without a local PostgreSQL the server is unreachable instead: still 69, still one line.
      expect(code).toBe(69);
      expect(bot.stderr().trim().split('\n').at(-1)).toMatch(/does not exist|cannot be reached/);
      expect(bot.stderr()).not.toMatch(/^\s+at /m);
    } finally {
      bot.kill();
    }
  }, 30_000);
});
