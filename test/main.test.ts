// The bot as `npm start` runs it — built, then plain node with the start script's flags — as a
// separate process with the environment a deployment sets, talking to the local Slack fake. A signed DM becomes a case whose acknowledgement reaches
// Slack; SIGTERM stops it cleanly; a broken setting stops it with a plain message.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './fakes/slack/fake-slack.ts';
import { directMessage, eventCallback } from './fakes/slack/payloads.ts';
import { slackSender } from './fakes/slack/signed-requests.ts';
import { ROOT, startCommand } from './support/start-command.ts';
import { freePort } from './support/free-port.ts';

execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT });
const { flags, entry } = startCommand();
const SECRET = 'main-test-signing-secret';

/** Starts the built bot; resolves once a log line matches `ready`. */
function start(env: NodeJS.ProcessEnv, ready: RegExp) {
  const child = spawn(process.execPath, [...flags, entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const started = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (ready.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`exited ${code} before ready:\n${output}`)));
  });
  return { child, started, exited, output: () => output };
}

describe('npm start', () => {
  let slack: FakeSlack;
  let bot: {
    child: ChildProcess;
    started: Promise<void>;
    exited: Promise<number | null>;
    output: () => string;
  };
  let port: number;

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
    bot = start(
      {
        DATABASE_URL: `file:${join(dir, 'ladder.db')}`,
        SUPPORT_CONFIG: 'config/support.example.yaml',
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        REPLICA_ID: 'main-test',
        DISCORD_TOKEN: '',
      },
      /adapter\.started platform=slack[\s\S]*\binfo started\b/,
    );
    await bot.started;
  }, 30_000);

  afterAll(async () => {
    bot?.child.kill('SIGKILL');
    await slack?.close();
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
    expect(String(ack.args.text)).toContain('Eglė');
    expect(String(ack.args.text)).toContain('Negaliu prisijungti prie VPN');
  });

  it('stops cleanly on SIGTERM', async () => {
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.output()).toMatch(/info stopped/);
  });

  it('refuses a half-configured Slack with a plain message and exit code 78', async () => {
    const broken = start(
      {
        SLACK_BOT_TOKEN: 'xoxb-x',
        SLACK_SIGNING_SECRET: '',
        SLACK_APP_TOKEN: '',
        DATABASE_URL: 'file:/tmp/never.db',
      },
      /$^/,
    );
    broken.started.catch(() => {});
    expect(await broken.exited).toBe(78);
    expect(broken.output()).toMatch(/SLACK_SIGNING_SECRET/);
  });
});
