import { randomUUID } from 'node:crypto';

/**
 * The start of the lease tokens one claim hands out: `<owner>:<uuid>:`, completed with the row id,
 * so every claimed row gets a token no earlier or later claim can produce.
 */
export const leaseTokenPrefix = (owner: string): string => `${owner}:${randomUUID()}:`;
