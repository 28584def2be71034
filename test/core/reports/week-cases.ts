// One team's week written by hand, shared by the "This week" and weekly digest tests.
import { CUSTOMER, office, t, trail } from './builder.ts';

// Now: Monday 2026-11-30 10:00 in Vilnius (08:00Z); this week is [t(0), now), t(0) = 2026-11-23 08:00Z.
export const NOW = new Date('2026-11-30T08:00:00Z');

export const weekCases = [
  trail({ number: 1, topic: 'billing' }, [
    [t(60), 'case_opened', CUSTOMER, { topic: 'billing' }],
    [t(70), 'claimed', 'rasa'],
    [t(100), 'answered', 'rasa', { text: 'Done' }],
    [t(120), 'resolved', 'rasa'],
    [t(130), 'rated', CUSTOMER, { score: 5, comment: 'Quick and kind' }],
  ]),
  // The first response was missed once, then Tom took it.
  trail({ number: 2, topic: 'billing' }, [
    [t(200), 'case_opened', CUSTOMER, { topic: 'billing' }],
    [t(300), 'window_missed', 'system', { window: 'first_response', dueAt: t(300).toISOString(), misses: 1 }],
    [t(330), 'claimed', 'tom'],
    [t(400), 'answered', 'tom', { text: 'Fixed' }],
  ]),
  // Rasa missed her callback once.
  trail({ number: 3, topic: 'vpn' }, [
    [t(500), 'case_opened', CUSTOMER, { topic: 'vpn' }],
    [t(530), 'claimed', 'rasa'],
    [t(700), 'window_missed', 'system', { window: 'callback', dueAt: t(700).toISOString(), misses: 1 }],
    [t(720), 'answered', 'rasa', { text: 'Try now' }],
    [t(730), 'resolved', 'rasa'],
    [t(740), 'rated', CUSTOMER, { score: 2, comment: 'Too slow' }],
  ]),
  // Opened the week before, resolved this week: its callback counts now, its first response then.
  trail({ number: 5, topic: 'billing' }, [
    [t(-2000), 'case_opened', CUSTOMER, { topic: 'billing' }],
    [t(-1990), 'claimed', 'jonas'],
    [t(100), 'resolved', 'jonas'],
  ]),
  // Business hours: opened Friday 16:30, taken Monday 09:30 (Vilnius): 65 h on the wall, 1 h of
  // the office's hours.
  trail({ number: 6, topic: 'vpn', clock: 'business', calendar: office }, [
    ['2026-11-27T16:30:00+02:00', 'case_opened', CUSTOMER, { topic: 'vpn' }],
    ['2026-11-30T09:30:00+02:00', 'claimed', 'rasa'],
  ]),
  // Another team's case.
  trail({ number: 7, team: 'hr', topic: 'leave' }, [
    [t(10), 'case_opened', CUSTOMER, { topic: 'leave' }],
    [t(20), 'window_missed', 'system', { window: 'first_response', dueAt: t(20).toISOString(), misses: 1 }],
  ]),
];
