// Ids are UUIDv7: valid UUIDs, unique, and increasing in the order they were made, even many in
// one millisecond or with the clock stepping back.
import { describe, expect, it } from 'vitest';
import { newId } from '../src/ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes UUIDv7 carrying the millisecond they were made in', () => {
    const id = newId(Date.UTC(2026, 10, 23, 12));
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 23, 12));
  });

  it('keeps ids increasing within a millisecond, past 4,096 of them, and when the clock steps back', () => {
    const t = Date.UTC(2030, 0, 1);
    const ids = [
      ...Array.from({ length: 5000 }, () => newId(t)),
      newId(t - 10_000),
      newId(t + 1),
      newId(t + 5000),
    ];
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
