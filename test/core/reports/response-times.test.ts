import { describe, expect, it } from 'vitest';
import { caseTimes, readCase, responseTimes } from '../../../src/core/reports/index.ts';
import { ALL_TIME, CUSTOMER, H, MIN, nightDesk, office, period, type Step, t, trail } from './builder.ts';

type Row = [
  name: string,
  clock: { clock: 'business' | 'always'; calendar?: typeof office },
  steps: Step[],
  firstResponse: { by: string; wallMs: number; policyMs: number } | null,
  resolution: { how: string; wallMs: number; policyMs: number } | null,
];

const always = { clock: 'always' as const };
const officeHours = { clock: 'business' as const, calendar: office };
const nights = { clock: 'business' as const, calendar: nightDesk };

const rows: Row[] = [
  [
    // A 24/7 policy: the policy clock is the wall clock.
    '24/7: both clocks agree',
    always,
    [
      ['2026-03-24T10:00+02:00', 'case_opened', CUSTOMER],
      ['2026-03-24T10:20+02:00', 'claimed', 'rasa'],
      ['2026-03-24T15:00+02:00', 'resolved', 'rasa'],
    ],
    { by: 'claimed', wallMs: 20 * MIN, policyMs: 20 * MIN },
    { how: 'resolved', wallMs: 5 * H, policyMs: 5 * H },
  ],
  [
    // Fri 16:00 (+02:00, 14:00Z) → Mon 10:00 (+03:00, 07:00Z): 65 h of wall time, one fewer than
    // the local clocks say, since Sunday's night lost an hour. Open: Fri 16–17 + Mon 09–10 = 2 h.
    // Resolved Mon 16:30 (13:30Z): 71 h 30 min wall; open 1 h + 7 h 30 min = 8 h 30 min.
    'office hours across a weekend with the spring-forward night',
    officeHours,
    [
      ['2026-03-27T16:00+02:00', 'case_opened', CUSTOMER],
      ['2026-03-30T10:00+03:00', 'claimed', 'rasa'],
      ['2026-03-30T16:30+03:00', 'resolved', 'rasa'],
    ],
    { by: 'claimed', wallMs: 65 * H, policyMs: 2 * H },
    { how: 'resolved', wallMs: 71 * H + 30 * MIN, policyMs: 8 * H + 30 * MIN },
  ],
  [
    // Fri 15:30 → Tue 09:45 over a weekend and the Monday holiday: 90 h 15 min wall; open
    // Fri 15:30–17:00 (1 h 30) + Tue 09:00–09:45 (45 min) = 2 h 15 min. The customer marks it
    // resolved (a close) Tue 10:15: 90 h 45 min wall; open 1 h 30 + 1 h 15 = 2 h 45 min.
    'office hours across a weekend and a holiday',
    officeHours,
    [
      ['2026-02-13T15:30+02:00', 'case_opened', CUSTOMER],
      ['2026-02-17T09:45+02:00', 'answered', 'rasa', { text: 'Fixed' }],
      ['2026-02-17T10:15+02:00', 'closed', CUSTOMER],
    ],
    { by: 'answered', wallMs: 90 * H + 15 * MIN, policyMs: 2 * H + 15 * MIN },
    { how: 'closed', wallMs: 90 * H + 45 * MIN, policyMs: 2 * H + 45 * MIN },
  ],
  [
    // Night desk, open 00:00–06:00 local. Sat 23:00 (+03:00, 20:00Z) is closed; Sunday 00:00 local
    // (21:00Z) → 05:00 (+02:00, 03:00Z) is 6 h, not 5: the clocks fall back at 04:00 and the hour
    // 03:00–04:00 is open twice. Wall 7 h. Auto-closed at 06:00 (04:00Z), the closing: 8 h wall,
    // the whole Sunday range, 7 h, of open time.
    'night desk across the fall-back night (2026-10-25)',
    nights,
    [
      ['2026-10-24T23:00+03:00', 'case_opened', CUSTOMER],
      ['2026-10-25T05:00+02:00', 'asked_customer', 'rasa', { text: 'Which card?' }],
      ['2026-10-25T06:00+02:00', 'auto_closed', 'system'],
    ],
    { by: 'asked_customer', wallMs: 7 * H, policyMs: 6 * H },
    { how: 'auto_closed', wallMs: 8 * H, policyMs: 7 * H },
  ],
  [
    // Sun 01:00 (+02:00) → 05:00 (+03:00): the local clocks say 4 h, but 03:00–04:00 never
    // happened: 3 h on both clocks. Resolved Mon 01:30 (+03:00, 22:30Z Sunday): 23 h 30 min wall;
    // open Sun 01:00–06:00 (4 h) + Mon 00:00–01:30 (1 h 30) = 5 h 30 min.
    'night desk across the spring-forward night (2026-03-29)',
    nights,
    [
      ['2026-03-29T01:00+02:00', 'case_opened', CUSTOMER],
      ['2026-03-29T05:00+03:00', 'claimed', 'rasa'],
      ['2026-03-30T01:30+03:00', 'resolved', 'rasa'],
    ],
    { by: 'claimed', wallMs: 3 * H, policyMs: 3 * H },
    { how: 'resolved', wallMs: 23 * H + 30 * MIN, policyMs: 5 * H + 30 * MIN },
  ],
  [
    // Handing the case to an expert tells the customer who has it and by when: a first response.
    'escalated to an expert without a claim',
    always,
    [
      [t(0), 'case_opened', CUSTOMER],
      [t(12), 'expert_assigned', 'rasa', { expertId: 'jonas', dueAt: t(252).toISOString() }],
      [t(100), 'answered', 'jonas', { text: 'Done' }],
      [t(130), 'resolved', 'jonas'],
    ],
    { by: 'expert_assigned', wallMs: 12 * MIN, policyMs: 12 * MIN },
    { how: 'resolved', wallMs: 130 * MIN, policyMs: 130 * MIN },
  ],
  [
    'the customer closes it before anyone responds',
    always,
    [
      [t(0), 'case_opened', CUSTOMER],
      [t(25), 'closed', CUSTOMER],
    ],
    null,
    { how: 'closed', wallMs: 25 * MIN, policyMs: 25 * MIN },
  ],
  [
    // Staff resolving it is the first response too; a reopening measures nothing again.
    'resolved straight away, then reopened and closed',
    always,
    [
      [t(0), 'case_opened', CUSTOMER],
      [t(45), 'resolved', 'rasa', { summary: 'Refunded' }],
      [t(60), 'reopened', CUSTOMER, { text: '' }],
      [t(70), 'answered', 'rasa', { text: 'Again?' }],
      [t(90), 'closed', CUSTOMER],
    ],
    { by: 'resolved', wallMs: 45 * MIN, policyMs: 45 * MIN },
    { how: 'resolved', wallMs: 45 * MIN, policyMs: 45 * MIN },
  ],
];

const trails = rows.map(([, clock, steps], i) => trail({ number: i + 1, ...clock }, steps));

describe('first response and resolution of one case', () => {
  it.each(rows.map((row, i) => [row[0], i] as const))('%s', (_name, i) => {
    const [, , , firstResponse, resolution] = rows[i]!;
    const times = caseTimes(readCase(trails[i]!));
    expect(
      times.firstResponse && {
        by: times.firstResponse.byEvent,
        wallMs: times.firstResponse.wallMs,
        policyMs: times.firstResponse.policyMs,
      },
    ).toEqual(firstResponse);
    expect(
      times.resolution && {
        how: times.resolution.how,
        wallMs: times.resolution.wallMs,
        policyMs: times.resolution.policyMs,
      },
    ).toEqual(resolution);
  });
});

describe('response times over a period', () => {
  it('takes percentiles of every case measured in the period', () => {
    const report = responseTimes(trails.map(readCase), ALL_TIME);
    // First responses (7; the customer's close is none). Policy: 12m 20m 45m 2h 2h15 3h 6h →
    // p50 rank 4 = 2 h, p90 rank ⌈6.3⌉ = 7 = 6 h. Wall: 12m 20m 45m 3h 7h 65h 90h15 → 3 h, 90 h 15.
    expect(report.firstResponse).toEqual({
      wall: { count: 7, p50Ms: 3 * H, p90Ms: 90 * H + 15 * MIN },
      policyClock: { count: 7, p50Ms: 2 * H, p90Ms: 6 * H },
    });
    // Resolutions (8). Wall: 25m 45m 130m 5h 8h 23h30 71h30 90h45 → rank 4 = 5 h, rank 8 = 90 h 45.
    // Policy: 25m 45m 130m 2h45 5h 5h30 7h 8h30 → 2 h 45, 8 h 30.
    expect(report.resolution).toEqual({
      wall: { count: 8, p50Ms: 5 * H, p90Ms: 90 * H + 45 * MIN },
      policyClock: { count: 8, p50Ms: 2 * H + 45 * MIN, p90Ms: 8 * H + 30 * MIN },
    });
    expect(report.finishedUnanswered).toBe(1);
  });

  it('counts a case in the period its response or its finish happened in', () => {
    // March 2026 (Vilnius): responses of rows 1 (20 min), 2 (2 h, on Monday 30th) and 5 (3 h);
    // resolutions of rows 1 (5 h), 2 (8 h 30) and 5 (5 h 30, on Monday 30th at 01:30).
    const march = period('2026-03-01T00:00+02:00', '2026-04-01T00:00+03:00');
    const report = responseTimes(trails.map(readCase), march);
    expect(report.firstResponse.policyClock).toEqual({ count: 3, p50Ms: 2 * H, p90Ms: 3 * H });
    expect(report.resolution.policyClock).toEqual({
      count: 3,
      p50Ms: 5 * H + 30 * MIN,
      p90Ms: 8 * H + 30 * MIN,
    });
    // Row 2 was claimed at 10:00 on the 30th: a period ending at that instant does not hold it.
    const beforeClaim = period('2026-03-27T00:00+02:00', '2026-03-30T10:00+03:00');
    expect(responseTimes([readCase(trails[1]!)], beforeClaim).firstResponse.wall.count).toBe(0);
  });
});
