// Identifiers for cases, events, timers and notices: UUID version 7 (RFC 9562) — 48 bits of
// Unix milliseconds, then random bits. Ids made one after another sort one after another, so a
// new row's id lands at the right edge of every index on it instead of on a random page: under a
// burst of intake each commit writes a few index pages rather than one per row (see the README's
// measured figures). They stay unguessable (74 random bits) and are valid UUIDs everywhere.
import { randomFillSync } from 'node:crypto';

/** Random bytes drawn from the system 4 KiB at a time (one call per ~400 ids, not one per id). */
const pool = new Uint8Array(4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
let lastMs = -1;
let sequence = 0;

/** A UUIDv7; within one millisecond a 12-bit counter keeps this process's ids increasing. */
export function newId(now: number = Date.now()): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const r = poolAt;
  poolAt += 10;
  if (now <= lastMs) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMs += 1; // 4,096 ids in one millisecond: borrow the next one
    now = lastMs;
  } else {
    lastMs = now;
    sequence = ((pool[r] ?? 0) << 4) & 0x7ff; // start low in the range, leaving room to count
  }
  const hex = now.toString(16).padStart(12, '0');
  let rand = '';
  for (let k = r + 2; k < r + 10; k++) rand += HEX[pool[k] ?? 0];
  const variant = (0x8 | ((pool[r + 1] ?? 0) & 0x3)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${rand.slice(0, 3)}-${rand.slice(3, 15)}`;
}
