// What the playground's sink delivered, kept in memory for the panes: each pane shows the messages
// its person would have received on a chat platform (their direct messages, and the triage and
// supervisors' channels of their teams).
import type { ClaimedNotice, Directory, Recipient } from '../../src/core/index.ts';

export interface Delivered {
  notice: ClaimedNotice;
  /** When it arrived, on the simulated clock. */
  at: Date;
}

/** Who reads a pane: a customer by their id, or a directory person. */
export type Reader = { kind: 'customer'; id: string } | { kind: 'person'; id: string };

/** A sandbox runs for an afternoon; past this the oldest messages are forgotten. */
const MAX_KEPT = 5_000;

export function createInbox() {
  const entries: Delivered[] = [];
  return {
    /** A notice sent again (at-least-once) replaces its first copy rather than showing twice. */
    add(notice: ClaimedNotice, at: Date): void {
      const i = entries.findIndex((e) => e.notice.id === notice.id);
      if (i >= 0) entries.splice(i, 1);
      entries.push({ notice, at });
      if (entries.length > MAX_KEPT) entries.splice(0, entries.length - MAX_KEPT);
    },
    /** What `reader` received about case `caseId`, oldest first. */
    of(reader: Reader, caseId: string, directory: Directory): Delivered[] {
      return entries.filter(
        (e) => e.notice.caseId === caseId && reads(e.notice.recipient, reader, directory),
      );
    },
    /** Ids of the cases `reader` heard about. */
    casesOf(reader: Reader, directory: Directory): Set<string> {
      return new Set(
        entries.filter((e) => reads(e.notice.recipient, reader, directory)).map((e) => e.notice.caseId),
      );
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;

export function reads(recipient: Recipient, reader: Reader, directory: Directory): boolean {
  if (reader.kind === 'customer') return recipient.kind === 'customer' && recipient.customerId === reader.id;
  switch (recipient.kind) {
    case 'customer':
      return false;
    case 'person':
      return recipient.personId === reader.id;
    case 'supervisors':
      return directory.teams[recipient.teamId]?.supervisors.includes(reader.id) ?? false;
    case 'triage': {
      const team = directory.teams[recipient.teamId];
      return (team?.frontLine.includes(reader.id) || team?.supervisors.includes(reader.id)) ?? false;
    }
  }
}
