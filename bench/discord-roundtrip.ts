// Discord interaction round trip: from the moment the local fake dispatches INTERACTION_CREATE
// until it receives the interaction callback. This app (discord.js + adapter + desk on SQLite)
// against a bare discord.js client answering the same interaction, on the same fake, interleaved
// in the same run. Two buttons: "Take it" on a case card (acknowledged at once, work after) and a
// supervisor's "Approve" (the app reads the case and checks the role before opening the form).
//   node --import tsx bench/discord-roundtrip.ts [--iterations 2000] [--warmup 300]
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createDiscordAdapter } from '../adapters/discord/index.ts';
import { loadConfig } from '../src/config/load-config.ts';
import { createDesk } from '../src/core/desk.ts';
import { dispatchOnce } from '../src/jobs/dispatch-notices.ts';
import { lineLogger } from '../src/log.ts';
import { sinkRoutes } from '../src/platform/sink-routes.ts';
import { openStore } from '../src/store/open-store.ts';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.ts';
import { buttonClick } from '../test/fakes/discord/payloads.ts';
import type { FakeUser } from '../test/fakes/discord/state.ts';
import { percentile, writeResult } from './stats.ts';

const { values } = parseArgs({
  options: { iterations: { type: 'string', default: '2000' }, warmup: { type: 'string', default: '300' } },
});
const iterations = Number(values.iterations);
const warmup = Number(values.warmup);

const fake = await FakeDiscord.start();
const support = fake.textChannel('1200000000000000001', 'support');
const triage = fake.textChannel('1187654321098765432', 'triage-support');
const tom: FakeUser = fake.state.addUser('1087000000000000003', 'tomw', 'Tom Whitfield');
const marie: FakeUser = fake.state.addUser('1087000000000000001', 'marie', 'Marie Dubois');

// The app, as `npm start` would build it, on a fresh SQLite file.
const dir = mkdtempSync(join(tmpdir(), 'discord-bench-'));
const store = await openStore({ databaseUrl: `file:${join(dir, 'bench.db')}` });
const config = loadConfig('config/support.example.yaml');
const clock = { now: () => new Date() };
const desk = createDesk({
  store,
  clock,
  ids: { next: randomUUID },
  config: config.desk,
});
// Only problems are printed, so a failing run says why.
const quiet = lineLogger((line) => {
  if (/ (error|warn) /.test(line)) console.error(line);
});
const sinks = sinkRoutes(store.cases);
const app = createDiscordAdapter(
  { desk, sinks, store, config, clock, logger: quiet },
  {
    token: 'app-token',
    applicationId: fake.state.applicationId,
    apiUrl: fake.apiUrl,
    supportChannelId: support.id,
  },
);
await app.start();
const { case: opened } = await desk.openCase({
  workspace: config.workspace,
  audience: 'community',
  conversation: `discord:${fake.state.guildId}:${support.id}`,
  customer: { id: 'discord:2000000000000000001', name: 'Eglė', locale: 'en', timeZone: 'Europe/Vilnius' },
  text: 'I cannot log in since the password reset.',
});
// A second case waits for a supervisor's decision: Marie's "Approve" opens the form.
const waiting = await desk.openCase({
  workspace: config.workspace,
  audience: 'community',
  conversation: `discord:${fake.state.guildId}:${triage.id}`,
  customer: { id: 'discord:2000000000000000002', name: 'Jean', locale: 'fr', timeZone: 'Europe/Paris' },
  text: 'Ma facture est en double.',
});
const asked = await desk.askSupervisor({ caseId: waiting.case.id, actor: { id: waiting.case.customer.id } });
const approvalId = asked.case.approval?.id ?? '';
// The bot sends the request to the supervisors first, as it would before anyone can press Approve.
await dispatchOnce({
  notices: store.notices,
  clock,
  sink: sinks,
  logger: quiet,
  owner: 'bench',
});

// The bare client: the least any discord.js bot does to answer the same button.
const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
const bareForm = {
  custom_id: 'form',
  title: 'Approve',
  components: [{ type: 1, components: [{ type: 4, custom_id: 'why', label: 'Why', style: 2 }] }],
};
bare.on(Events.InteractionCreate, (i) => {
  if (!i.isButton()) return;
  if (i.customId.startsWith('act:approve:')) void i.showModal(bareForm).catch(() => {});
  else void i.deferUpdate().catch(() => {});
});
const bareReady = new Promise((resolve) => bare.once(Events.ClientReady, resolve));
await bare.login('bare-token');
await bareReady;

// The card the clicks land on, as the fake's REST API would return it.
const card = fake.state.toApiMessage(fake.state.postMessage(triage.id, { content: '' }).message);

async function roundTrip(token: string, user: FakeUser, customId: string): Promise<number> {
  const payload = buttonClick(fake.state, { user, channel: triage, customId, message: card });
  const interaction = fake.interact(payload, token);
  const callback = await fake.callbackOf(interaction, { timeoutMs: 10_000 });
  // Let the app finish its work after the callback so iterations do not overlap.
  if (token === 'app-token') await app.idle();
  return callback.at - interaction.dispatchedAt;
}

async function measure(user: FakeUser, customId: string): Promise<{ app: number[]; bare: number[] }> {
  const samples = { app: [] as number[], bare: [] as number[] };
  for (let i = 0; i < warmup + iterations; i++) {
    // Interleaved, alternating who goes first, so drift on the machine hits both alike.
    const order = i % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const);
    for (const who of order) {
      const ms = await roundTrip(who === 'app' ? 'app-token' : 'bare-token', user, customId);
      if (i >= warmup) samples[who].push(ms);
    }
  }
  return samples;
}

const summary = (xs: number[]) => ({
  p50: percentile(xs, 50),
  p99: percentile(xs, 99),
  mean: Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100,
});
const compare = (samples: { app: number[]; bare: number[] }) => ({
  app: summary(samples.app),
  bare: summary(samples.bare),
  ratioP50: Math.round((percentile(samples.app, 50) / percentile(samples.bare, 50)) * 100) / 100,
  ratioP99: Math.round((percentile(samples.app, 99) / percentile(samples.bare, 99)) * 100) / 100,
});
const claim = compare(await measure(tom, `act:claim:${opened.id}`));
const approve = compare(await measure(marie, `act:approve:${waiting.case.id}:${approvalId}`));
const result = {
  iterations,
  warmup,
  store: 'sqlite',
  unit: 'ms',
  interaction: 'button "Take it" on a case card -> deferUpdate callback',
  ...claim,
  formButton: { interaction: 'supervisor button "Approve" -> the form (modal) callback', ...approve },
  goals: { ratioP50AtMost: 1.2 },
};
writeResult('discord-roundtrip', result);
const line = (name: string, r: ReturnType<typeof compare>) =>
  `${name}: app p50 ${r.app.p50} ms, p99 ${r.app.p99} ms; bare discord.js p50 ${r.bare.p50} ms, ` +
  `p99 ${r.bare.p99} ms; ratio p50 ${r.ratioP50} (goal ≤ 1.2), p99 ${r.ratioP99}`;
console.log(`discord round trip, ${iterations} interactions each after ${warmup} warm-up`);
console.log(line('"Take it" (deferUpdate)', claim));
console.log(line('"Approve" (form)', approve));

await app.stop();
await bare.destroy();
await store.close();
await fake.stop();
rmSync(dir, { recursive: true, force: true });
