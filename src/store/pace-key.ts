// The destination a notice counts against for platform rate limits (Slack allows about one
// message per second per channel). One key per place a message lands: the customer's
// conversation, a person's direct messages, a team's triage or supervisors channel.
import type { Recipient } from '../core/model.ts';

export function paceKeyOf(recipient: Recipient): string {
  switch (recipient.kind) {
    case 'customer':
      return `conversation:${recipient.conversation}`;
    case 'person':
      return `person:${recipient.personId}`;
    case 'triage':
    case 'supervisors':
      return `${recipient.kind}:${recipient.teamId}`;
  }
}
