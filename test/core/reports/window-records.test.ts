// Windows rebuilt from hand-written trails (24/7 clock; minutes after Monday 10:00). Each row
// lists the windows the core would have had, with the outcome each ended with.
import { describe, expect, it } from 'vitest';
import type { Level, WindowKind } from '../../../src/core/model.ts';
import { caseWindows, readCase } from '../../../src/core/reports/index.ts';
import { CUSTOMER, type Step, t, trail } from './builder.ts';

type Expected = [kind: WindowKind, holder: string | null, outcome: string, level?: Level];

const opened: Step = [
  t(0),
  'case_opened',
  CUSTOMER,
  { words: 'My VPN is down', topic: 'vpn', priority: 'normal' },
];
const missed = (at: number, window: WindowKind, misses = 1): Step => [
  t(at),
  'window_missed',
  'system',
  { window, dueAt: t(at).toISOString(), misses },
];
const toExpert = (at: number, by: string, expertId: string): Step => [
  t(at),
  'expert_assigned',
  by,
  { expertId, dueAt: t(at + 240).toISOString() },
];

const rows: [name: string, steps: Step[], windows: Expected[]][] = [
  [
    'a claim keeps the first response; the taker answers their callback',
    [opened, [t(10), 'claimed', 'rasa'], [t(50), 'answered', 'rasa', { text: 'Try this' }]],
    [
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'kept by answered'],
    ],
  ],
  [
    'a missed first response comes back with a new time, and is then kept',
    [opened, missed(60, 'first_response'), missed(120, 'first_response', 2), [t(130), 'claimed', 'rasa']],
    [
      ['first_response', null, 'missed by window_missed'],
      ['first_response', null, 'missed by window_missed'],
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'running'],
    ],
  ],
  [
    // One callback promise: paused by the question, resumed by the reply, kept by the answer.
    'a question pauses the window and the reply resumes it',
    [
      opened,
      [t(5), 'claimed', 'rasa'],
      [t(20), 'asked_customer', 'rasa', { text: 'Which laptop?' }],
      [t(80), 'details_added', CUSTOMER, { text: 'The old one' }],
      [t(100), 'answered', 'rasa', { text: 'Fixed' }],
    ],
    [
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'kept by answered'],
    ],
  ],
  [
    // Handing the case on ends the customer's wait: their next message is just a message.
    'handed to an expert while waiting on the customer',
    [
      opened,
      [t(5), 'claimed', 'rasa'],
      [t(10), 'answered', 'rasa', { text: 'Try this' }],
      toExpert(20, 'rasa', 'jonas'),
      [t(30), 'details_added', CUSTOMER, { text: 'Did not work' }],
      [t(60), 'answered', 'jonas', { text: 'Fixed' }],
    ],
    [
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'kept by answered'],
      ['callback', 'jonas', 'kept by answered', 2],
    ],
  ],
  [
    // A question is a first response, but it pauses the promise: after the reply the rest runs.
    'a question, the reply, then the rest of the first response missed',
    [
      opened,
      [t(5), 'asked_customer', 'rasa', { text: 'Which laptop?' }],
      [t(30), 'details_added', CUSTOMER, { text: 'The old one' }],
      missed(85, 'first_response'),
    ],
    [
      ['first_response', null, 'missed by window_missed'],
      ['first_response', null, 'running'],
    ],
  ],
  [
    // Nothing was owed when the case closed itself: staff had asked and the customer never wrote.
    'a window paused on a question is kept when the case closes itself',
    [
      opened,
      [t(5), 'asked_customer', 'rasa', { text: 'Which laptop?' }],
      [t(1500), 'customer_checked_in', 'system'],
      [t(3000), 'auto_closed', 'system'],
    ],
    [['first_response', null, 'kept by auto_closed']],
  ],
  [
    'the customer closing a running window cancels it',
    [opened, [t(30), 'closed', CUSTOMER]],
    [['first_response', null, 'cancelled by closed']],
  ],
  [
    // Two misses before a supervisor here: the second callback comes back after the miss.
    'handed to an expert, renegotiated, missed, then answered',
    [
      opened,
      toExpert(10, 'rasa', 'jonas'),
      [t(60), 'accepted', 'jonas', { callbackBy: t(400).toISOString() }],
      [t(60), 'window_renegotiated', 'jonas', { dueAt: t(400).toISOString() }],
      missed(400, 'callback'),
      [t(420), 'answered', 'jonas', { text: 'Done' }],
    ],
    [
      ['first_response', null, 'kept by expert_assigned', 1],
      ['callback', 'jonas', 'renegotiated by window_renegotiated', 2],
      ['callback', 'jonas', 'missed by window_missed', 2],
      ['callback', 'jonas', 'kept by answered', 2],
    ],
  ],
  [
    // The miss's own comeback is replaced in the same commit: no window of its own.
    'a miss that moves the case to another expert',
    [
      opened,
      toExpert(10, 'rasa', 'jonas'),
      missed(250, 'callback'),
      [t(250), 'risk_raised', 'system', { signals: ['missed_window'], score: 2, band: 'low' }],
      [t(250), 'reassigned_after_misses', 'system', { from: 'jonas', to: 'aiste', misses: 1 }],
      toExpert(250, 'system', 'aiste'),
      [t(300), 'answered', 'aiste', { text: 'Done' }],
    ],
    [
      ['first_response', null, 'kept by expert_assigned'],
      ['callback', 'jonas', 'missed by window_missed'],
      ['callback', 'aiste', 'kept by answered'],
    ],
  ],
  [
    'a miss asks a supervisor; the decision is late once, then approved',
    [
      opened,
      missed(60, 'first_response'),
      [t(60), 'supervisor_requested', 'system', { reason: 'missed_window', role: 'system' }],
      missed(120, 'approval'),
      [t(150), 'escalation_approved', 'paul', { apology: 'Sorry', plan: 'I will call' }],
      [t(200), 'answered', 'paul', { text: 'Called' }],
    ],
    [
      ['first_response', null, 'missed by window_missed', 1],
      ['approval', null, 'missed by window_missed', 1],
      ['approval', null, 'kept by escalation_approved', 1],
      ['callback', 'paul', 'kept by answered', 3],
    ],
  ],
  [
    // The decline puts the case back with its expert (a fresh callback).
    'the customer asks for a supervisor over a running callback, and is declined',
    [
      opened,
      toExpert(10, 'rasa', 'jonas'),
      [t(30), 'supervisor_requested', CUSTOMER, { reason: 'customer_asked', role: 'customer' }],
      [t(60), 'escalation_declined', 'paul', { reason: 'Jonas is on it' }],
      [t(90), 'answered', 'jonas', { text: 'Done' }],
    ],
    [
      ['first_response', null, 'kept by expert_assigned'],
      ['callback', 'jonas', 'cancelled by supervisor_requested'],
      ['approval', null, 'kept by escalation_declined'],
      ['callback', 'jonas', 'kept by answered', 2],
    ],
  ],
  [
    // A reply does not decide an escalation; the decline hands a level-1 case back to the front
    // line with a first-response promise held by the taker.
    'an answer while a decision is pending leaves the decision window running',
    [
      opened,
      [t(5), 'claimed', 'rasa'],
      [t(10), 'supervisor_requested', 'rasa', { reason: 'staff_asked', role: 'front_line' }],
      [t(20), 'answered', 'rasa', { text: 'A supervisor will look' }],
      [t(30), 'escalation_declined', 'paul', { reason: 'Rasa can do it' }],
      [t(40), 'answered', 'rasa', { text: 'Done' }],
    ],
    [
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'kept by supervisor_requested'],
      ['approval', null, 'kept by escalation_declined'],
      ['first_response', 'rasa', 'kept by answered', 1],
    ],
  ],
  [
    // The decline's own comeback is replaced in the same commit by the new expert's callback.
    "a supervisor's reassign declines the pending request",
    [
      opened,
      toExpert(10, 'rasa', 'jonas'),
      [t(20), 'cannot_resolve', 'jonas', { reason: 'Needs a refund' }],
      [t(20), 'supervisor_requested', 'jonas', { reason: 'Needs a refund', role: 'expert' }],
      [t(40), 'reassign_requested', 'paul'],
      [t(40), 'escalation_declined', 'paul', { reason: 'reassigned' }],
      toExpert(40, 'paul', 'aiste'),
      [t(80), 'answered', 'aiste', { text: 'Refunded' }],
    ],
    [
      ['first_response', null, 'kept by expert_assigned'],
      ['callback', 'jonas', 'kept by supervisor_requested'],
      ['approval', null, 'kept by escalation_declined'],
      ['callback', 'aiste', 'kept by answered'],
    ],
  ],
  [
    // By message: a first response held by the owner. By the button, with a front-line owner at
    // level 1: a first response too.
    'reopened by a message, then by the button',
    [
      opened,
      [t(5), 'claimed', 'rasa'],
      [t(10), 'answered', 'rasa', { text: 'Try this' }],
      [t(20), 'resolved', 'rasa'],
      [t(30), 'reopened', CUSTOMER, { text: 'Still broken', byMessage: true }],
      [t(30), 'details_added', CUSTOMER, { text: 'Still broken' }],
      [t(40), 'answered', 'rasa', { text: 'Try that' }],
      [t(50), 'closed', CUSTOMER],
      [t(60), 'reopened', CUSTOMER, { text: '' }],
    ],
    [
      ['first_response', null, 'kept by claimed'],
      ['callback', 'rasa', 'kept by answered'],
      ['first_response', 'rasa', 'kept by answered'],
      ['first_response', 'rasa', 'running'],
    ],
  ],
  [
    // Level 4 on a resolved case brings it back to the supervisor who took it (a callback).
    'going outside after the resolution',
    [
      opened,
      [t(10), 'supervisor_requested', CUSTOMER, { reason: 'customer_asked', role: 'customer' }],
      [t(20), 'escalation_approved', 'paul', { apology: 'Sorry', plan: 'Refund' }],
      [t(40), 'answered', 'paul', { text: 'Refunded' }],
      [t(50), 'resolved', 'paul'],
      [t(70), 'went_outside', 'paul', { channel: 'letter to the CEO', note: '' }],
      [t(90), 'answered', 'paul', { text: 'Called them' }],
    ],
    [
      ['first_response', null, 'cancelled by supervisor_requested'],
      ['approval', null, 'kept by escalation_approved'],
      ['callback', 'paul', 'kept by answered', 3],
      ['callback', 'paul', 'kept by answered', 4],
    ],
  ],
  [
    // Staff may raise their own requests; resolving is still a staff act.
    "a staff member's own request, resolved by them",
    [
      [t(0), 'case_opened', 'tom', { topic: 'vpn' }],
      [t(20), 'resolved', 'tom'],
    ],
    [['first_response', null, 'kept by resolved']],
  ],
];

const stepsOf = (name: string): Step[] => rows.find((row) => row[0] === name)![1];

describe('windows rebuilt from the trail', () => {
  it.each(rows)('%s', (_name, steps, expected) => {
    const customer = steps[0]?.[2] ?? CUSTOMER;
    const windows = caseWindows(readCase(trail({ number: 1, customer }, steps)));
    expect(
      windows.map((w) => [
        w.kind,
        w.holder,
        w.end ? `${w.end.outcome} by ${w.end.byEvent}` : 'running',
        w.level,
      ]),
    ).toEqual(
      expected.map(([kind, holder, outcome, level]) => [kind, holder, outcome, level ?? expect.any(Number)]),
    );
  });

  it('records when each window opened and ended, and the due times the trail states', () => {
    const steps = stepsOf('handed to an expert, renegotiated, missed, then answered');
    const windows = caseWindows(readCase(trail({ number: 1 }, steps)));
    expect(windows.map((w) => [w.startedAt, w.end?.at, w.dueAt])).toEqual([
      [t(0), t(10), null], // the first response's due time is in no event
      [t(10), t(60), t(250)], // expert_assigned: due 240 min after 10
      [t(60), t(400), t(400)], // renegotiated to 400, missed then
      [t(400), t(420), null], // the comeback's new time is in no event
    ]);
  });

  it('keeps the topic each window opened under', () => {
    const windows = caseWindows(
      readCase(
        trail({ number: 1 }, [
          opened,
          [t(10), 'topic_changed', 'rasa', { from: 'vpn', to: 'network' }],
          toExpert(10, 'rasa', 'jonas'),
        ]),
      ),
    );
    expect(windows.map((w) => [w.kind, w.topic])).toEqual([
      ['first_response', 'vpn'],
      ['callback', 'network'],
    ]);
  });

  it('reads events in time order whatever order they come in', () => {
    const steps = stepsOf('a claim keeps the first response; the taker answers their callback');
    const shuffled = trail({ number: 1 }, [steps[2]!, steps[0]!, steps[1]!]);
    expect(caseWindows(readCase(shuffled)).map((w) => w.end?.outcome)).toEqual(['kept', 'kept']);
  });
});
