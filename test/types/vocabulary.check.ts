// Type-level proof of the typed vocabulary, checked by the compiler (`npm run typecheck`, and
// test/types/vocabulary.test.ts, which compiles this file): each line under `@ts-expect-error`
// must fail to compile, and everything else must compile. Nothing here runs.
import type { DiscordRefName } from '../../adapters/discord/runtime.ts';
import type { SlackRefs } from '../../adapters/slack/conversation.ts';
import type { Change } from '../../src/core/change.ts';
import {
  type CaseEvent,
  CoreError,
  type Notice,
  type ReferenceStore,
  type VariantKey,
} from '../../src/core/index.ts';

export function notices(change: Change): void {
  // The Change fills in `number` (and the customer's `name`): the rest of the text's params.
  change.toCustomer('customer.ack', { words: 'w', position: 0, firstResponseAt: '2026-11-23T10:00:00Z' });
  change.toCustomer('customer.reopened');
  change.toSupervisors('supervisors.approval_nudge', { customerName: 'Ona', dueAt: '' }, ['approve']);
  // @ts-expect-error a key that is not in the catalog
  change.toCustomer('customer.acknowledged', { words: 'w' });
  // @ts-expect-error `firstResponseAt` is missing
  change.toCustomer('customer.ack', { words: 'w', position: 0 });
  // @ts-expect-error a text with params needs them
  change.toCustomer('customer.ack');
  // @ts-expect-error only a customer's notice gets their name filled in
  change.toPerson('tom', 'customer.claimed', { ownerName: 'Tom', dueAt: '' });
  // @ts-expect-error a mistyped param name leaves the real one missing
  change.toTriage('triage.note', { authorName: 'Tom', txt: 'hello' });
}

export function errors(): CoreError[] {
  return [
    new CoreError('conflict', 'error.conflict'),
    new CoreError('invalid_state', 'error.invalid_state', { number: 1, status: 'open' }),
    // @ts-expect-error a key that is not in the catalog
    new CoreError('invalid_input', 'error.no_such_thing'),
    // @ts-expect-error `status` is missing
    new CoreError('invalid_state', 'error.invalid_state', { number: 1 }),
    // @ts-expect-error a text with params needs them
    new CoreError('invalid_input', 'error.unknown_topic'),
  ];
}

export function noticeValues(base: Omit<Notice, 'key' | 'params'>): Notice[] {
  const ack: Notice<'customer.ack'> = {
    ...base,
    key: 'customer.ack',
    params: { name: 'Ona', number: 1, words: 'w', position: 0, firstResponseAt: '' },
  };
  // @ts-expect-error a notice of a key carries every param its text shows
  const short: Notice<'customer.ack'> = { ...base, key: 'customer.ack', params: { name: 'Ona', number: 1 } };
  return [ack, short];
}

export function events(change: Change, e: CaseEvent): number | null {
  change.event('rated', 'u1', { score: 5, comment: '' });
  change.event('claimed', 'tom');
  // @ts-expect-error an event type that does not exist
  change.event('reopend', 'u1', { text: '' });
  // @ts-expect-error `comment` is missing
  change.event('rated', 'u1', { score: 5 });
  // The type tells what the data holds.
  return e.type === 'rated' ? e.data.score : null;
}

export function variants(): TextKey[] {
  // A variant shows only params its base has: the base cannot stand in for the variant.
  const fine: VariantKey<'customer.ack', 'customer.ack_next_in_line'> = 'customer.ack_next_in_line';
  // @ts-expect-error `customer.ack` shows `position`, which `customer.ack_next_in_line` lacks
  const wrong: VariantKey<'customer.ack_next_in_line', 'customer.ack'> = 'customer.ack';
  return [fine, wrong];
}

export async function references(slack: SlackRefs, discord: ReferenceStore<DiscordRefName>): Promise<void> {
  await slack.get('case-1', 'slack.triage');
  await slack.put('case-1', 'slack.approval.ap-1.final', 'x');
  // @ts-expect-error a reference name the Slack adapter does not keep
  await slack.get('case-1', 'slack.triag');
  await discord.put('case-1', 'discord.member.tom', '1087');
  // @ts-expect-error a Slack name in the Discord adapter's references
  await discord.get('case-1', 'slack.triage');
}

type TextKey = Notice['key'];
