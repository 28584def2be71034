// Memory: the bot's resident memory (RSS) as `npm start` runs it (the bundle, plain node), with both adapters connected to
// the local fakes. Idle on an empty database (goal < 100 MB), then on a database holding 100,000
// open cases (goal < 150 MB) after the sweeps ran and a little traffic went through the paths that
// read many cases (new cases, `/support status` of the busiest customers, a supervisor's App Home,
// an expert's App Home). The fakes run here, so only the bot's own process is measured: VmRSS from
// /proc/<pid>/status, sampled a few times (median), and VmHWM (the peak since it started).
//   node --import tsx bench/memory.ts [--cases 100000] [--idle-seconds 5] [--load-seconds 10]
//     [--samples 5] [--only idle|loaded]
// Diagnostics (not for the figures): --probe preloads bench/memory-probe.ts into the bot, which
// logs process.memoryUsage() at each sample (add --node-flags=--expose-gc to collect first);
// --node-flags="--max-semi-space-size=1 ..." passes V8 flags to the bot; --entry <file.mjs> runs a
// compiled bot with plain node instead of tsx, e.g. one built with
//   npx esbuild src/main.ts --bundle --platform=node --format=esm --packages=external
//     --outfile=/tmp/mb/a/b/main.mjs   (with /tmp/mb/prisma and /tmp/mb/node_modules linked to the repo's)
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.ts';
import { messageCreate, slashCommand } from '../test/fakes/discord/payloads.ts';
import { ChannelKind, type FakeChannel } from '../test/fakes/discord/state.ts';
import { FakeSlack } from '../test/fakes/slack/fake-slack.ts';
import {
  appHomeOpened,
  directMessage,
  eventCallback,
  slashCommand as slackSlashCommand,
} from '../test/fakes/slack/payloads.ts';
import { slackSender } from '../test/fakes/slack/signed-requests.ts';
import { seedOpenCases, type OpenCasesReport } from './seed.ts';
import { startCommand } from '../test/support/start-command.ts';
import { percentile, writeResult } from './stats.ts';
import { freePort } from '../test/support/free-port.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'idle-seconds': { type: 'string', default: '5' },
    'load-seconds': { type: 'string', default: '10' },
    samples: { type: 'string', default: '5' },
    only: { type: 'string' },
    probe: { type: 'boolean', default: false },
    entry: { type: 'string' },
    'node-flags': { type: 'string', default: '' },
  },
});
const CASES = Number(values.cases);
const IDLE_MS = Number(values['idle-seconds']) * 1000;
const LOAD_MS = Number(values['load-seconds']) * 1000;
const SAMPLES = Number(values.samples);
const GOALS = { idleMb: 100, loadedMb: 150 };

const ROOT = join(import.meta.dirname, '..');
const CONFIG = 'config/support.example.yaml';
const SECRET = 'memory-bench-signing-secret';
/** From the example config: Marie supervises both teams; Jonas is a billing expert. */
const STAFF = {
  marie: { id: 'U04MARIE01', name: 'Marie Dubois', locale: 'fr-FR', tz: 'Europe/Paris' },
  jonas: { id: 'U04JONAS04', name: 'Jonas Petraitis', locale: 'lt-LT', tz: 'Europe/Vilnius' },
  sam: { id: 'U04SAM0007', name: 'Sam Okafor', locale: 'en-GB', tz: 'Europe/London' },
};
const SUPPORT_CHANNEL = '1200000000000000001';
const TRIAGE_CHANNELS = ['1187654321098765432', '1187654321098765433'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

interface Status {
  rssKb: number;
  hwmKb: number;
}
function procStatus(pid: number): Status {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);
  return { rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** Processes started by `pid` (tsx's esbuild service): reported beside the bot, not counted. */
function childrenOf(pid: number): { pid: number; command: string; rssMb: number }[] {
  const found: { pid: number; command: string; rssMb: number }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({
        pid: Number(entry),
        command: command.slice(0, 80),
        rssMb: mb(procStatus(Number(entry)).rssKb),
      });
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

const mb = (kb: number) => Math.round((kb / 1024) * 10) / 10;

interface Fakes {
  slack: FakeSlack;
  discord: FakeDiscord;
  support: FakeChannel;
}

async function startFakes(threads: readonly string[]): Promise<Fakes> {
  const slack = await FakeSlack.start();
  for (const p of Object.values(STAFF)) {
    slack.addUser({
      id: p.id,
      handle: p.name.split(' ')[0]?.toLowerCase() ?? p.id,
      realName: p.name,
      tz: p.tz,
      locale: p.locale,
    });
  }
  const discord = await FakeDiscord.start();
  const support = discord.textChannel(SUPPORT_CHANNEL, 'support');
  for (const [k, id] of TRIAGE_CHANNELS.entries()) discord.textChannel(id, `triage-${k}`);
  // The threads of seeded cases whose timers fall due now, so their notices have somewhere to go.
  for (const id of threads) {
    discord.state.addChannel({
      id,
      type: ChannelKind.publicThread,
      name: `case ${id.slice(-4)}`,
      guild_id: discord.state.guildId,
      parent_id: SUPPORT_CHANNEL,
    });
  }
  return { slack, discord, support };
}

interface Bot {
  child: ChildProcess;
  pid: number;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** The command `npm start` runs after building (see startCommand), so the pid measured is the bot's. */
function productionArgs(): string[] {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const { flags, entry } = startCommand();
  return [...flags, entry];
}

/**
 * Whether the bot logged this event (with this field's value), in either of its log formats: pino's
 * JSON lines (`"event":"started"`) or the plain `info started key=value` lines.
 */
function logged(output: string, event: string, field?: string, value?: string): boolean {
  return output.split('\n').some((line) => {
    if (line.startsWith('{')) {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return entry.event === event && (field === undefined || entry[field] === value);
      } catch {
        return false;
      }
    }
    const words = line.split(' ');
    return words.includes(event) && (field === undefined || words.includes(`${field}=${value}`));
  });
}

/** SIGKILL to the child's whole process group (it was started detached), unless it has exited. */
function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** Starts the bot as `npm start` does (or, for diagnostics, the sources under tsx), on the fakes. */
async function startBot(databaseUrl: string, fakes: Fakes): Promise<Bot> {
  const port = await freePort();
  const metricsPort = await freePort();
  // Diagnostics run the TypeScript under tsx (or a given compiled entry) instead.
  const diagnostic = values.probe || values.entry || values['node-flags'];
  const tsx = !values.entry || values.probe ? ['--import', 'tsx'] : [];
  const probe = values.probe ? ['--import', './bench/memory-probe.ts'] : [];
  const flags = values['node-flags'].split(' ').filter(Boolean);
  const args = diagnostic ? [...flags, ...tsx, ...probe, values.entry ?? 'src/main.ts'] : productionArgs();
  // Its own process group (detached), so a kill takes the bot and anything it started.
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SUPPORT_CONFIG: CONFIG,
      REPLICA_ID: 'memory-bench',
      PORT: String(port),
      // A port of its own for /metrics, so the bench never meets another bot's (or another run's).
      METRICS_PORT: String(metricsPort),
      SLACK_BOT_TOKEN: 'xoxb-memory-bench',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: fakes.slack.apiUrl,
      DISCORD_TOKEN: 'memory-bench-token',
      DISCORD_APPLICATION_ID: fakes.discord.state.applicationId,
      DISCORD_API_URL: fakes.discord.apiUrl,
      DISCORD_GUILD_ID: fakes.discord.state.guildId,
      DISCORD_SUPPORT_CHANNEL_ID: SUPPORT_CHANNEL,
      DISCORD_SUPPORT_FORUM_ID: '',
      DISCORD_ADMIN_CHANNEL_ID: '',
    },
  });
  if (child.pid === undefined) throw new Error('the bot did not start');
  let output = '';
  const onData = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const bot = { child, pid: child.pid, port, output: () => output, exited };
  try {
    await until(
      () => {
        if (gone !== undefined) throw new Error(`the bot exited (${gone}) before it was ready:\n${output}`);
        return logged(output, 'started');
      },
      'the bot to say it started',
      60_000,
    );
    if (
      !logged(output, 'adapter.started', 'platform', 'slack') ||
      !logged(output, 'adapter.started', 'platform', 'discord')
    ) {
      throw new Error(`an adapter did not start:\n${output}`);
    }
    // Connected to the gateway: IDENTIFY arrived and READY went out.
    await until(
      () => fakes.discord.gateway.sessions.some((s) => s.socket !== null),
      'the Discord gateway session',
    );
    // Serving Slack: one signed request answered (a Home tab opened by someone without cases).
    const sent = fakes.slack.calls.length;
    const answer = await slackSender(`http://127.0.0.1:${port}/slack/events`, SECRET).event(
      eventCallback(appHomeOpened('U07NOBODY1')),
    );
    if (answer.status !== 200) throw new Error(`Slack request answered ${answer.status}: ${answer.body}`);
    await fakes.slack.waitFor((c) => c.method === 'views.publish', {
      since: sent,
      timeoutMs: 10_000,
      what: 'the first Home tab',
    });
  } catch (e) {
    killGroup(child);
    throw new Error(`${(e as Error).message}\nthe bot's output:\n${output.slice(-3000)}`);
  }
  return bot;
}

async function stopBot(bot: Bot): Promise<number | null> {
  bot.child.kill('SIGTERM');
  const code = await Promise.race([bot.exited, sleep(20_000).then(() => 'timeout' as const)]);
  if (code === 'timeout') {
    killGroup(bot.child);
    throw new Error(`the bot did not stop within 20 s of SIGTERM:\n${bot.output().slice(-2000)}`);
  }
  return code;
}

interface Reading {
  rssMb: { median: number; peak: number; samples: number[] };
  helpers: { pid: number; command: string; rssMb: number }[];
}

/** Reads the bot's RSS `SAMPLES` times, half a second apart. */
async function sample(bot: Bot): Promise<Reading> {
  const rss: number[] = [];
  let hwm = 0;
  for (let k = 0; k < SAMPLES; k++) {
    if (k > 0) await sleep(500);
    if (values.probe) bot.child.kill('SIGUSR2');
    const s = procStatus(bot.pid);
    rss.push(mb(s.rssKb));
    hwm = Math.max(hwm, mb(s.hwmKb));
  }
  return { rssMb: { median: percentile(rss, 50), peak: hwm, samples: rss }, helpers: childrenOf(bot.pid) };
}

function probeLines(bot: Bot): string[] {
  return bot
    .output()
    .split('\n')
    .filter((l) => l.includes('memory.probe'));
}

// ---------------------------------------------------------------------------------------------

async function idle(): Promise<Reading & { stopExit: number | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-memory-idle-'));
  const fakes = await startFakes([]);
  let bot: Bot | undefined;
  try {
    bot = await startBot(`file:${join(dir, 'mem.db')}`, fakes);
    await sleep(IDLE_MS);
    const reading = await sample(bot);
    if (values.probe) console.log(probeLines(bot).slice(-SAMPLES).join('\n'));
    const stopExit = await stopBot(bot);
    return { ...reading, stopExit };
  } finally {
    if (bot) killGroup(bot.child);
    await fakes.slack.close();
    await fakes.discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Traffic {
  opened: number;
  statusReplies: number;
  homes: number;
  ms: number;
  /** Each step's duration, and RSS and peak (VmHWM) after it, to see which path grows the process. */
  steps: { after: string; ms: number; rssMb: number; peakMb: number }[];
}

/** A little traffic through every path that may read many cases. */
async function traffic(bot: Bot, fakes: Fakes, seeded: OpenCasesReport): Promise<Traffic> {
  const started = performance.now();
  const send = slackSender(`http://127.0.0.1:${bot.port}/slack/events`, SECRET);
  const result: Traffic = { opened: 0, statusReplies: 0, homes: 0, ms: 0, steps: [] };
  let last = performance.now();
  const mark = (after: string) => {
    const s = procStatus(bot.pid);
    const ms = Math.round(performance.now() - last);
    result.steps.push({ after, ms, rssMb: mb(s.rssKb), peakMb: mb(s.hwmKb) });
    last = performance.now();
  };
  mark('start and sweeps');
  // Seeded customers write in again: each opens a case (a signed DM; the ack is the answer).
  for (let n = 0; n < 5; n++) {
    const user = `U07C${String(n).padStart(5, '0')}`;
    fakes.slack.addUser({
      id: user,
      handle: `c${n}`,
      realName: `Customer ${n}`,
      tz: 'Europe/Vilnius',
      locale: 'lt-LT',
    });
    const message = directMessage(user, `Still waiting on the invoice, ${n}`);
    const since = fakes.slack.calls.length;
    await send.event(eventCallback(message));
    await fakes.slack.waitFor((c) => c.method === 'chat.postMessage' && c.args.thread_ts === message.ts, {
      since,
      timeoutMs: 15_000,
      what: `the acknowledgement of DM ${n}`,
    });
    result.opened += 1;
  }
  mark('5 Slack DMs (new cases)');
  // `/support status` of the busiest Slack customer (the most open cases of anyone).
  const busiest = /^slack:[^:]+:(U\w+)$/.exec(seeded.busiestCustomer.id)?.[1] ?? 'U07C00000';
  for (const user of [busiest, 'U07C00001']) {
    const since = fakes.slack.calls.length;
    await send.command(
      slackSlashCommand(user, `D${user.slice(1)}`, 'status', `${fakes.slack.origin}/response/${user}`),
    );
    await fakes.slack.waitFor((c) => c.method === 'response_url', {
      since,
      timeoutMs: 30_000,
      what: '/support status',
    });
    result.statusReplies += 1;
    mark(`Slack /support status of ${user}`);
  }
  // App Home: a supervisor of both teams (every active case of both), another supervisor, an expert.
  for (const person of [STAFF.marie, STAFF.sam, STAFF.jonas]) {
    const since = fakes.slack.calls.length;
    await send.event(eventCallback(appHomeOpened(person.id)));
    await fakes.slack.waitFor((c) => c.method === 'views.publish', {
      since,
      timeoutMs: 60_000,
      what: `${person.name}'s Home`,
    });
    result.homes += 1;
    mark(`App Home of ${person.name}`);
  }
  // Discord: a member posts in the support channel (a new case), then `/support status`.
  // Someone the seed did not make (its Discord customers are 200…299): a seeded customer's post would
  // meet the community intake limit and become details on their open case, with no new thread.
  const discordCustomer = `${2_000_000_000_000_000_000n + 100_000n}`;
  const member = fakes.discord.state.addUser(discordCustomer, 'member200', 'Customer 200');
  const posted = messageCreate(fakes.discord.state, {
    author: member,
    channel: fakes.support,
    content: 'I cannot log in since Monday.',
  });
  fakes.discord.dispatch('MESSAGE_CREATE', posted);
  // The case opens in a private thread with the member, and the member's message is answered in
  // the support channel with a link to it (test/adapters/discord/intake.test.ts).
  const answered = (c: { body: unknown }) =>
    (c.body as { message_reference?: { message_id?: string } } | null)?.message_reference?.message_id ===
    String(posted.id);
  await until(
    () => fakes.discord.callsTo('POST', new RegExp(`^/channels/${SUPPORT_CHANNEL}/messages$`)).some(answered),
    "the answer to the member's message, linking the case's thread",
  );
  result.opened += 1;
  mark('a Discord post (new case)');
  const interaction = fakes.discord.interact(
    slashCommand(fakes.discord.state, {
      user: member,
      channel: fakes.support,
      name: 'support',
      subcommand: 'status',
    }),
  );
  await until(
    () => fakes.discord.callsTo('PATCH', new RegExp(`/webhooks/[^/]+/${interaction.token}/`)).length > 0,
    'the Discord /support status reply',
    30_000,
  );
  result.statusReplies += 1;
  mark('Discord /support status');
  result.ms = Math.round(performance.now() - started);
  return result;
}

async function loaded(): Promise<
  Reading & {
    seeded: Omit<OpenCasesReport, 'dueNowConversations'>;
    traffic: Traffic | null;
    trafficError: string | null;
    stopExit: number | null;
  }
> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-memory-loaded-'));
  const url = `file:${join(dir, 'mem.db')}`;
  const seeded = await seedOpenCases({
    databaseUrl: url,
    cases: CASES,
    configPath: join(ROOT, CONFIG),
    dueNow: Math.min(200, Math.ceil(CASES / 100)),
  });
  const { dueNowConversations, ...seedSummary } = seeded;
  console.log(`seeded ${seeded.cases} open cases in ${seeded.seconds} s`);
  const threads = dueNowConversations
    .filter((c) => c.startsWith('discord:'))
    .map((c) => c.split(':')[2] ?? '');
  const fakes = await startFakes(threads);
  let bot: Bot | undefined;
  try {
    bot = await startBot(url, fakes);
    await sleep(LOAD_MS);
    const running = bot;
    // A traffic step that fails (a platform path changed) is reported with the figures, which are
    // still sampled; the row then counts as failed.
    let trafficError: string | null = null;
    const done = await traffic(running, fakes, seeded).catch((e: unknown) => {
      const calls = fakes.discord.calls.slice(-8).map((c) => `${c.method} ${c.path}`);
      trafficError = (e as Error).message;
      console.log(
        `traffic failed: ${trafficError}\nthe last Discord API calls: ${calls.join('; ')}\nthe bot's output:\n${running.output().slice(-3000)}`,
      );
      return null;
    });
    await sleep(1000);
    const reading = await sample(bot);
    if (values.probe) console.log(probeLines(bot).slice(-SAMPLES).join('\n'));
    const errors = bot
      .output()
      .split('\n')
      .filter((l) => / error /.test(l) || l.includes('"level":"error"'));
    if (errors.length > 0) console.log(`bot errors (${errors.length}):\n${errors.slice(0, 5).join('\n')}`);
    const stopExit = await stopBot(bot);
    return { ...reading, seeded: seedSummary, traffic: done, trafficError, stopExit };
  } finally {
    if (bot) killGroup(bot.child);
    await fakes.slack.close();
    await fakes.discord.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const idleResult = values.only === 'loaded' ? null : await idle();
if (idleResult)
  console.log(`idle: RSS median ${idleResult.rssMb.median} MB, peak ${idleResult.rssMb.peak} MB`);
const loadedResult = values.only === 'idle' ? null : await loaded();
if (loadedResult) {
  console.log(
    `${CASES} open cases: RSS median ${loadedResult.rssMb.median} MB, peak ${loadedResult.rssMb.peak} MB`,
  );
}
const result = {
  idleSeconds: IDLE_MS / 1000,
  loadSeconds: LOAD_MS / 1000,
  idle: idleResult,
  loaded: loadedResult ? { cases: CASES, ...loadedResult } : null,
  goals: GOALS,
};
writeResult('memory', result);
console.log(JSON.stringify(result, null, 2));
