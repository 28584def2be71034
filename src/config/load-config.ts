// Loads the support config (YAML) into the desk's directory and policy table. Every problem in
// the file is reported at once, each naming the file and the field at fault.
import { readFileSync } from 'node:fs';
import { isMap, isNode, isScalar, isSeq, type Node, parseDocument, visit } from 'yaml';
import type { z } from 'zod';
import type { Calendar, DeskConfig, Directory, Person, Team, Topic } from '../core/model.ts';
import {
  type AnswerBankSettings,
  type ConfigFile,
  checkPolicyTable,
  checkRetention,
  configFileSchema,
  quote,
  type RetentionSettings,
} from './schema.ts';

export interface AppConfig {
  desk: DeskConfig;
  /** Names the case-number sequence, e.g. "acme". */
  workspace: string;
  sweep: { everySeconds: number; leaseSeconds: number; batch: number };
  /** How long texts and bookkeeping rows are kept (src/jobs/retention.ts applies it daily). */
  retention: RetentionSettings;
  /** When the answer bank's past answers are offered to customers (absent: the defaults). */
  answerBank?: AnswerBankSettings;
}

/** Thrown by `loadConfig`/`parseConfig` when the file cannot be read or has any problem. */
export class ConfigError extends Error {
  readonly code = 'config_invalid' as const;
  /** One line per problem: `file: field.path: what is wrong`. */
  readonly issues: readonly string[];

  constructor(sourceName: string, issues: readonly string[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`${sourceName} has ${count}:\n${issues.join('\n')}`);
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

export function loadConfig(path: string): AppConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`${path}: cannot read the file (${(error as Error).message})`]);
  }
  return parseConfig(text, path);
}

/** Fields holding platform ids: an unquoted number there is kept exactly as written. */
const ID_FIELDS = new Set(['slackId', 'discordId', 'slackTriageChannel', 'discordTriageChannel']);

export function parseConfig(text: string, sourceName: string): AppConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      sourceName,
      doc.errors.map((e) => {
        const at = e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: ` : '';
        return `${sourceName}: ${at}${e.message.split(' at line ')[0]}`;
      }),
    );
  }
  visit(doc, {
    Pair(_, pair) {
      const { key, value } = pair;
      if (
        isScalar(key) &&
        ID_FIELDS.has(String(key.value)) &&
        isScalar(value) &&
        typeof value.value === 'number'
      ) {
        value.value = value.source ?? String(value.value);
      }
    },
  });
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(sourceName, [
      `${sourceName}: expected a mapping with workspace, calendars, teams, topics, people and policies`,
    ]);
  }

  const parsed = configFileSchema.safeParse(raw, { error: describeIssue });
  const issues: Issue[] = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }))),
    ...checkReferences(raw as Record<string, unknown>),
    ...checkPolicyTable((raw as Record<string, unknown>).policies),
    ...checkRetention(raw as Record<string, unknown>),
  ];
  if (issues.length > 0 || !parsed.success) {
    const ordered = issues
      .map((issue, index) => ({ issue, index, offset: offsetOf(doc.contents, issue.path) }))
      .sort((a, b) => a.offset - b.offset || a.index - b.index);
    throw new ConfigError(
      sourceName,
      ordered.map(({ issue }) => {
        const path = formatPath(issue.path);
        return `${sourceName}: ${path ? `${path}: ` : ''}${issue.message}`;
      }),
    );
  }
  return toAppConfig(parsed.data);
}

/** Where the node at `path` starts, or where its nearest existing parent ends: problems go in file order. */
function offsetOf(root: Node | null, path: readonly PropertyKey[]): number {
  let node: Node | null = root;
  for (const segment of path) {
    let child: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      child = pair?.value ?? pair?.key;
    } else if (isSeq(node) && typeof segment === 'number') {
      child = node.items[segment];
    }
    if (!isNode(child)) return node?.range?.[1] ?? 0;
    node = child;
  }
  return node?.range?.[0] ?? 0;
}

function toAppConfig(file: ConfigFile): AppConfig {
  const byId = <T, R>(entries: Record<string, T>, build: (id: string, value: T) => R): Record<string, R> =>
    Object.fromEntries(Object.entries(entries).map(([id, value]) => [id, build(id, value)]));
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

  const directory: Directory = {
    defaultTopic: file.defaultTopic,
    calendars: byId(file.calendars, (id, c): Calendar => ({
      id,
      timeZone: c.timeZone,
      week: Object.fromEntries(Object.entries(c.week).filter(([, ranges]) => ranges !== undefined)),
      holidays: [...new Set(c.holidays)].sort(),
    })),
    people: byId(file.people, (id, p): Person => ({
      id,
      name: p.name,
      locale: p.locale,
      timeZone: p.timeZone,
      ...optional('slackId', p.slackId),
      ...optional('discordId', p.discordId),
      away: p.away,
      absences: p.absences,
      maxOpenCases: p.maxOpenCases,
    })),
    teams: byId(file.teams, (id, t): Team => ({
      id,
      name: t.name,
      calendar: t.calendar,
      locale: t.locale,
      frontLine: t.frontLine,
      supervisors: t.supervisors,
      ...optional('slackTriageChannel', t.slackTriageChannel),
      ...optional('discordTriageChannel', t.discordTriageChannel),
      ...optional('incidents', t.incidents),
      ...optional('recoveryWindowMinutes', t.recoveryWindow),
    })),
    topics: byId(file.topics, (id, t): Topic => ({
      id,
      names: { en: t.names.en, ...optional('fr', t.names.fr), ...optional('lt', t.names.lt) },
      team: t.team,
      experts: t.experts,
      backups: t.backups,
    })),
  };
  return {
    desk: { directory, policies: file.policies, intake: file.intake },
    workspace: file.workspace,
    sweep: file.sweep,
    retention: file.retention,
    answerBank: file.answerBank,
  };
}

// ---------------------------------------------------------------------------------------------
// Messages

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** `topics.billing.experts[1]`; keys that are not plain ids are quoted. */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((seg, i) => {
      if (typeof seg === 'number') return `[${seg}]`;
      const key = String(seg);
      if (!/^[A-Za-z0-9_-]+$/.test(key)) return `[${JSON.stringify(key)}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
};

function describeValue(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return quote(value);
}

/** Zod error map: plain sentences for the kinds of issue the schemas leave to it. */
function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(issue.input)}`;
    case 'unrecognized_keys': {
      const shape = (issue.inst?._zod.def as { shape?: object } | undefined)?.shape ?? {};
      const known = Object.keys(shape);
      const each = issue.keys.map((key) => {
        const near = known.find((k) => isNear(k, key));
        return near ? `${quote(key)} (did you mean ${quote(near)}?)` : quote(key);
      });
      const expected = known.length > 0 ? `; expected ${known.join(', ')}` : '';
      return `unknown field${each.length > 1 ? 's' : ''} ${each.join(', ')}${expected}`;
    }
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : `must be at least ${issue.minimum}, got ${describeValue(issue.input)}`;
    case 'too_big':
      return `must be at most ${issue.maximum}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `${describeValue(issue.input)} is not one of ${issue.values.map(quote).join(', ')}`;
    case 'invalid_key':
      return issue.issues[0]?.message;
    default:
      return undefined;
  }
}

/** A likely typo: same letters but one edit away, or one name a prefix of the other. */
function isNear(known: string, typed: string): boolean {
  const [a, b] = [known.toLowerCase(), typed.toLowerCase()];
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]! <= 2;
}

// ---------------------------------------------------------------------------------------------
// References between sections, checked on the raw file so they are reported alongside shape errors.

type Entry = Record<string, unknown>;
const isEntry = (v: unknown): v is Entry => typeof v === 'object' && v !== null && !Array.isArray(v);
const entriesOf = (v: unknown): [string, Entry][] =>
  isEntry(v) ? Object.entries(v).filter((e): e is [string, Entry] => isEntry(e[1])) : [];
const stringsOf = (v: unknown): [number, string][] =>
  Array.isArray(v) ? v.flatMap((s, i): [number, string][] => (typeof s === 'string' ? [[i, s]] : [])) : [];

function checkReferences(raw: Entry): Issue[] {
  const issues: Issue[] = [];
  /** Checks `value` names an entry of `section`, unless that section is itself broken. */
  const refer = (value: unknown, path: PropertyKey[], section: string, what: string) => {
    const target = raw[section];
    if (typeof value === 'string' && isEntry(target) && !Object.hasOwn(target, value)) {
      issues.push({ path, message: `${quote(value)} is not a ${what} listed under ${section}` });
    }
  };
  const referAll = (list: unknown, path: PropertyKey[]) => {
    for (const [i, id] of stringsOf(list)) refer(id, [...path, i], 'people', 'person');
  };
  /** Flags an id used by two entries of a section. */
  const unique = (section: string, field: string, what: string) => {
    const seen = new Map<string, string>();
    for (const [id, entry] of entriesOf(raw[section])) {
      const value = entry[field];
      if (typeof value !== 'string') continue;
      const first = seen.get(value);
      if (first === undefined) seen.set(value, id);
      else
        issues.push({
          path: [section, id, field],
          message: `${quote(value)} is also the ${what} of ${first}`,
        });
    }
  };

  refer(raw.defaultTopic, ['defaultTopic'], 'topics', 'topic');
  for (const [id, team] of entriesOf(raw.teams)) {
    refer(team.calendar, ['teams', id, 'calendar'], 'calendars', 'calendar');
    referAll(team.frontLine, ['teams', id, 'frontLine']);
    referAll(team.supervisors, ['teams', id, 'supervisors']);
  }
  for (const [id, topic] of entriesOf(raw.topics)) {
    refer(topic.team, ['topics', id, 'team'], 'teams', 'team');
    referAll(topic.experts, ['topics', id, 'experts']);
    referAll(topic.backups, ['topics', id, 'backups']);
  }
  unique('people', 'slackId', 'Slack id');
  unique('people', 'discordId', 'Discord id');
  unique('teams', 'slackTriageChannel', 'Slack triage channel');
  unique('teams', 'discordTriageChannel', 'Discord triage channel');
  return issues;
}
