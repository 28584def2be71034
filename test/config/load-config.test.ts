import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/load-config.ts';
import { findPersonByPlatformId } from '../../src/platform/people.ts';
import { parseDurationMinutes, parseTimeRange } from '../../src/config/schema.ts';
import { AUDIENCES, PRIORITIES } from '../../src/core/model.ts';

const EXAMPLE_PATH = 'config/support.example.yaml';
const example = readFileSync(EXAMPLE_PATH, 'utf8');

/** A small valid file; tests break one thing at a time. */
const base = `
workspace: acme
defaultTopic: general
calendars:
  office:
    timeZone: Europe/Vilnius
    week: { mon: ["09:00-17:00"], tue: ["09:00-12:00", "13:00-17:00"] }
    holidays: [2026-12-25]
teams:
  support: { name: Support, calendar: office, frontLine: [rasa], supervisors: [marie] }
topics:
  general: { names: { en: General }, team: support }
  billing: { names: { en: Billing, fr: Facturation }, team: support, experts: [jonas], backups: [marie] }
people:
  marie: { name: Marie Dubois, locale: fr, timeZone: Europe/Paris, slackId: U0MARIE }
  rasa: { name: Rasa, slackId: U0RASA }
  jonas: { name: Jonas, timeZone: Europe/Vilnius, discordId: "3333" }
policies:
  defaults: { firstResponse: 1h, callbackWindow: 4h, maxCallbackWindow: 2d, supervisorWindow: 30m, nudgeAt: [0.75], missesBeforeSupervisor: 2, clock: business }
  internal:
    urgent: { firstResponse: 15m, callbackWindow: 1h, maxCallbackWindow: 4h, supervisorWindow: 90s, clock: always }
`;

/** Replaces text that must be there, so a stale edit cannot make a test pass vacuously. */
function edit(text: string, ...pairs: [from: string, to: string][]): string {
  return pairs.reduce((acc, [from, to]) => {
    if (!acc.includes(from)) throw new Error(`test edit: ${JSON.stringify(from)} not found`);
    return acc.replace(from, to);
  }, text);
}

function configError(text: string, source = 'support.yaml'): ConfigError {
  try {
    parseConfig(text, source);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}

describe('the example config', () => {
  const config = loadConfig(EXAMPLE_PATH);
  const { directory, policies } = config.desk;

  it('loads with a complete policy table, in minutes', () => {
    expect(Object.keys(policies).sort()).toEqual([...AUDIENCES].sort());
    for (const audience of AUDIENCES)
      expect(Object.keys(policies[audience]).sort()).toEqual([...PRIORITIES].sort());

    // internal.normal is written nowhere: everything comes from defaults.
    expect(policies.internal.normal).toEqual({
      firstResponseMinutes: 240,
      callbackWindowMinutes: 480,
      maxCallbackWindowMinutes: 2400,
      supervisorWindowMinutes: 240,
      nudgeAt: [0.75],
      missesBeforeSupervisor: 2,
      clock: 'business',
      customerReminderAfterMinutes: 480,
      autoCloseAfterMinutes: 1440,
      reopenWithinMinutes: 10080,
      reassignAfterMisses: null,
    });
    expect(policies.internal.urgent).toEqual({
      firstResponseMinutes: 15,
      callbackWindowMinutes: 60,
      maxCallbackWindowMinutes: 240,
      supervisorWindowMinutes: 30,
      nudgeAt: [0.5, 0.75],
      missesBeforeSupervisor: 1,
      clock: 'always',
      customerReminderAfterMinutes: 480,
      autoCloseAfterMinutes: 1440,
      reopenWithinMinutes: 10080,
      reassignAfterMisses: null,
    });
    // community.high sets four fields and takes nudgeAt and misses from defaults.
    expect(policies.community.high).toEqual({
      firstResponseMinutes: 240,
      callbackWindowMinutes: 720,
      maxCallbackWindowMinutes: 2880,
      supervisorWindowMinutes: 120,
      nudgeAt: [0.75],
      missesBeforeSupervisor: 2,
      clock: 'always',
      customerReminderAfterMinutes: 480,
      autoCloseAfterMinutes: 1440,
      reopenWithinMinutes: 10080,
      reassignAfterMisses: null,
    });
    expect(policies.community.low.firstResponseMinutes).toBe(2 * 24 * 60);
  });

  it('builds the directory with ids, parsed hours and people defaults', () => {
    expect(config.workspace).toBe('acme');
    expect(config.sweep).toEqual({ everySeconds: 5, leaseSeconds: 60, batch: 200 });
    expect(directory.defaultTopic).toBe('general');
    expect(Object.keys(directory.topics).sort()).toEqual(['access', 'billing', 'general']);
    expect(Object.keys(directory.people)).toHaveLength(8);

    const office = directory.calendars['vilnius-office']!;
    expect(office.week.tue).toEqual([
      ['09:00', '12:30'],
      ['13:30', '17:00'],
    ]);
    expect(office.week.sat).toBeUndefined();
    expect(office.holidays).toContain('2026-12-24');
    expect(directory.calendars.always!.week.sun).toEqual([['00:00', '24:00']]);

    expect(directory.people.tom).toEqual({
      id: 'tom',
      name: 'Tom Whitfield',
      locale: 'en',
      timeZone: 'Europe/London',
      slackId: 'U04TOM0003',
      discordId: '1087000000000000003',
      away: false,
      absences: [],
      maxOpenCases: 10,
    });
    expect(directory.people.aiste!.absences[0]).toEqual({ from: '2026-07-06', to: '2026-07-24' });
    expect(directory.people.claire!.away).toBe(true);
    expect('slackId' in directory.people.lucas!).toBe(false);
    expect(directory.topics.billing).toEqual({
      id: 'billing',
      names: { en: 'Billing', fr: 'Facturation', lt: 'Sąskaitos' },
      team: 'support',
      experts: ['jonas', 'aiste'],
      backups: ['marie'],
    });
    expect(directory.topics.general!.experts).toEqual([]);
    expect(directory.teams.access!.supervisors).toEqual(['sam', 'marie']);
  });

  it('finds people by their Slack or Discord id', () => {
    expect(findPersonByPlatformId(directory, 'slack', 'U04JONAS04')?.id).toBe('jonas');
    expect(findPersonByPlatformId(directory, 'discord', '1087000000000000008')?.id).toBe('lucas');
    expect(findPersonByPlatformId(directory, 'discord', 'U04JONAS04')).toBeUndefined();
    expect(findPersonByPlatformId(directory, 'slack', 'U0NOBODY')).toBeUndefined();
  });
});

describe('notation', () => {
  it.each([
    ['90s', 1.5],
    ['15m', 15],
    ['4h', 240],
    ['2d', 2880],
    ['1h30m', 90],
    ['soon', undefined],
    ['0m', undefined],
    ['', undefined],
    ['1.5h', undefined],
  ])('duration %j is %s minutes', (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });

  it.each([
    ['09:00-17:00', ['09:00', '17:00']],
    ['9:00 - 12:30', ['09:00', '12:30']],
    ['00:00-24:00', ['00:00', '24:00']],
    ['9-17', undefined],
    ['17:00-09:00', undefined],
    ['09:00-24:30', undefined],
    ['24:00-24:00', undefined],
  ])('time range %j', (text, range) => {
    const parsed = parseTimeRange(text);
    expect('range' in parsed ? parsed.range : undefined).toEqual(range);
  });
});

describe('parsing', () => {
  it('merges defaults under each audience and priority', () => {
    const { policies } = parseConfig(base, 'support.yaml').desk;
    expect(policies.community.low).toEqual(policies.internal.normal);
    expect(policies.internal.low).toEqual({
      firstResponseMinutes: 60,
      callbackWindowMinutes: 240,
      maxCallbackWindowMinutes: 2880,
      supervisorWindowMinutes: 30,
      nudgeAt: [0.75],
      missesBeforeSupervisor: 2,
      clock: 'business',
      customerReminderAfterMinutes: 480,
      autoCloseAfterMinutes: 1440,
      reopenWithinMinutes: 10080,
      reassignAfterMisses: null,
    });
    expect(policies.internal.urgent).toMatchObject({
      firstResponseMinutes: 15,
      supervisorWindowMinutes: 1.5,
      missesBeforeSupervisor: 2,
      clock: 'always',
    });
  });

  it('reads the optional promise fields, and refuses ones that could never apply', () => {
    const withFields = base.replace(
      'missesBeforeSupervisor: 2',
      'missesBeforeSupervisor: 2, customerReminderAfter: 2h, autoCloseAfter: 1d, reopenWithin: 3d, reassignAfterMisses: 1',
    );
    expect(parseConfig(withFields, 'support.yaml').desk.policies.internal.normal).toMatchObject({
      customerReminderAfterMinutes: 120,
      autoCloseAfterMinutes: 1440,
      reopenWithinMinutes: 4320,
      reassignAfterMisses: 1,
    });
    const broken = base.replace(
      'missesBeforeSupervisor: 2',
      'missesBeforeSupervisor: 2, customerReminderAfter: 2d, autoCloseAfter: 1d, reassignAfterMisses: 3',
    );
    expect(() => parseConfig(broken, 'support.yaml')).toThrow(
      /autoCloseAfter \(1440 min\) must be longer than customerReminderAfter/,
    );
    expect(() => parseConfig(broken, 'support.yaml')).toThrow(
      /reassignAfterMisses: 3 is more than missesBeforeSupervisor/,
    );
  });

  it('reads a team’s recovery window, and leaves it unset (the core’s default) when absent', () => {
    const config = parseConfig(
      edit(base, ['supervisors: [marie] }', 'supervisors: [marie], recoveryWindow: 2d }']),
      's.yaml',
    );
    expect(config.desk.directory.teams.support!.recoveryWindowMinutes).toBe(2 * 24 * 60);
    expect(parseConfig(base, 's.yaml').desk.directory.teams.support).not.toHaveProperty(
      'recoveryWindowMinutes',
    );
    expect(loadConfig(EXAMPLE_PATH).desk.directory.teams.support!.recoveryWindowMinutes).toBe(8 * 60);
  });

  it('keeps an unquoted Discord snowflake digit for digit', () => {
    const config = parseConfig(edit(base, ['discordId: "3333"', 'discordId: 1187654321098765432']), 's.yaml');
    expect(config.desk.directory.people.jonas!.discordId).toBe('1187654321098765432');
  });

  it('sorts the ranges of a day', () => {
    const text = edit(base, ['tue: ["09:00-12:00", "13:00-17:00"]', 'tue: ["13:00-17:00", "09:00-12:00"]']);
    expect(parseConfig(text, 's.yaml').desk.directory.calendars.office!.week.tue).toEqual([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]);
  });
});

describe('problems', () => {
  it.each<[string, [from: string, to: string], string]>([
    [
      'an unknown expert',
      ['experts: [jonas]', 'experts: [jonas, zoe]'],
      'support.yaml: topics.billing.experts[1]: "zoe" is not a person listed under people',
    ],
    [
      'a malformed time range',
      ['tue: ["09:00-12:00"', 'tue: ["9-17"'],
      'support.yaml: calendars.office.week.tue[0]: "9-17" is not a time range like "09:00-17:00"',
    ],
    [
      'a malformed duration',
      ['callbackWindow: 1h', 'callbackWindow: soon'],
      'support.yaml: policies.internal.urgent.callbackWindow: "soon" is not a duration like "30m", "4h" or "2d"',
    ],
    [
      'a duration without unit',
      ['firstResponse: 15m', 'firstResponse: 15'],
      'support.yaml: policies.internal.urgent.firstResponse: 15 is not a duration: add a unit, like "15m" or "15h"',
    ],
    [
      'an unknown time zone',
      ['timeZone: Europe/Vilnius, discordId', 'timeZone: Europe/Vilnus, discordId'],
      'support.yaml: people.jonas.timeZone: "Europe/Vilnus" is not a known time zone (use an IANA name like "Europe/Vilnius")',
    ],
    [
      'a misspelt field',
      ['experts: [jonas]', 'expert: [jonas]'],
      'support.yaml: topics.billing: unknown field "expert" (did you mean "experts"?); expected names, team, experts, backups',
    ],
    [
      'an unknown team calendar',
      ['calendar: office', 'calendar: ofice'],
      'support.yaml: teams.support.calendar: "ofice" is not a calendar listed under calendars',
    ],
    [
      "an unknown topic's team",
      ['team: support, experts', 'team: suport, experts'],
      'support.yaml: topics.billing.team: "suport" is not a team listed under teams',
    ],
    [
      'an unknown default topic',
      ['defaultTopic: general', 'defaultTopic: misc'],
      'support.yaml: defaultTopic: "misc" is not a topic listed under topics',
    ],
    [
      'a team without supervisor',
      ['supervisors: [marie]', 'supervisors: []'],
      'support.yaml: teams.support.supervisors: a team needs at least one supervisor',
    ],
    [
      'an unknown supervisor',
      ['supervisors: [marie]', 'supervisors: [mari]'],
      'support.yaml: teams.support.supervisors[0]: "mari" is not a person listed under people',
    ],
    [
      'a calendar that never opens',
      ['{ mon: ["09:00-17:00"], tue: ["09:00-12:00", "13:00-17:00"] }', '{ mon: [], sat: [] }'],
      'support.yaml: calendars.office.week: no opening hours: give at least one day a range like "09:00-17:00"',
    ],
    [
      'overlapping ranges',
      ['tue: ["09:00-12:00", "13:00-17:00"]', 'tue: ["09:00-13:30", "13:00-17:00"]'],
      'support.yaml: calendars.office.week.tue[1]: 13:00-17:00 overlaps 09:00-13:30',
    ],
    [
      'a window longer than its maximum',
      ['maxCallbackWindow: 4h', 'maxCallbackWindow: 30m'],
      'support.yaml: policies.internal.urgent.maxCallbackWindow: "30m" is shorter than callbackWindow "1h"',
    ],
    [
      'a nudge outside the window',
      ['nudgeAt: [0.75]', 'nudgeAt: [0.5, 1]'],
      'support.yaml: policies.defaults.nudgeAt[1]: 1 is not a fraction between 0 and 1 (like 0.75 or "75%")',
    ],
    [
      'no misses allowed',
      ['missesBeforeSupervisor: 2', 'missesBeforeSupervisor: 0'],
      'support.yaml: policies.defaults.missesBeforeSupervisor: must be at least 1, got 0',
    ],
    [
      'a field set nowhere',
      ['supervisorWindow: 30m, ', ''],
      'support.yaml: policies.internal.low: supervisorWindow not set here or under policies.defaults',
    ],
    [
      'a Slack id used twice',
      ['slackId: U0RASA', 'slackId: U0MARIE'],
      'support.yaml: people.rasa.slackId: "U0MARIE" is also the Slack id of marie',
    ],
    [
      'a Slack handle instead of an id',
      ['slackId: U0RASA', 'slackId: "@rasa"'],
      'support.yaml: people.rasa.slackId: "@rasa" is not a Slack user id like "U024BE7LH"',
    ],
    [
      'an unsupported locale',
      ['locale: fr', 'locale: de'],
      'support.yaml: people.marie.locale: "de" is not a supported locale (en, fr, lt)',
    ],
    [
      'a missing name',
      ['rasa: { name: Rasa, slackId', 'rasa: { slackId'],
      'support.yaml: people.rasa.name: is missing',
    ],
    [
      'an impossible holiday',
      ['holidays: [2026-12-25]', 'holidays: [2026-02-30]'],
      'support.yaml: calendars.office.holidays[0]: "2026-02-30" is not a date like "2026-12-24"',
    ],
    [
      'an absence that ends before it starts',
      ['jonas: { name: Jonas,', 'jonas: { name: Jonas, absences: [{ from: 2026-07-26, to: 2026-07-24 }],'],
      'support.yaml: people.jonas.absences[0].to: "2026-07-24" is not after "from" (2026-07-26)',
    ],
    [
      'a recovery window that is not a duration',
      ['supervisors: [marie] }', 'supervisors: [marie], recoveryWindow: soon }'],
      'support.yaml: teams.support.recoveryWindow: "soon" is not a duration like "30m", "4h" or "2d"',
    ],
    [
      'an expert listed twice',
      ['experts: [jonas]', 'experts: [jonas, jonas]'],
      'support.yaml: topics.billing.experts[1]: "jonas" is listed twice',
    ],
  ])('names the field for %s', (_, [from, to], line) => {
    const error = configError(edit(base, [from, to]));
    expect(error.issues).toContain(line);
  });

  it('reports every problem at once, in file order, one per line', () => {
    const text = edit(
      example,
      ['experts: [jonas, aiste]', 'experts: [jonas, zoe]'],
      ['tue: ["09:00-12:30", "13:30-17:00"]', 'tue: ["9-17"]'],
      [
        'timeZone: Europe/Vilnius\n    slackId: U04JONAS04',
        'timeZone: Europe/Vilnus\n    slackId: U04JONAS04',
      ],
      ['callbackWindow: 1h\n', 'callbackWindow: soon\n'],
      [
        'low: { firstResponse: 8h, callbackWindow: 16h, maxCallbackWindow: 80h }',
        'low: { callbackWindow: 16h, maxCallbackWindow: 8h }',
      ],
    );
    const error = configError(text);
    expect(error.code).toBe('config_invalid');
    expect(error.issues).toEqual([
      'support.yaml: calendars.vilnius-office.week.tue[0]: "9-17" is not a time range like "09:00-17:00"',
      'support.yaml: topics.billing.experts[1]: "zoe" is not a person listed under people',
      'support.yaml: people.jonas.timeZone: "Europe/Vilnus" is not a known time zone (use an IANA name like "Europe/Vilnius")',
      'support.yaml: policies.internal.low.maxCallbackWindow: "8h" is shorter than callbackWindow "16h"',
      'support.yaml: policies.internal.urgent.callbackWindow: "soon" is not a duration like "30m", "4h" or "2d"',
    ]);
    expect(error.message.split('\n')).toEqual(['support.yaml has 5 problems:', ...error.issues]);
  });

  it('gives the line and column of a YAML syntax error', () => {
    const error = configError(edit(base, ['workspace: acme', 'workspace: acme: corp']));
    expect(error.issues).toEqual([
      'support.yaml: line 2, column 12: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('rejects a key written twice', () => {
    const error = configError(edit(base, ['workspace: acme', 'workspace: acme\nworkspace: other']));
    expect(error.issues).toEqual(['support.yaml: line 3, column 1: Map keys must be unique']);
  });

  it('rejects a file that is not a mapping', () => {
    expect(configError('', 'empty.yaml').issues).toEqual([
      'empty.yaml: expected a mapping with workspace, calendars, teams, topics, people and policies',
    ]);
  });

  it('names the file it could not read', () => {
    expect(() => loadConfig('config/does-not-exist.yaml')).toThrow(
      /config\/does-not-exist\.yaml: cannot read the file/,
    );
  });
});
