// 10,000 malformed but correctly signed requests (fast-check, fixed seed) through the real Bolt:
// events, interactivity and slash commands shaped like Slack's, then broken — fields removed, set to
// null or to the wrong type, unknown types, huge strings, bodies that are not objects at all. None
// may crash the process or get a 5xx; afterwards a plain direct message is still answered.
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiCall } from '../../fakes/slack/fake-slack.ts';
import {
  appHomeOpened,
  appMention,
  buttonClick,
  channelMessage,
  directMessage,
  eventCallback,
  messageShortcut,
  reactionAdded,
  slashCommand,
  textValue,
  viewSubmission,
} from '../../fakes/slack/payloads.ts';
import { signature } from '../../fakes/slack/signed-requests.ts';
import { SIGNING_SECRET, type SlackHarness, slackHarness, TRIAGE, textOf, U } from './slack-harness.ts';

const SEED = 1307;
const TOTAL = 10_000;
const BATCH = 500; // generated per batch, so the payloads never all sit in memory
const CONCURRENCY = 6;
const HELP = 'C05HELPDESK';

type Kind = 'event' | 'interaction' | 'command';
interface Request {
  kind: Kind;
  /** Which well-formed payload it was broken from. */
  template: number;
  /** The JSON value sent (events, interactivity), or the form fields (commands, as text). */
  body: unknown;
}

// ---- building blocks -------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 24 }),
  fc.constantFrom('', ' ', '0', '{}', '[]', 'null', 'ladder:', 'ladder:claim', '/support', 'U04TOM0003'),
);
const huge = fc
  .tuple(fc.integer({ min: 3_000, max: 40_000 }), fc.constantFrom('x', 'x', 'x', 'é', '<!channel> ', '&lt;'))
  .map(([n, s]) => s.repeat(Math.ceil(n / s.length)));
const junk: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 30, arbitrary: scalar },
  { weight: 1, arbitrary: huge },
  { weight: 4, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), scalar, { maxKeys: 4 }) },
);

/** What Slack might send, well formed: the starting points that get broken. */
function templates(caseId: string, responseUrl: string): { kind: Kind; body: () => unknown }[] {
  const button = (id: string) => ({ action_id: `ladder:${id}`, value: JSON.stringify({ c: caseId }) });
  const buttons = [
    'claim',
    'escalate',
    'ask_supervisor',
    'mark_resolved',
    'reopen',
    'add_details',
    'rate',
    'reply',
    'approve',
    'more',
    'mark_heavy',
    'pair_up',
    'take_over',
  ];
  const forms = ['details', 'reply', 'resolve', 'rate', 'accept', 'approve', 'decline', 'intake'];
  return [
    { kind: 'event', body: () => eventCallback(directMessage(U.egle, 'fuzz: my screen flickers')) },
    {
      kind: 'event',
      body: () => eventCallback(channelMessage(HELP, U.egle, 'fuzz in a thread', { thread_ts: '1.1' })),
    },
    { kind: 'event', body: () => eventCallback(appMention(HELP, U.egle, '<@U0BOT0001> fuzz help')) },
    {
      kind: 'event',
      body: () => eventCallback(reactionAdded(U.rasa, 'ticket', { channel: HELP, ts: '1.2' }, U.egle)),
    },
    { kind: 'event', body: () => eventCallback(appHomeOpened(U.egle)) },
    ...buttons.map((id) => ({
      kind: 'interaction' as const,
      body: () => buttonClick(U.tom, button(id), { channel: TRIAGE, ts: '1.3' }),
    })),
    ...forms.map((form) => ({
      kind: 'interaction' as const,
      body: () =>
        viewSubmission(
          U.tom,
          { callback_id: `ladder:${form}`, private_metadata: JSON.stringify({ c: caseId, ch: HELP }) },
          { text: textValue('fuzz'), summary: textValue('fuzz'), reason: textValue('fuzz') },
        ),
    })),
    {
      kind: 'interaction',
      body: () => messageShortcut(U.rasa, HELP, { ts: '1.4', user: U.egle, text: 'fuzz shortcut' }),
    },
    { kind: 'command', body: () => slashCommand(U.egle, HELP, 'status', responseUrl) },
    { kind: 'command', body: () => slashCommand(U.egle, HELP, 'fuzz: printer', responseUrl) },
    { kind: 'command', body: () => slashCommand(U.rasa, HELP, '', responseUrl) },
    {
      kind: 'command',
      body: () => ({ ...slashCommand(U.egle, HELP, 'help', responseUrl), command: '/other' }),
    },
  ];
}

/** Every path to a value inside `value` (the root is []). */
function pathsOf(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (typeof value === 'object' && value !== null && at.length < 6) {
    for (const [k, v] of Object.entries(value))
      pathsOf(v, [...at, Array.isArray(value) ? Number(k) : k], out);
  }
  return out;
}

type Edit = { at: number; how: 'delete' | 'junk' | 'type' | 'huge'; value: unknown; text: string };
const how = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Edit['how']>('delete') },
  { weight: 5, arbitrary: fc.constant<Edit['how']>('junk') },
  { weight: 2, arbitrary: fc.constant<Edit['how']>('type') },
  { weight: 1, arbitrary: fc.constant<Edit['how']>('huge') },
);

function applyEdit(body: unknown, edit: Edit, hugeText: () => string): unknown {
  const paths = pathsOf(body);
  const path = paths[edit.at % paths.length] as (string | number)[];
  const replacement =
    edit.how === 'type' ? `fuzz_${edit.text}` : edit.how === 'huge' ? hugeText() : edit.value;
  if (path.length === 0) return edit.how === 'delete' ? null : replacement;
  let parent = body as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (edit.how === 'delete') delete parent[last];
  else parent[last] = edit.how === 'type' && last !== 'type' ? parent[last] : replacement;
  // A "type" edit renames a type (event, payload or container) to one Slack never sends.
  if (edit.how === 'type' && typeof parent === 'object' && parent !== null && 'type' in parent) {
    parent.type = replacement;
  }
  return body;
}

function requests(caseId: string, responseUrl: string): fc.Arbitrary<Request> {
  const all = templates(caseId, responseUrl);
  const byKind = (['event', 'interaction', 'command'] as const).map((kind) =>
    all.flatMap((t, i) => (t.kind === kind ? [i] : [])),
  );
  const edit = fc.record({
    at: fc.nat(),
    how,
    value: junk,
    text: fc.string({ minLength: 1, maxLength: 12 }),
  });
  return fc
    .record({
      // Each family a third of the requests, whatever the number of templates in it.
      kind: fc.nat({ max: 2 }),
      pick: fc.nat(),
      edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
      hugeText: huge,
    })
    .map(({ kind, pick, edits, hugeText }) => {
      const family = byKind[kind] as number[];
      const template = family[pick % family.length] as number;
      const { kind: k, body } = all[template] as { kind: Kind; body: () => unknown };
      let broken = body();
      for (const e of edits) broken = applyEdit(broken, e, () => hugeText);
      return { kind: k, template, body: broken };
    });
}

/**
 * Posts a body signed as Slack signs it, over a keep-alive agent (several times cheaper than
 * fetch, which matters ten thousand times), and resolves with the status.
 */
function signedPoster(port: number, agent: Agent) {
  return (body: string, contentType: string): Promise<number> =>
    new Promise((resolve, reject) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/slack/events',
          method: 'POST',
          agent,
          headers: {
            'content-type': contentType,
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': signature(SIGNING_SECRET, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
}

/** Form fields as text, the way a slash command arrives (a non-object body sends junk fields). */
function formFields(body: unknown): Record<string, string> {
  if (typeof body !== 'object' || body === null) return { command: String(body) };
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
  );
}

// ---- the test ----------------------------------------------------------------------------------

describe('Slack under 10,000 malformed signed requests', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it(
    'never crashes, never answers 5xx, and then answers a plain direct message',
    { timeout: 180_000 },
    async () => {
      // One real case, so that broken clicks and forms naming it reach the desk.
      await h.slack.event(eventCallback(directMessage(U.egle, 'A real request before the storm.')));
      await h.fake.waitFor((c) => c.method === 'chat.postMessage' && textOf(c).includes('thank you'));
      const caseId = (await h.onlyCase()).id;

      const crashes: string[] = [];
      const onCrash = (e: unknown) => crashes.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.on('unhandledRejection', onCrash);
      process.on('uncaughtException', onCrash);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
      const statuses = new Map<number, number>();
      const fiveHundreds: string[] = [];
      const kinds = { event: 0, interaction: 0, command: 0 };
      try {
        const post = signedPoster(h.adapter.port as number, agent);
        const form = 'application/x-www-form-urlencoded';
        const send = (r: Request): Promise<number> =>
          r.kind === 'event'
            ? post(JSON.stringify(r.body) ?? 'null', 'application/json')
            : r.kind === 'interaction'
              ? post(new URLSearchParams({ payload: JSON.stringify(r.body) ?? 'null' }).toString(), form)
              : post(new URLSearchParams(formFields(r.body)).toString(), form);
        for (let start = 0; start < TOTAL; start += BATCH) {
          const batch = fc.sample(requests(caseId, `${h.fake.origin}/response/fuzz`), {
            seed: SEED + start,
            numRuns: BATCH,
          });
          let next = 0;
          const worker = async () => {
            while (next < batch.length) {
              const r = batch[next++] as Request;
              kinds[r.kind]++;
              const status = await send(r);
              statuses.set(status, (statuses.get(status) ?? 0) + 1);
              if (status >= 500) fiveHundreds.push(JSON.stringify(r.body).slice(0, 300));
            }
          };
          await Promise.all(Array.from({ length: CONCURRENCY }, worker));
        }

        const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
        expect(sent).toBe(TOTAL);
        // Every family got its share.
        expect(Math.min(kinds.event, kinds.interaction, kinds.command)).toBeGreaterThan(TOTAL / 4);
        expect(fiveHundreds).toEqual([]);
        // Not even a 404 after Slack's 3 seconds: each one was answered by the adapter itself.
        expect([...statuses.keys()].filter((s) => s !== 200 && s !== 400)).toEqual([]);
        expect(h.logger.lines.filter((l) => l.includes('slack.malformed_payload')).length).toBeGreaterThan(
          TOTAL / 4,
        );

        // The process still serves: a plain direct message from someone the storm never spoke for.
        const message = directMessage(U.petras, 'Po viso to: mano kompiuteris nepasileidžia.');
        expect((await h.slack.event(eventCallback(message))).status).toBe(200);
        const ack: ApiCall = await h.fake.waitFor(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.args.thread_ts === message.ts &&
            c.args.channel === message.channel,
          { what: 'the acknowledgement after the storm', timeoutMs: 10_000 },
        );
        expect(textOf(ack)).toContain('„Po viso to: mano kompiuteris nepasileidžia.“');
        expect(crashes).toEqual([]);
        console.info(
          `fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, by kind ${JSON.stringify(kinds)}`,
        );
      } finally {
        agent.destroy();
        process.off('unhandledRejection', onCrash);
        process.off('uncaughtException', onCrash);
      }
    },
  );
});
