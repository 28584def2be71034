import type { Change } from '../change.ts';
import { isAudience, isPriority, own, teamOf, topicOf } from '../directory.ts';
import { CoreError } from '../errors.ts';
import {
  type Audience,
  type Customer,
  type DeskConfig,
  LOCALES,
  type PolicySnapshot,
  POLICY_FIELD_DEFAULTS,
  type Priority,
} from '../model.ts';
import type { Ids, NewCase } from '../ports.ts';
import { customerMessageSignals, emptyRisk } from '../risk.ts';
import { applyRisk } from '../steps.ts';
import { openWindow } from '../windows.ts';
import { noteAbuse } from './abuse-actions.ts';
import { requireText } from './guards.ts';

export interface OpenCaseInput {
  workspace: string;
  audience: Audience;
  conversation: string;
  customer: Customer;
  text: string;
  topic?: string;
  priority?: Priority;
  /** The earlier case this one follows up (the customer wrote on it after reopenWithin). */
  follows?: { caseId: string; number: number };
}

/** Copies the policy in force, with its calendar, onto the case: later config edits never touch it. */
export function snapshotPolicy(
  config: DeskConfig,
  audience: Audience,
  priority: Priority,
  team: string,
): PolicySnapshot {
  const policy = config.policies[audience][priority];
  const calendarId = teamOf(config, team)?.calendar ?? '';
  const calendar = own(config.directory.calendars, calendarId);
  if (!calendar) throw new Error(`team ${team} has no calendar ${calendarId}`);
  return structuredClone({ ...POLICY_FIELD_DEFAULTS, ...policy, audience, priority, calendar });
}

/** The case as it is the instant before intake; `Change` then records the intake itself. */
export function draftCase(config: DeskConfig, input: OpenCaseInput, now: Date, ids: Ids): NewCase {
  const words = requireText(input.text);
  const topicId = input.topic ?? config.directory.defaultTopic;
  const topic = topicOf(config, topicId);
  if (!topic) throw new CoreError('invalid_input', 'error.unknown_topic', { topic: String(topicId) });
  const priority = input.priority ?? 'normal';
  if (!isPriority(priority) || !isAudience(input.audience) || !validCustomer(input.customer))
    throw new CoreError('invalid_input', 'error.unexpected', {}, 'openCase: malformed intake');
  return {
    id: ids.next(),
    workspace: input.workspace,
    audience: input.audience,
    conversation: input.conversation,
    customer: input.customer,
    topic: topicId,
    team: topic.team,
    priority,
    level: 1,
    status: 'open',
    words,
    ownerId: null,
    expertId: null,
    expertAssignedAt: null,
    supervisorId: null,
    policy: snapshotPolicy(config, input.audience, priority, topic.team),
    window: null,
    waiting: null,
    misses: 0,
    approval: null,
    risk: emptyRisk(),
    outside: null,
    recovery: null,
    rating: null,
    follows: input.follows ?? null,
    incident: null,
    colleagues: [],
    abuse: null,
    heavy: null,
    createdAt: now,
    updatedAt: now,
    resolvedAt: null,
    closedAt: null,
    version: 0,
  };
}

/** Intake: greet by name, echo their words, say where they are in the queue and by when. */
export function openCase(change: Change, position: number): void {
  const c = change.next;
  const window = openWindow(change, 'first_response', null);
  const firstResponseAt = window.dueAt.toISOString();
  change.event('case_opened', c.customer.id, {
    words: c.words,
    topic: c.topic,
    priority: c.priority,
    ...(c.follows ? { follows: c.follows.caseId } : {}),
  });
  if (c.follows) change.toCustomer('customer.follows_earlier', { earlierNumber: c.follows.number });
  change.toCustomer('customer.ack', { words: c.words, position, firstResponseAt });
  change.toTriage(
    'triage.new_case',
    {
      customerName: c.customer.name,
      words: c.words,
      topicName: change.topicName(change.team.locale),
      priority: c.priority,
      firstResponseAt,
      position,
    },
    ['claim', 'escalate', 'resolve', 'ask_supervisor'],
  );
  noteAbuse(change, c.words);
  const { signals, recent } = customerMessageSignals(c.risk, c.words, change.now);
  c.risk = { ...c.risk, recentCustomerMessages: recent };
  applyRisk(change, signals);
}

const validCustomer = (c: Customer | undefined): boolean =>
  typeof c === 'object' &&
  c !== null &&
  typeof c.id === 'string' &&
  c.id !== '' &&
  typeof c.name === 'string' &&
  LOCALES.includes(c.locale) &&
  typeof c.timeZone === 'string';
