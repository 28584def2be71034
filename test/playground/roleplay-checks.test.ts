// The checklist's automatic ticks, as tables: each check over small hand-written trails, ticked
// exactly when the trail shows what the item asks (by staff or a timer, never by the customer).
import { describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventData, CaseEventType } from '../../src/core/model.ts';
import {
  AUTO_CHECKS,
  autoTicks,
  type CheckId,
  namesCustomer,
  type Trail,
} from '../../src/playground/roleplay/checks.ts';

const CUSTOMER = 'playground:egle';
let n = 0;
function ev<T extends CaseEventType>(type: T, data: CaseEventData[T], actorId = 'rasa'): CaseEvent {
  n += 1;
  return {
    id: `e${n}`,
    caseId: 'c1',
    at: new Date(Date.UTC(2026, 10, 23, 7, n)),
    actorId,
    type,
    data,
  } as CaseEvent;
}
const trail = (...events: CaseEvent[]): Trail => ({
  case: { customer: { id: CUSTOMER, name: 'Eglė Kazlauskaitė', locale: 'lt', timeZone: 'Europe/Vilnius' } },
  events,
});

const opened = ev('case_opened', { words: 'Help', topic: 'billing', priority: 'urgent' }, CUSTOMER);
const answered = (text: string, actor = 'rasa') => ev('answered', { text }, actor);
const missed = ev(
  'window_missed',
  { window: 'first_response', dueAt: '2026-11-23T08:00:00Z', misses: 1 },
  'system',
);
const nudged = ev('window_nudged', { window: 'first_response', dueAt: '2026-11-23T08:00:00Z' }, 'system');
const approved = (apology: string, plan: string) =>
  ev('escalation_approved', { approvalId: 'a1', apology, plan }, 'marie');
const outside = (note: string) => ev('went_outside', { channel: 'email', note }, 'tom');

const TABLE: [CheckId, string, Trail, boolean][] = [
  ['claimed', 'no claim', trail(opened), false],
  ['claimed', 'claimed by staff', trail(opened, ev('claimed', {})), true],
  ['answered_before_due', 'no answer', trail(opened), false],
  ['answered_before_due', 'answered, nothing missed', trail(opened, answered('Hi')), true],
  [
    'answered_before_due',
    'a question counts',
    trail(opened, ev('asked_customer', { text: 'Which card?' })),
    true,
  ],
  ['answered_before_due', 'answered after a miss', trail(opened, missed, answered('Hi')), false],
  ['answered_before_due', 'answered, then a later miss', trail(opened, answered('Hi'), missed), true],
  ['greeted_by_name', 'no name', trail(opened, answered('Hello, looking now.')), false],
  ['greeted_by_name', 'the first name', trail(opened, answered('Hello Eglė, looking now.')), true],
  ['greeted_by_name', 'the vocative, no accent', trail(opened, answered('Labas, Egle!')), true],
  ['greeted_by_name', 'the customer naming herself', trail(opened, answered('Eglė here', CUSTOMER)), false],
  ['greeted_by_name', 'a word merely inside another', trail(opened, answered('Regles du jeu')), false],
  ['escalated_to_expert', 'no expert', trail(opened), false],
  [
    'escalated_to_expert',
    'expert assigned',
    trail(opened, ev('expert_assigned', { expertId: 'jonas', dueAt: '2026-11-23T08:00:00Z' })),
    true,
  ],
  ['expert_nudged', 'no reminder', trail(opened, missed), false],
  ['expert_nudged', 'a reminder', trail(opened, nudged), true],
  [
    'miss_reached_supervisor',
    'the customer asked',
    trail(opened, ev('supervisor_requested', { reason: 'customer_asked', role: 'customer' }, 'system')),
    false,
  ],
  [
    'miss_reached_supervisor',
    'the system asked',
    trail(opened, missed, ev('supervisor_requested', { reason: 'missed_window', role: 'system' }, 'system')),
    true,
  ],
  ['answered_after_miss', 'no miss', trail(opened, answered('Hi')), false],
  ['answered_after_miss', 'answered only before the miss', trail(opened, answered('Hi'), missed), false],
  ['answered_after_miss', 'answered after the miss', trail(opened, missed, answered('Sorry')), true],
  ['approved_with_apology', 'not approved', trail(opened), false],
  ['approved_with_apology', 'a blank apology', trail(opened, approved('  ', 'plan')), false],
  ['approved_with_apology', 'an apology', trail(opened, approved('I am sorry', '')), true],
  ['plan_written', 'no plan', trail(opened, approved('Sorry', '')), false],
  ['plan_written', 'a plan', trail(opened, approved('Sorry', 'We test every reset link')), true],
  ['answered_after_approval', 'answered before it', trail(opened, answered('Hi'), approved('S', 'P')), false],
  ['answered_after_approval', 'answered after it', trail(opened, approved('S', 'P'), answered('Hi')), true],
  ['outside_recorded', 'not recorded', trail(opened), false],
  ['outside_recorded', 'recorded', trail(opened, outside('')), true],
  ['outside_noted', 'without a note', trail(opened, outside(' ')), false],
  ['outside_noted', 'with a note', trail(opened, outside('Posted on LinkedIn')), true],
  ['answered_after_outside', 'answered before it only', trail(opened, answered('Hi'), outside('')), false],
  ['answered_after_outside', 'answered after it', trail(opened, outside(''), answered('Hi')), true],
  ['resolved_with_summary', 'not resolved', trail(opened), false],
  [
    'resolved_with_summary',
    'resolved without a summary',
    trail(opened, ev('resolved', { summary: '' })),
    false,
  ],
  [
    'resolved_with_summary',
    'resolved by the customer',
    trail(opened, ev('resolved', { summary: 'ok' }, CUSTOMER)),
    false,
  ],
  [
    'resolved_with_summary',
    'resolved with a summary',
    trail(opened, ev('resolved', { summary: 'Refunded.' })),
    true,
  ],
];

describe('automatic checks', () => {
  it.each(TABLE)('%s: %s → %s', (check, _why, t, expected) => {
    expect(AUTO_CHECKS[check](t)).toBe(expected);
  });

  it('the table covers every check, each both ticked and not', () => {
    for (const check of Object.keys(AUTO_CHECKS) as CheckId[]) {
      const outcomes = new Set(TABLE.filter(([c]) => c === check).map(([, , , v]) => v));
      expect([...outcomes].sort(), check).toEqual([false, true]);
    }
  });

  it('autoTicks: none without a case; the ones the trail shows with one', () => {
    expect(autoTicks(['claimed', 'outside_recorded'], null)).toEqual(new Set());
    expect(autoTicks(['claimed', 'outside_recorded'], trail(opened, ev('claimed', {})))).toEqual(
      new Set(['claimed']),
    );
  });

  it.each([
    ['Hello Alex', 'Alex Morgan', true],
    ['hello alex!', 'Alex Morgan', true],
    ['Hello Al', 'Alex Morgan', false],
    ['Bonjour Camille,', 'Camille Laurent', true],
    ['Jonai, sveiki', 'Jonas Petraitis', true],
    ['Hi Tom', 'Tom Whitfield', true],
    ['Tomorrow', 'Tom Whitfield', false],
    ['anything', '   ', false],
  ])('namesCustomer(%j, %j) is %s', (text, name, expected) => {
    expect(namesCustomer(text, name)).toBe(expected);
  });
});
