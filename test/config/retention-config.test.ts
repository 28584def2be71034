// The `retention` section of the config file: defaults, durations in wall-clock minutes, "never",
// and the checks that keep it safe (redaction only after a case can no longer reopen; inbound
// events remembered longer than platforms retry them).
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { RETENTION_DEFAULTS } from '../../src/config/schema.ts';
import { exampleWithout, problems } from '../support/config-text.ts';

const DAY = 24 * 60;
/** The example file without its retention section: the smallest complete config at hand. */
const withoutRetention = exampleWithout(/\nretention:/);
const withRetention = (section: string) => `${withoutRetention}\nretention:\n${section}\n`;

describe('retention in the config file', () => {
  it('defaults to a year before redaction, 30 days of inbound events and a day of pacing rows', () => {
    expect(parseConfig(withoutRetention, 'support.yaml').retention).toEqual({
      redactAfterMinutes: 365 * DAY,
      inboundEventsAfterMinutes: 30 * DAY,
      paceKeysAfterMinutes: DAY,
    });
    expect(RETENTION_DEFAULTS.redactAfterMinutes).toBe(365 * DAY);
  });

  it('reads the example file, which spells the defaults out', () => {
    expect(loadConfig('config/support.example.yaml').retention).toEqual(RETENTION_DEFAULTS);
  });

  it('takes durations and "never", and leaves unset fields at their default', () => {
    const config = parseConfig(withRetention('  redactAfter: 90d\n  paceKeysAfter: 6h'), 'support.yaml');
    expect(config.retention).toEqual({
      redactAfterMinutes: 90 * DAY,
      inboundEventsAfterMinutes: 30 * DAY,
      paceKeysAfterMinutes: 6 * 60,
    });
    expect(
      parseConfig(withRetention('  redactAfter: never'), 'support.yaml').retention.redactAfterMinutes,
    ).toBeNull();
  });

  it('says what is wrong with a value, naming the field', () => {
    expect(problems(withRetention('  redactAfter: soon'))).toEqual([
      'support.yaml: retention.redactAfter: "soon" is not a duration like "30m", "4h" or "2d", or "never"',
    ]);
    expect(problems(withRetention('  inboundEventsAfter: 2h'))).toEqual([
      'support.yaml: retention.inboundEventsAfter: must be at least 1d: platforms retry an event for a while, and a retry of a forgotten one would be taken again',
    ]);
    expect(problems(withRetention('  keepForever: true'))[0]).toMatch(
      /^support\.yaml: retention: .*keepForever/,
    );
  });

  it('refuses to redact a case that could still reopen', () => {
    // The example's policies reopen within the default 7 days.
    expect(problems(withRetention('  redactAfter: 3d'))).toEqual([
      'support.yaml: retention.redactAfter: 3d is shorter than the longest policies reopenWithin (7d): a case could reopen after its texts were redacted',
    ]);
    const longReopen = withoutRetention.replace(/reopenWithin: 7d/, 'reopenWithin: 400d');
    expect(longReopen).not.toBe(withoutRetention);
    expect(problems(longReopen)).toEqual([
      'support.yaml: retention.redactAfter: 365d is shorter than the longest policies reopenWithin (400d): a case could reopen after its texts were redacted',
    ]);
  });
});
