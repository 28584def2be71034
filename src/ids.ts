// Identifiers for cases, events, timers and notices: UUID version 7 (RFC 9562) — 48 bits of
// Unix milliseconds, then random bits. Ids made one after another sort one after another, so a
// new row's id lands at the right edge of every index on it instead of on a random page: under a
// burst of intake each commit writes a few index pages rather than one per row (see the README's
// measured figures). They stay unguessable (74 random bits) and are valid UUIDs everywhere.
import { randomFillSync } from 'node:crypto';

const random = new Uint8Array(10);
let lastMs = -1;
let sequence = 0;

/** A UUIDv7; within one millisecond a 12-bit counter keeps this process's ids increasing. */
export function newId(now: number = Date.now()): string {
  randomFillSync(random);
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4,096 ids in one millisecond: borrow the next one
    now = lastMs;
  } else {
    lastMs = now;
    sequence = ((random[0] ?? 0) << 4) & 0x7ff; // start low in the range, leaving room to count
  }
  const hex = now.toString(16).padStart(12, '0');
  const rand = Array.from(random.subarray(2), (b) => b.toString(16).padStart(2, '0')).join('');
  const variant = (0x8 | ((random[1] ?? 0) & 0x3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${rand.slice(0, 3)}-${rand.slice(3, 15)}`;
}
