// The opaque strings the adapter encodes: conversations, customer ids, button and form ids, nonces.
import { createHash } from 'node:crypto';
import type { ActionId, NoticeAction } from '../../src/core/index.ts';

/** `discord:<guildId>:<channelId>`: the case's thread or forum post. */
export const conversationOf = (guildId: string, channelId: string): string =>
  `discord:${guildId}:${channelId}`;

export function parseConversation(conversation: string): { guildId: string; channelId: string } | null {
  const m = /^discord:(\d+):(\d+)$/.exec(conversation);
  return m ? { guildId: m[1] as string, channelId: m[2] as string } : null;
}

/** A community member who is not in the directory. */
export const customerIdOf = (userId: string): string => `discord:${userId}`;

const ACTIONS = {
  claim: true,
  escalate: true,
  resolve: true,
  ask_supervisor: true,
  accept: true,
  cannot_resolve: true,
  reassign: true,
  colleague_answer: true,
  colleague_take: true,
  approve: true,
  decline: true,
  add_details: true,
  mark_resolved: true,
  confirm: true,
  reopen: true,
  rate: true,
  declare_incident: true,
  incident_update: true,
  resolve_incident: true,
  abuse_reply: true,
  abuse_take_over: true,
  abuse_stay: true,
  write_recovery: true,
  mark_heavy: true,
  pair_up: true,
  take_over: true,
} satisfies Record<ActionId, true>;
const isAction = (s: string): s is ActionId => Object.hasOwn(ACTIONS, s);

/** Forms (modals) the adapter opens; `intake` opens a case, the others act on one. */
export const FORMS = [
  'intake',
  'resolve',
  'cannot_resolve',
  'approve',
  'decline',
  'add_details',
  'rate',
  'ask_customer',
  'reply',
  'record_outside',
  'accept',
  'escalate',
  'incident_declare',
  'incident_update',
  'incident_resolve',
  'ask_colleague',
  'colleague_answer',
  'write_recovery',
] as const;
export type Form = (typeof FORMS)[number];
const isForm = (s: string): s is Form => (FORMS as readonly string[]).includes(s);

/**
 * Staff controls the core's notices do not carry (the triage card adds them): a question to the
 * customer, a question to a colleague, the customer gone over everyone's head (level 4), closing the
 * case.
 */
export const STAFF_ACTIONS = ['reply', 'ask_customer', 'ask_colleague', 'record_outside', 'close'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
const isStaffAction = (s: string): s is StaffAction => (STAFF_ACTIONS as readonly string[]).includes(s);

export type ButtonRef =
  | { kind: 'action'; action: ActionId; caseId: string; approvalId?: string }
  | { kind: 'staff'; action: StaffAction; caseId: string }
  | { kind: 'open' }
  | { kind: 'more'; caseId: string }
  | { kind: 'hand_over'; caseId: string }
  | { kind: 'hand_over_all' };

export interface FormRef {
  form: Form;
  caseId?: string;
  approvalId?: string;
}

// Custom ids are at most 100 characters; case, approval and incident ids are UUIDs (36). The last
// part is the approval a decision is about, or the incident an incident button acts on.
export const actionCustomId = (a: NoticeAction): string => {
  const about = a.approvalId ?? a.incidentId;
  return ['act', a.id, a.caseId, ...(about ? [about] : [])].join(':');
};
export const OPEN_CASE_ID = 'open';
export const moreCustomId = (caseId: string): string => `more:${caseId}`;
/** Going away (`/support away`): hand one held case over, or all of them. */
export const handOverCustomId = (caseId: string): string => `handover:${caseId}`;
export const HAND_OVER_ALL_ID = 'handover-all';
export const staffCustomId = (action: StaffAction, caseId: string): string => `staff:${action}:${caseId}`;
export const formCustomId = (ref: FormRef): string =>
  ['form', ref.form, ...(ref.caseId ? [ref.caseId] : []), ...(ref.approvalId ? [ref.approvalId] : [])].join(
    ':',
  );

export function parseButtonId(customId: string): ButtonRef | null {
  const [kind, first, caseId, approvalId, ...rest] = customId.split(':');
  if (rest.length > 0) return null;
  if (kind === OPEN_CASE_ID && first === undefined) return { kind: 'open' };
  if (kind === 'more' && first && caseId === undefined) return { kind: 'more', caseId: first };
  if (kind === 'handover' && first && caseId === undefined) return { kind: 'hand_over', caseId: first };
  if (kind === HAND_OVER_ALL_ID && first === undefined) return { kind: 'hand_over_all' };
  if (kind === 'staff' && first && isStaffAction(first) && caseId && approvalId === undefined)
    return { kind: 'staff', action: first, caseId };
  if (kind !== 'act' || !first || !isAction(first) || !caseId) return null;
  return approvalId
    ? { kind: 'action', action: first, caseId, approvalId }
    : { kind: 'action', action: first, caseId };
}

export function parseFormId(customId: string): FormRef | null {
  const [kind, form, caseId, approvalId, ...rest] = customId.split(':');
  if (kind !== 'form' || !form || !isForm(form) || rest.length > 0) return null;
  if (form !== 'intake' && !caseId) return null;
  return {
    form,
    ...(caseId ? { caseId } : {}),
    ...(approvalId ? { approvalId } : {}),
  };
}

/**
 * The nonce of one message the bot posts (Discord allows 25 characters): `source` is the notice,
 * or the event answered (a message, an interaction), `part` which message of it. Every post
 * carries one with `enforce_nonce`: a retried send within a few minutes returns the first message
 * instead of posting twice.
 */
export function nonceFor(source: string, target: string, part: number | string): string {
  return createHash('sha256').update(`${source}|${target}|${part}`).digest('base64url').slice(0, 25);
}
