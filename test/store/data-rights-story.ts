// A small story for the data-rights suites: Ana (a Slack customer) raised a case that went all the
// way up; Tom (staff) answered her and Ben (a Discord customer). Every text Ana wrote or that was
// written about her carries the marker "zebra"; Tom's answer to Ben carries "walrus".
import type { Case, Customer } from '../../src/core/model.ts';
import type { DataRequest } from '../../src/core/ports.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { at, MIN, makeEvent, makeNotice, makeRichCase, newId, seedCase } from '../support/case-factory.ts';

export const ANA = 'slack:T1:UANA';
export const BEN = 'discord:4242';
export const TOM = 'tom';
/** In every text by or about Ana. */
export const ANA_MARKER = /zebra/i;
/** In Tom's answer to Ben. */
export const TOM_MARKER = /walrus/i;

export const customer = (id: string, name: string): Customer => ({
  id,
  name,
  locale: 'en',
  timeZone: 'Europe/Vilnius',
});

export const requestBy = (requestedBy: string, when: Date): DataRequest => ({
  requestedBy,
  at: when,
  ids: { next: () => newId('audit') },
});

export interface Story {
  ana: Case;
  ben: Case;
}

/** Ana's case (resolved, rated, escalated, taken outside) and Ben's, with events, notices and refs. */
export async function seedStory(store: InspectableStore): Promise<Story> {
  const rich = makeRichCase();
  const ana = await seedCase(
    store,
    {
      customer: customer(ANA, 'Ana Zebrauskaitė'),
      words: 'Zebra invoice charged twice',
      status: 'resolved',
      level: 3,
      resolvedAt: at(120 * MIN),
      approval: {
        ...(rich.approval ?? raise('no approval')),
        reason: 'zebra: nobody answers',
        apology: 'Sorry, zebra',
        plan: 'Refund the zebra invoice',
      },
      outside: { at: at(90 * MIN), channel: 'zebra letter to the director', note: 'zebra copied the CFO' },
      rating: { score: 2, comment: 'zebra slow' },
      risk: rich.risk,
    },
    (c) => ({
      events: [
        makeEvent(c, { type: 'case_opened', actorId: ANA, data: openedData(c.words) }),
        makeEvent(c, { type: 'details_added', actorId: ANA, data: { text: 'zebra order 1234' } }),
        // Offered to the answer bank: the entry must go with her words.
        makeEvent(c, {
          type: 'answered',
          actorId: TOM,
          data: { text: 'Zebra refund is on its way', reusable: true },
        }),
        makeEvent(c, {
          type: 'supervisor_requested',
          actorId: ANA,
          data: { reason: 'customer_asked', role: 'customer' },
        }),
        makeEvent(c, { type: 'rated', actorId: ANA, data: { score: 2, comment: 'zebra slow' } }),
      ],
      notices: [
        makeNotice(c, {
          key: 'customer.reply',
          params: { number: c.number, fromName: 'Tom', text: 'Zebra refund is on its way' },
        }),
        makeNotice(c, {
          key: 'triage.new_case',
          recipient: { kind: 'triage', teamId: 'finance' },
          params: {
            number: c.number,
            customerName: 'Ana Zebrauskaitė',
            topicName: 'Billing',
            priority: 'normal',
            words: c.words,
            position: 0,
            firstResponseAt: at(60 * MIN).toISOString(),
          },
        }),
      ],
    }),
  );
  await store.refs.put(ana.id, 'slack.triage', 'C1:1700000000.000100');
  await store.refs.put(
    ana.id,
    'slack.triage.intro',
    '#1 from Ana Zebrauskaitė: “Zebra invoice charged twice”',
  );
  await store.refs.put(
    ana.id,
    'slack.approval.ap-1',
    JSON.stringify([{ channel: 'C9', ts: '1700000000.000200', text: 'Decision needed: “Zebra invoice”' }]),
  );

  const answer = 'The walrus team says: wait for Monday';
  const ben = await seedCase(
    store,
    { customer: customer(BEN, 'Ben'), words: 'Ben cannot log in', conversation: 'discord:1:77' },
    (c) => ({
      events: [
        makeEvent(c, { type: 'case_opened', actorId: BEN, data: openedData(c.words) }),
        makeEvent(c, { type: 'answered', actorId: TOM, data: { text: answer } }),
      ],
      notices: [
        makeNotice(c, { key: 'customer.reply', params: { number: c.number, fromName: 'Tom', text: answer } }),
      ],
    }),
  );
  await store.refs.put(ben.id, 'discord.card', '{"channel":"55","message":"66"}');
  await store.refs.put(ben.id, 'slack.full.n1', `Reply from Tom:\n${answer}`);
  return { ana, ben };
}

const openedData = (words: string) => ({ words, topic: 'billing', priority: 'normal' });

function raise(message: string): never {
  throw new Error(message);
}

/** Everything a store holds about a case, as one text (to look for a marker in). */
export async function everythingOf(
  store: InspectableStore,
  c: Case,
  refNames: readonly string[],
): Promise<string> {
  const refs = await Promise.all(refNames.map((name) => store.refs.get(c.id, name)));
  return JSON.stringify([
    await store.cases.getCase(c.id),
    await store.inspect.listEvents(c.id),
    await store.inspect.listOutbox({ caseId: c.id }),
    refs,
  ]);
}

export const ANA_REFS = ['slack.triage', 'slack.triage.intro', 'slack.approval.ap-1'] as const;
export const BEN_REFS = ['discord.card', 'slack.full.n1'] as const;
