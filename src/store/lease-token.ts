import { randomUUID } from 'node:crypto';

/**
 * The start of the lease tokens one claim hands out: `<owner>:<uuid>:`, completed with the row id,
 * so every claimed row gets a token no earlier or later claim can produce.
 */
export const leaseTokenPrefix = (owner: string): string => `${owner}:${randomUUID()}:`;

/** What a notice records when its lease ran out mid-send and it goes out again (every store). */
export { RESENT_AFTER_CRASH } from '../core/model.ts';
