// The incidents line of the reports: bursts alerted, incidents cases were linked to, cases linked,
// each counted within the period.
import { describe, expect, it } from 'vitest';
import { incidentReport, readCase } from '../../../src/core/reports/index.ts';
import type { CaseTrail } from '../../../src/core/reports/input.ts';
import { makeDraft, T0 } from '../../support/case-factory.ts';

const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
let n = 0;
function trail(events: [type: string, minutes: number, incidentId: string][]): CaseTrail {
  const c = { ...makeDraft(), number: ++n };
  return {
    case: c,
    events: events.map(([type, minutes, incidentId], i) => ({
      id: `e${n}-${i}`,
      caseId: c.id,
      at: at(minutes),
      actorId: 'system',
      type,
      data: { incidentId, title: 't', cases: 3, updateId: 'u' },
    })),
  } as unknown as CaseTrail;
}

describe('incidentReport', () => {
  it.each([
    ['nothing', [], { alerted: 0, incidents: 0, casesLinked: 0 }],
    [
      'an alert only',
      [trail([['incident_alerted', 10, 'i1']])],
      { alerted: 1, incidents: 0, casesLinked: 0 },
    ],
    [
      'two cases of one incident, one of another',
      [
        trail([
          ['incident_alerted', 10, 'i1'],
          ['incident_linked', 20, 'i1'],
        ]),
        trail([
          ['incident_linked', 21, 'i1'],
          ['incident_update_sent', 22, 'i1'],
        ]),
        trail([['incident_linked', 30, 'i2']]),
      ],
      { alerted: 1, incidents: 2, casesLinked: 3 },
    ],
    [
      'outside the period',
      [trail([['incident_linked', 24 * 60, 'i3']])],
      { alerted: 0, incidents: 0, casesLinked: 0 },
    ],
  ] as const)('%s', (_name, trails, expected) => {
    const period = { from: T0, to: at(60) };
    expect(
      incidentReport(
        trails.map((t) => readCase(t)),
        period,
      ),
    ).toEqual(expected);
  });
});
