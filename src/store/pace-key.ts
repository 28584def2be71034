// The destination a notice counts against for platform rate limits (Slack allows about one
// message per second per channel). One key per place a message lands: the customer's
// conversation, a person's direct messages, a team's triage or supervisors channel. Every thread
// of a Slack channel shares the channel's key, since Slack counts per channel; a Discord thread is
// a channel of its own and keeps its own.
import type { Recipient } from '../core/model.ts';

/** `slack:T:C:ts` (a thread) → `slack:T:C` (its channel); any other conversation as it is. */
function paceScope(conversation: string): string {
  const parts = conversation.split(':');
  return parts[0] === 'slack' && parts.length === 4 ? parts.slice(0, 3).join(':') : conversation;
}

export function paceKeyOf(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'customer':
      return `conversation:${paceScope(recipient.conversation)}`;
    case 'person':
      return `person:${recipient.personId}`;
    case 'triage':
    case 'supervisors':
      return `${recipient.kind}:${recipient.teamId}`;
  }
}
