// A notice for several people (a team's supervisors) is delivered to each. Each person reached is
// remembered, so when the outbox retries the notice (someone else's send failed for a while) only
// the others get it; a person the platform refuses for good (no such user, DMs closed) does not
// keep the rest from hearing.
import type { DeliveryResult, ReferenceStore } from '../../src/core/index.ts';

/** Who this notice already reached. */
export interface Reached {
  has(personId: string): Promise<boolean>;
  add(personId: string, messageId: string): Promise<void>;
}

/** `name` gives the reference kept per person reached (the adapter's own name, with the notice's id in it). */
export function reachedIn<N extends string>(
  refs: ReferenceStore<N>,
  caseId: string,
  name: (personId: string) => N,
): Reached {
  return {
    has: async (personId) => (await refs.get(caseId, name(personId))) !== null,
    add: (personId, messageId) => refs.put(caseId, name(personId), messageId),
  };
}

export interface EachRecipient<P extends { id: string }> {
  people: readonly P[];
  reached: Reached;
  /** Sends to one person; returns the message's id. */
  send(person: P): Promise<string>;
  /** Why the platform will never reach this person as things are, or null: the error is rethrown. */
  refusal(error: unknown): string | null;
  /** Told of each person refused, so it can be logged. */
  refused(person: P, reason: string): void;
}

/** Sent when at least one person has it (now or before); rejected when the platform refused them all. */
export async function deliverToEach<P extends { id: string }>(d: EachRecipient<P>): Promise<DeliveryResult> {
  let reached = 0;
  let lastRefusal: string | null = null;
  for (const person of d.people) {
    if (await d.reached.has(person.id)) {
      reached += 1;
      continue;
    }
    try {
      await d.reached.add(person.id, await d.send(person));
      reached += 1;
    } catch (error) {
      const reason = d.refusal(error);
      if (reason === null) throw error;
      lastRefusal = reason;
      d.refused(person, reason);
    }
  }
  if (reached > 0) return { status: 'sent' };
  return { status: 'rejected', error: lastRefusal ?? 'no one to reach' };
}
