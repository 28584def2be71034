// Zod schemas for the support config file (YAML). They check the shape and the format of every
// value and convert the lead's notation (durations, "HH:MM-HH:MM" ranges) into the core's types.
// References between sections (a topic's team, an expert's person id) are checked in load-config.ts;
// checks across policy entries are in checkPolicyTable below.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type {
  Absence,
  Audience,
  IntakeLimit,
  Policy,
  PolicyTable,
  Priority,
  TimeRange,
} from '../core/model.ts';
import {
  AUDIENCES,
  DEFAULT_INTAKE_LIMITS,
  LOCALES,
  POLICY_FIELD_DEFAULTS,
  PRIORITIES,
} from '../core/model.ts';

/** A value as it appears in a message: strings quoted, everything else as written. */
export const quote = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

/** An error map that leaves missing values (and wrong types, unless `anyType`) to the generic one. */
const says =
  (describe: (input: unknown) => string, anyType = false) =>
  (issue: { input?: unknown; code?: string }) =>
    issue.input === undefined || (!anyType && issue.code === 'invalid_type')
      ? undefined
      : describe(issue.input);

// ---------------------------------------------------------------------------------------------
// Values

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, {
  error: says((v) => `${quote(v)} is not a valid id: use letters, digits, "-" and "_"`),
});

/** A list of ids, each listed once. */
const idList = z.array(z.string()).superRefine((ids, ctx) => {
  ids.forEach((value, index) => {
    if (ids.indexOf(value) !== index)
      ctx.addIssue({ code: 'custom', path: [index], message: `${quote(value)} is listed twice` });
  });
});

const text = z.string().trim().min(1, { error: 'must not be empty' });

const locale = z.enum(LOCALES, {
  error: says((v) => `${quote(v)} is not a supported locale (${LOCALES.join(', ')})`),
});

/**
 * Reading the config touches no Intl date formatting: the first Intl.DateTimeFormat a process
 * builds (or luxon's question for the system's locale) loads ICU's date formatting data, about
 * 8 MB resident, which an idle bot otherwise never needs. The first time shown to someone, or
 * worked out in a team's zone, loads it then.
 */
let listedZones: ReadonlySet<string> | undefined;

/**
 * Whether Intl knows `zone`: the names it lists (and UTC, which every implementation knows) at
 * once, anything else (other spellings, links like "US/Eastern") by building a formatter in it.
 */
export function isTimeZone(zone: string): boolean {
  listedZones ??= new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (listedZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone !== '';
  } catch {
    return false;
  }
}
const timeZone = z.string().refine(isTimeZone, {
  error: says((v) => `${quote(v)} is not a known time zone (use an IANA name like "Europe/Vilnius")`),
});

/**
 * An ISO text read by luxon with an explicit locale: without one luxon asks Intl for the system's
 * (see listedZones). Reading ISO does not depend on the locale.
 */
const fromIso = (s: string, options: { zone?: string; setZone?: boolean } = {}): DateTime =>
  DateTime.fromISO(s, { ...options, locale: 'en-US' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string): boolean => ISO_DATE.test(s) && fromIso(s, { zone: 'utc' }).isValid;
const date = z.string().refine(isDate, { error: says((v) => `${quote(v)} is not a date like "2026-12-24"`) });

/** An instant needs an explicit offset so it means the same moment on every server. */
const isInstant = (s: string): boolean =>
  /T\d{2}:\d{2}.*(Z|[+-]\d{2}:?\d{2})$/.test(s) && fromIso(s, { setZone: true }).isValid;

const slackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, {
  error: says((v) => `${quote(v)} is not a Slack user id like "U024BE7LH"`),
});
const slackChannelId = z.string().regex(/^[CG][A-Z0-9]{2,}$/, {
  error: says((v) => `${quote(v)} is not a Slack channel id like "C024BE91L"`),
});
// Discord ids are 64-bit snowflakes; the loader keeps unquoted ones as written so no digit is lost.
const discordId = z.string().regex(/^\d+$/, {
  error: says((v) => `${quote(v)} is not a Discord id (digits only, like "1234567890123456789")`),
});

// ---------------------------------------------------------------------------------------------
// Durations: "90s", "15m", "4h", "2d", "1h30m". A day is 24 hours of the policy's clock.

const DURATION = /^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** Minutes in a duration; fractional only when seconds are given. Undefined if not a positive duration. */
export function parseDurationMinutes(text: string): number | undefined {
  const m = DURATION.exec(text.replace(/\s+/g, ''));
  const [d, h, min, sec] = (m?.slice(1) ?? []).map((part) => Number(part ?? 0));
  const total = m ? d! * 1440 + h! * 60 + min! + sec! / 60 : 0;
  return total > 0 ? total : undefined;
}

const durationHint = (v: unknown): string =>
  typeof v === 'number'
    ? `${v} is not a duration: add a unit, like "${v}m" or "${v}h"`
    : `${quote(v)} is not a duration like "30m", "4h" or "2d"`;

const duration = z.string({ error: says(durationHint, true) }).transform((value, ctx) => {
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) ctx.addIssue({ code: 'custom', message: durationHint(value), input: value });
  return minutes ?? 0;
});

// ---------------------------------------------------------------------------------------------
// Calendars

const RANGE = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/;
const pad = (n: number): string => String(n).padStart(2, '0');

/** Parses "09:00-17:00" (end may be 24:00) into a normalised range, or says what is wrong. */
export function parseTimeRange(text: string): { range: TimeRange } | { problem: string } {
  const m = RANGE.exec(text.trim());
  const [h1, m1, h2, m2] = (m?.slice(1) ?? []).map(Number) as [number, number, number, number];
  const valid = m && h1 < 24 && m1 < 60 && m2 < 60 && (h2 < 24 || (h2 === 24 && m2 === 0));
  if (!valid) return { problem: `${quote(text)} is not a time range like "09:00-17:00"` };
  if (h1 * 60 + m1 >= h2 * 60 + m2) {
    return {
      problem: `${quote(text)} ends before it starts (split a range that crosses midnight over two days)`,
    };
  }
  return { range: [`${pad(h1)}:${pad(m1)}`, `${pad(h2)}:${pad(m2)}`] };
}

const timeRange = z
  .string({ error: says((v) => `${quote(v)} is not a time range like "09:00-17:00"`, true) })
  .transform((value, ctx): TimeRange => {
    const parsed = parseTimeRange(value);
    if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem, input: value });
    return 'range' in parsed ? parsed.range : ['00:00', '00:00'];
  });

/**
 * A day's ranges, returned sorted; overlapping ranges are an error. The starts are "HH:MM", so
 * plain string order is time order (localeCompare would load ICU's collation data, ~3 MB of
 * resident memory for the whole process, just to read the config).
 */
const dayHours = z.array(timeRange).transform((ranges, ctx) => {
  const sorted = [...ranges].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    const [prev, next] = [sorted[i - 1]!, sorted[i]!];
    if (next[0] < prev[1]) {
      const at = ranges.indexOf(next);
      ctx.addIssue({ code: 'custom', path: [at], message: `${next.join('-')} overlaps ${prev.join('-')}` });
    }
  }
  return sorted;
});

const week = z
  .strictObject({
    mon: dayHours.optional(),
    tue: dayHours.optional(),
    wed: dayHours.optional(),
    thu: dayHours.optional(),
    fri: dayHours.optional(),
    sat: dayHours.optional(),
    sun: dayHours.optional(),
  })
  .refine((days) => Object.values(days).some((ranges) => (ranges ?? []).length > 0), {
    error: 'no opening hours: give at least one day a range like "09:00-17:00"',
  });

export const calendarSchema = z.strictObject({
  timeZone,
  week,
  holidays: z.array(date).default([]),
});

// ---------------------------------------------------------------------------------------------
// People, teams, topics

const absence = z.strictObject({ from: z.string(), to: z.string() }).transform((a, ctx): Absence => {
  const kind = (s: string) => (isDate(s) ? 'date' : isInstant(s) ? 'instant' : undefined);
  const [from, to] = [kind(a.from), kind(a.to)];
  const hint = 'a date like "2026-12-24" or a moment like "2026-12-24T13:00:00+02:00"';
  if (!from) ctx.addIssue({ code: 'custom', path: ['from'], message: `${quote(a.from)} is not ${hint}` });
  if (!to) ctx.addIssue({ code: 'custom', path: ['to'], message: `${quote(a.to)} is not ${hint}` });
  if (from && to && from !== to) {
    ctx.addIssue({ code: 'custom', message: 'give "from" and "to" both as dates or both as moments' });
  } else if (from && to) {
    // Dates include `to`; instants end just before it, so an instant absence needs from < to.
    const [start, end] = [fromIso(a.from), fromIso(a.to)];
    if (start > end || (from === 'instant' && +start === +end)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `${quote(a.to)} is not after "from" (${a.from})`,
      });
    }
  }
  return { from: a.from, to: a.to };
});

export const personSchema = z.strictObject({
  name: text,
  locale: locale.default('en'),
  timeZone: timeZone.default('UTC'),
  slackId: slackUserId.optional(),
  discordId: discordId.optional(),
  maxOpenCases: z.int().min(1).default(10),
  away: z.boolean().default(false),
  absences: z.array(absence).default([]),
});

/**
 * Incident detection (src/core/incidents.ts): `threshold` alike cases on one topic within `within`
 * alert the team's supervisors. Defaults: 5 cases, 30 minutes, similarity 0.3 (words in common over
 * words in either). A team without the section has no detection.
 */
export const INCIDENT_DEFAULTS = { threshold: 5, withinMinutes: 30, similarity: 0.3 } as const;

const incidentsSchema = z
  .strictObject({
    threshold: z
      .int()
      .min(2, { error: 'an incident needs at least 2 cases' })
      .default(INCIDENT_DEFAULTS.threshold),
    within: duration.optional(),
    similarity: z
      .number()
      .gt(0, { error: 'similarity is a fraction above 0, at most 1' })
      .max(1, { error: 'similarity is a fraction above 0, at most 1' })
      .default(INCIDENT_DEFAULTS.similarity),
  })
  .transform((i) => ({
    threshold: i.threshold,
    withinMinutes: i.within ?? INCIDENT_DEFAULTS.withinMinutes,
    similarity: i.similarity,
  }));

export const teamSchema = z.strictObject({
  name: text,
  calendar: z.string(),
  locale: locale.default('en'),
  frontLine: idList.default([]),
  supervisors: idList.min(1, { error: 'a team needs at least one supervisor' }),
  slackTriageChannel: slackChannelId.optional(),
  discordTriageChannel: discordId.optional(),
  incidents: incidentsSchema.optional(),
  /** Level 4 (src/core/recovery.ts): how long supervisors have to write a recovery; default 8h of the policy clock. */
  recoveryWindow: duration.optional(),
});

export const topicSchema = z.strictObject({
  names: z.strictObject({ en: text, fr: text.optional(), lt: text.optional() }),
  team: z.string(),
  experts: idList.default([]),
  backups: idList.default([]),
});

// ---------------------------------------------------------------------------------------------
// Policies: `defaults` merged under every audience x priority entry.

const fraction = z.unknown().transform((value, ctx) => {
  const n =
    typeof value === 'string' && /^\d+(\.\d+)?%$/.test(value) ? Number.parseFloat(value) / 100 : value;
  if (typeof n !== 'number' || !(n > 0 && n < 1)) {
    ctx.addIssue({
      code: 'custom',
      message: `${quote(value)} is not a fraction between 0 and 1 (like 0.75 or "75%")`,
    });
  }
  return Number(n);
});

const policyFields = z.strictObject({
  firstResponse: duration.optional(),
  callbackWindow: duration.optional(),
  maxCallbackWindow: duration.optional(),
  supervisorWindow: duration.optional(),
  nudgeAt: z.array(fraction).optional(),
  missesBeforeSupervisor: z.int().min(1).optional(),
  clock: z
    .enum(['business', 'always'], { error: says((v) => `${quote(v)} is not "business" or "always"`) })
    .optional(),
  // Optional everywhere: without them the defaults below (POLICY_FIELD_DEFAULTS) apply.
  customerReminderAfter: duration.optional(),
  autoCloseAfter: duration.optional(),
  reopenWithin: duration.optional(),
  reassignAfterMisses: z.int().min(1).optional(),
});
type PolicyFields = z.output<typeof policyFields>;

/** Fields a policy may leave unset everywhere (a default applies); every other field is required. */
const OPTIONAL_FIELDS: readonly (keyof PolicyFields)[] = [
  'customerReminderAfter',
  'autoCloseAfter',
  'reopenWithin',
  'reassignAfterMisses',
];

const audiencePolicies = z.strictObject({
  low: policyFields.optional(),
  normal: policyFields.optional(),
  high: policyFields.optional(),
  urgent: policyFields.optional(),
});

const POLICY_FIELDS = (Object.keys(policyFields.shape) as (keyof PolicyFields)[]).filter(
  (field) => !OPTIONAL_FIELDS.includes(field),
);

function mergePolicy(defaults: PolicyFields, entry: PolicyFields): Policy {
  const merged = { ...defaults, ...entry };
  // The fallbacks are never used: checkPolicyTable rejects a file that leaves a field unset.
  return {
    firstResponseMinutes: merged.firstResponse ?? 0,
    callbackWindowMinutes: merged.callbackWindow ?? 0,
    maxCallbackWindowMinutes: merged.maxCallbackWindow ?? 0,
    supervisorWindowMinutes: merged.supervisorWindow ?? 0,
    nudgeAt: [...new Set(merged.nudgeAt ?? [])].sort((a, b) => a - b),
    missesBeforeSupervisor: merged.missesBeforeSupervisor ?? 1,
    clock: merged.clock ?? 'business',
    customerReminderAfterMinutes:
      merged.customerReminderAfter ?? POLICY_FIELD_DEFAULTS.customerReminderAfterMinutes,
    autoCloseAfterMinutes: merged.autoCloseAfter ?? POLICY_FIELD_DEFAULTS.autoCloseAfterMinutes,
    reopenWithinMinutes: merged.reopenWithin ?? POLICY_FIELD_DEFAULTS.reopenWithinMinutes,
    reassignAfterMisses: merged.reassignAfterMisses ?? POLICY_FIELD_DEFAULTS.reassignAfterMisses,
  };
}

export const policiesSchema = z
  .strictObject({
    defaults: policyFields.default({}),
    internal: audiencePolicies.default({}),
    community: audiencePolicies.default({}),
  })
  .transform((input): PolicyTable => {
    const table = (audience: Audience) =>
      Object.fromEntries(
        PRIORITIES.map((p) => [p, mergePolicy(input.defaults, input[audience][p] ?? {})]),
      ) as Record<Priority, Policy>;
    return Object.fromEntries(AUDIENCES.map((a) => [a, table(a)])) as PolicyTable;
  });

/**
 * Problems across policy entries: a field set neither in the entry nor in `defaults`, or a
 * maxCallbackWindow shorter than the callbackWindow. Read from the raw `policies` value so they
 * are reported even when other fields of the file are broken (the schema reports those).
 */
export function checkPolicyTable(policies: unknown): { path: PropertyKey[]; message: string }[] {
  const isMapping = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isMapping(policies)) return [];
  const defaults = policies.defaults ?? {};
  if (!isMapping(defaults)) return [];
  const problems: { path: PropertyKey[]; message: string }[] = [];
  for (const audience of AUDIENCES) {
    const entries = policies[audience] ?? {};
    if (!isMapping(entries)) continue;
    for (const priority of PRIORITIES) {
      const entry = entries[priority] ?? {};
      if (!isMapping(entry)) continue;
      const path = ['policies', audience, priority];
      const value = (field: keyof PolicyFields) => entry[field] ?? defaults[field];
      const missing = POLICY_FIELDS.filter((field) => value(field) === undefined);
      if (missing.length > 0) {
        problems.push({ path, message: `${missing.join(', ')} not set here or under policies.defaults` });
      }
      const minutes = (field: keyof PolicyFields) => {
        const v = value(field);
        return typeof v === 'string' ? parseDurationMinutes(v) : undefined;
      };
      const [window, max] = [minutes('callbackWindow'), minutes('maxCallbackWindow')];
      if (window !== undefined && max !== undefined && max < window) {
        const message = `${quote(value('maxCallbackWindow'))} is shorter than callbackWindow ${quote(value('callbackWindow'))}`;
        problems.push({ path: [...path, 'maxCallbackWindow'], message });
      }
      const checkIn = minutes('customerReminderAfter') ?? POLICY_FIELD_DEFAULTS.customerReminderAfterMinutes;
      const close = minutes('autoCloseAfter') ?? POLICY_FIELD_DEFAULTS.autoCloseAfterMinutes;
      if (close <= checkIn) {
        const message = `autoCloseAfter (${close} min) must be longer than customerReminderAfter (${checkIn} min), or the customer is never checked in with`;
        problems.push({ path: [...path, 'autoCloseAfter'], message });
      }
      const reassign = value('reassignAfterMisses');
      const misses = value('missesBeforeSupervisor');
      if (typeof reassign === 'number' && typeof misses === 'number' && reassign > misses) {
        const message = `${reassign} is more than missesBeforeSupervisor (${misses}): a supervisor would be asked first, so it would never apply`;
        problems.push({ path: [...path, 'reassignAfterMisses'], message });
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Retention: how long texts and bookkeeping rows are kept (wall-clock durations, applied daily).

const DAY_MINUTES = 24 * 60;

/** What applies when the file leaves `retention` (or one of its fields) out. */
export const RETENTION_DEFAULTS = {
  redactAfterMinutes: 365 * DAY_MINUTES,
  inboundEventsAfterMinutes: 30 * DAY_MINUTES,
  paceKeysAfterMinutes: DAY_MINUTES,
} as const;

/**
 * Platforms retry an event for a while (Slack for about an hour): an event forgotten sooner than
 * this could be taken twice.
 */
export const MIN_INBOUND_EVENTS_AFTER_MINUTES = DAY_MINUTES;

const durationOrNever = z.string({ error: says(durationHint, true) }).transform((value, ctx) => {
  if (value.trim() === 'never') return null;
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: 'custom', message: `${durationHint(value)}, or "never"`, input: value });
  }
  return minutes ?? 0;
});

const retentionSchema = z
  .strictObject({
    redactAfter: durationOrNever.optional(),
    inboundEventsAfter: duration
      .refine((minutes) => minutes >= MIN_INBOUND_EVENTS_AFTER_MINUTES, {
        error:
          'must be at least 1d: platforms retry an event for a while, and a retry of a forgotten one would be taken again',
      })
      .optional(),
    paceKeysAfter: duration.optional(),
  })
  .default({})
  .transform((r) => ({
    redactAfterMinutes: r.redactAfter === undefined ? RETENTION_DEFAULTS.redactAfterMinutes : r.redactAfter,
    inboundEventsAfterMinutes: r.inboundEventsAfter ?? RETENTION_DEFAULTS.inboundEventsAfterMinutes,
    paceKeysAfterMinutes: r.paceKeysAfter ?? RETENTION_DEFAULTS.paceKeysAfterMinutes,
  }));

/** Retention as the app uses it: minutes of wall clock; `redactAfterMinutes` null is never. */
export type RetentionSettings = z.output<typeof retentionSchema>;

/**
 * A case is redacted only once it can no longer reopen: `retention.redactAfter` must be at least
 * every policy's `reopenWithin`. Read from the raw values, like checkPolicyTable.
 */
export function checkRetention(raw: Record<string, unknown>): { path: PropertyKey[]; message: string }[] {
  const retention = raw.retention;
  const redactAfter =
    typeof retention === 'object' && retention !== null
      ? (retention as Record<string, unknown>).redactAfter
      : undefined;
  if (redactAfter === 'never') return [];
  const redact =
    typeof redactAfter === 'string'
      ? parseDurationMinutes(redactAfter)
      : RETENTION_DEFAULTS.redactAfterMinutes;
  if (redact === undefined) return [];
  const reopens = reopenWithinValues(raw.policies).map((v) => parseDurationMinutes(v) ?? 0);
  const longest = Math.max(POLICY_FIELD_DEFAULTS.reopenWithinMinutes, ...reopens);
  if (redact >= longest) return [];
  const days = (minutes: number) => `${Math.round((minutes / DAY_MINUTES) * 10) / 10}d`;
  return [
    {
      path: ['retention', 'redactAfter'],
      message: `${days(redact)} is shorter than the longest policies reopenWithin (${days(longest)}): a case could reopen after its texts were redacted`,
    },
  ];
}

/** Every `reopenWithin` written under `policies` (defaults and each audience x priority entry). */
function reopenWithinValues(policies: unknown): string[] {
  const mapping = (v: unknown): Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  const entries = [
    mapping(policies).defaults,
    ...AUDIENCES.flatMap((a) => PRIORITIES.map((p) => mapping(mapping(policies)[a])[p])),
  ];
  return entries.map((e) => mapping(e).reopenWithin).filter((v): v is string => typeof v === 'string');
}

// ---------------------------------------------------------------------------------------------
// The whole file

const section = <T extends z.ZodType>(entry: T, what: string) =>
  z
    .record(id, entry)
    .refine((entries) => Object.keys(entries).length > 0, { error: `list at least one ${what}` });

// ---------------------------------------------------------------------------------------------
// Intake: how many new cases one person may open (IntakeLimit in src/core/model.ts).

const durationOrZero = z.string({ error: says(durationHint, true) }).transform((value, ctx) => {
  if (value.trim() === '0') return 0;
  const minutes = parseDurationMinutes(value);
  if (minutes === undefined) {
    ctx.addIssue({ code: 'custom', message: `${durationHint(value)}, or "0" for none`, input: value });
  }
  return minutes ?? 0;
});

const intakeLimitSchema = (defaults: IntakeLimit) =>
  z
    .strictObject({
      cooldown: durationOrZero.optional(),
      maxOpenCases: z
        .union([z.int().min(1), z.literal('unlimited')], {
          error: says((v) => `${quote(v)} is not a whole number of at least 1, or "unlimited"`),
        })
        .optional(),
    })
    .default({})
    .transform((l): IntakeLimit => ({
      cooldownMinutes: l.cooldown ?? defaults.cooldownMinutes,
      maxOpenCases: l.maxOpenCases === 'unlimited' ? null : (l.maxOpenCases ?? defaults.maxOpenCases),
    }));

const intakeSchema = z
  .strictObject({
    internal: intakeLimitSchema(DEFAULT_INTAKE_LIMITS.internal),
    community: intakeLimitSchema(DEFAULT_INTAKE_LIMITS.community),
  })
  .default({
    internal: { ...DEFAULT_INTAKE_LIMITS.internal },
    community: { ...DEFAULT_INTAKE_LIMITS.community },
  });

// ---------------------------------------------------------------------------------------------
// Answer bank: when a customer's acknowledgement offers past answers ("answers that helped others").

/**
 * The least score (the share of the customer's words a past answer covers, AnswerMatch.score) for
 * the acknowledgement to offer answers, per audience; null: never. Colleagues (internal) reach a
 * person quickly, so they are offered none unless asked for; the community gets them from 0.6.
 */
export const ANSWER_BANK_DEFAULTS = {
  suggestToCustomers: { internal: null, community: 0.6 },
} as const satisfies { suggestToCustomers: Record<Audience, number | null> };

const thresholdOrOff = z.union([
  z.literal('off').transform(() => null),
  z
    .number({ error: says((v) => `${quote(v)} is not a score between 0 and 1, or "off"`) })
    .gt(0, { error: 'a score above 0 and at most 1, or "off"' })
    .max(1, { error: 'a score above 0 and at most 1, or "off"' }),
]);

const answerBankSchema = z
  .strictObject({
    suggestToCustomers: z
      .strictObject({ internal: thresholdOrOff.optional(), community: thresholdOrOff.optional() })
      .default({}),
  })
  .default({ suggestToCustomers: {} })
  .transform((a) => ({
    suggestToCustomers: {
      internal:
        a.suggestToCustomers.internal === undefined
          ? ANSWER_BANK_DEFAULTS.suggestToCustomers.internal
          : a.suggestToCustomers.internal,
      community:
        a.suggestToCustomers.community === undefined
          ? ANSWER_BANK_DEFAULTS.suggestToCustomers.community
          : a.suggestToCustomers.community,
    } as Record<Audience, number | null>,
  }));

/** The answer bank's settings as the app uses them. */
export type AnswerBankSettings = z.output<typeof answerBankSchema>;

export const configFileSchema = z.strictObject({
  workspace: id,
  defaultTopic: z.string(),
  calendars: section(calendarSchema, 'calendar'),
  teams: section(teamSchema, 'team'),
  topics: section(topicSchema, 'topic'),
  people: section(personSchema, 'person'),
  policies: policiesSchema,
  sweep: z
    .strictObject({
      everySeconds: z.int().min(1).default(5),
      leaseSeconds: z.int().min(1).default(60),
      batch: z.int().min(1).default(200),
    })
    .default({ everySeconds: 5, leaseSeconds: 60, batch: 200 }),
  retention: retentionSchema,
  intake: intakeSchema,
  answerBank: answerBankSchema,
});
export type ConfigFile = z.output<typeof configFileSchema>;
