// 10,000 malformed gateway dispatches (interactions of every kind, messages, threads, unknown
// events) generated with fast-check from a fixed seed: nulls, wrong types, missing fields, unknown
// kinds, huge strings, and valid payloads broken by one to four mutations. The process must not
// crash or leave an unhandled rejection, and a valid interaction sent after them is answered.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { buttonClick, messageCreate, modalSubmit, slashCommand } from '../../fakes/discord/payloads.ts';
import type { FakeInteraction, Json } from '../../fakes/discord/state.ts';
import { IDS, type Rig, startRig } from './rig.ts';

const SEED = 20_261_207;
const COUNT = 10_000;
const CASE_ID = '3f2b8c1e-9d4a-4e8b-a1c2-0d9e8f7a6b5c';

/** Valid payloads of every kind the adapter handles, for the mutations to break. */
function templates(rig: Rig): (() => { t: string; d: Json })[] {
  const s = rig.fake.state;
  const { support, triageSupport } = rig.channels;
  const { egle, tom } = rig.users;
  const intakeModal = {
    custom_id: 'form:intake',
    components: [
      { type: 18, component: { type: 3, custom_id: 'topic' } },
      { type: 18, component: { type: 4, custom_id: 'description' } },
      { type: 18, component: { type: 3, custom_id: 'urgency' } },
    ],
  };
  const message = s.toApiMessage({
    id: '1',
    channel_id: triageSupport.id,
    content: 'card',
    embeds: [],
    components: [],
    flags: 0,
    author: s.bot,
    edits: [],
    deleted: false,
  });
  return [
    () => ({
      t: 'INTERACTION_CREATE',
      d: slashCommand(s, { user: egle, channel: support, name: 'support', subcommand: 'status' }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: slashCommand(s, { user: egle, channel: support, name: 'support', subcommand: 'report' }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: slashCommand(s, { user: tom, channel: support, name: 'support', subcommand: 'console' }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: slashCommand(s, { user: egle, channel: support, name: 'support-panel' }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: buttonClick(s, { user: tom, channel: triageSupport, customId: `act:claim:${CASE_ID}`, message }),
    }),
    ...['mark_heavy', 'pair_up', 'take_over'].map((action) => () => ({
      t: 'INTERACTION_CREATE',
      d: buttonClick(s, { user: tom, channel: triageSupport, customId: `act:${action}:${CASE_ID}`, message }),
    })),
    () => ({
      t: 'INTERACTION_CREATE',
      d: buttonClick(s, { user: egle, channel: support, customId: 'open', message }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: buttonClick(s, { user: egle, channel: support, customId: `more:${CASE_ID}`, message }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: modalSubmit(s, {
        user: egle,
        channel: support,
        modal: intakeModal,
        values: { topic: 'billing', description: 'Help', urgency: 'normal' },
      }),
    }),
    () => ({
      t: 'INTERACTION_CREATE',
      d: modalSubmit(s, {
        user: tom,
        channel: triageSupport,
        modal: {
          custom_id: `form:resolve:${CASE_ID}`,
          components: [{ type: 18, component: { type: 4, custom_id: 'summary' } }],
        },
        values: { summary: 'done' },
      }),
    }),
    // Messages whose valid form costs no REST call: staff in #support, anyone in a triage channel.
    () => ({
      t: 'MESSAGE_CREATE',
      d: messageCreate(s, { author: tom, channel: support, content: 'guidance' }),
    }),
    () => ({
      t: 'MESSAGE_CREATE',
      d: messageCreate(s, { author: egle, channel: triageSupport, content: 'hello' }),
    }),
    () => ({
      t: 'THREAD_CREATE',
      d: {
        ...s.toApiChannel({
          id: s.snowflake(),
          type: 11,
          name: 't',
          guild_id: s.guildId,
          parent_id: IDS.forum,
          members: new Set(),
        }),
        newly_created: true,
      },
    }),
  ];
}

const hugeString = fc.integer({ min: 10_000, max: 100_000 }).map((n) => 'x'.repeat(n));
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.integer(), weight: 2 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 3 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), weight: 2 },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
    weight: 2,
  },
  { arbitrary: hugeString, weight: 1 },
);

type Mutation = { pick: number; op: 'delete' | 'set'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom('delete' as const, 'set' as const),
  value: wrongValue,
});

/** Every path to a value inside a payload (objects and arrays), two levels deep and more. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value as Json);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

function mutate(payload: Json, mutations: Mutation[]): Json {
  const copy = structuredClone(payload);
  for (const m of mutations) {
    const all = paths(copy);
    const path = all[m.pick % Math.max(1, all.length)];
    if (!path) continue;
    let parent: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1) as string | number;
    if (m.op === 'delete') delete parent[last];
    else parent[last] = m.value;
  }
  return copy;
}

describe('malformed Discord traffic', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.stop();
    rig = undefined;
  });

  it(
    'survives 10,000 malformed dispatches and still answers a valid interaction',
    { timeout: 120_000 },
    async () => {
      const problems: string[] = [];
      const onRejection = (reason: unknown) => problems.push(`unhandled rejection: ${String(reason)}`);
      const onException = (error: Error) => problems.push(`uncaught exception: ${error.message}`);
      process.on('unhandledRejection', onRejection);
      process.on('uncaughtException', onException);
      try {
        rig = await startRig();
        const r = rig;
        const made = templates(r);
        const dispatch: fc.Arbitrary<{ t: string; d: unknown }> = fc.oneof(
          // Anything at all, under the events the adapter listens to, or under unknown ones.
          {
            arbitrary: fc.record({
              t: fc.constantFrom(
                'INTERACTION_CREATE',
                'MESSAGE_CREATE',
                'THREAD_CREATE',
                'NOT_AN_EVENT',
                'MESSAGE_NOPE',
              ),
              d: fc.oneof(wrongValue, fc.jsonValue({ maxDepth: 3 })),
            }),
            weight: 3,
          },
          // An interaction of an unknown or wrong type, or with data of the wrong shape.
          {
            arbitrary: fc
              .record({
                type: fc.oneof(fc.integer({ min: -5, max: 99 }), wrongValue),
                data: wrongValue,
                index: fc.nat(),
              })
              .map(({ type, data, index }) => {
                const base = made[index % 7]?.() ?? { t: 'INTERACTION_CREATE', d: {} };
                return { t: base.t, d: { ...base.d, type, data } };
              }),
            weight: 2,
          },
          // A valid payload broken by one to four mutations.
          {
            arbitrary: fc
              .record({ index: fc.nat(), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) })
              .map(({ index, mutations }) => {
                const base = made[index % made.length]?.() ?? { t: 'NOT_AN_EVENT', d: {} };
                return { t: base.t, d: mutate(base.d, mutations) };
              }),
            weight: 5,
          },
        );
        const payloads = fc.sample(dispatch, { seed: SEED, numRuns: COUNT });
        expect(payloads).toHaveLength(COUNT);
        expect(new Set(payloads.map((p) => p.t))).toEqual(
          new Set(['INTERACTION_CREATE', 'MESSAGE_CREATE', 'THREAD_CREATE', 'NOT_AN_EVENT', 'MESSAGE_NOPE']),
        );

        for (let i = 0; i < payloads.length; i += 250) {
          for (const p of payloads.slice(i, i + 250)) r.fake.dispatch(p.t, p.d);
          await new Promise((resolve) => setImmediate(resolve));
        }

        // Then a valid one: /support open from a member shows the intake form.
        const valid: FakeInteraction = r.fake.interact(
          slashCommand(r.fake.state, {
            user: r.users.egle,
            channel: r.channels.support,
            name: 'support',
            subcommand: 'open',
          }),
        );
        const callback = await r.fake.callbackOf(valid, { timeoutMs: 90_000 });
        expect(callback.type).toBe(9);
        expect(callback.data).toMatchObject({ custom_id: 'form:intake' });
        await r.adapter.idle();

        expect(problems).toEqual([]);
        // The malformed ones were seen and logged, not silently lost: the shield and the handlers spoke.
        expect(r.logger.lines.some((l) => l.startsWith('error discord.malformed_dispatch'))).toBe(true);
        expect(r.fake.gateway.sessions).toHaveLength(1); // never had to reconnect
      } finally {
        process.off('unhandledRejection', onRejection);
        process.off('uncaughtException', onException);
      }
    },
  );
});
