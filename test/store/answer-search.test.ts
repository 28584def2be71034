// The answer bank's search syntax on each database: what a customer typed never reaches it as
// syntax, and SQLite matches on the rarest of the query's words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/store/answer-terms.ts';
import { applyMigrations } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open-store.ts';
import { anyOf } from '../../src/store/postgres/answer-search.ts';
import type { Sql } from '../../src/store/sql/sql-tag.ts';
import {
  candidates,
  ftsMatch,
  RARE_CAP,
  RARE_WORDS,
  rarest,
  wordCounts,
} from '../../src/store/sqlite/answer-search.ts';

describe('answer search words', () => {
  it('keeps letters and digits only, lower case, each once, without stop words, at most twelve', () => {
    expect(searchTerms('The VPN (vpn!) won\'t "connect" AND -fails* NEAR/3 ÉTÉ 2FA x')).toEqual([
      'vpn',
      'connect',
      'fails',
      'near',
      'été',
      '2fa',
    ]);
    expect(searchTerms('the and of le la ir bet')).toEqual([]);
    expect(searchTerms(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '))).toHaveLength(12);
  });

  it('quotes every word for FTS5 and for to_tsquery, joined by OR', () => {
    expect(ftsMatch(['vpn', 'a"b'])).toBe('"vpn" OR "a""b"');
    expect(ftsMatch(['vpn', 'token'], 'AND')).toBe('"vpn" AND "token"');
    expect(anyOf(['vpn', "o'k", 'a\\b'])).toBe("'vpn' | 'o''k' | 'a\\\\b'");
  });

  it('SQLite matches the rarest words: the rarest first, then more while rare together', () => {
    expect(rarest(['common', 'rare', 'absent', 'mid'], [RARE_CAP, 3, 0, RARE_CAP - 3])).toEqual([
      'rare',
      'mid',
    ]);
    expect(rarest(['rare', 'mid'], [3, RARE_CAP - 2])).toEqual(['rare']);
    // All common: the least common one alone.
    expect(rarest(['a1', 'b1'], [RARE_CAP, RARE_CAP - 1])).toEqual(['b1']);
    expect(rarest(['x', 'y'], [0, 0])).toEqual([]);
    const many = Array.from({ length: 8 }, (_, i) => `w${i}`);
    expect(
      rarest(
        many,
        many.map(() => 1),
      ),
    ).toHaveLength(RARE_WORDS);
  });
});

describe('answer search on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ladder-answer-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads entries through the FTS index and their primary key, never a scan', async () => {
    const url = `file:${path.join(dir, 'bank.db')}`;
    await applyMigrations(url);
    const db = new Database(url.slice('file:'.length));
    try {
      const plan = (statement: Sql) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.values) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
      for (const query of [
        { text: 'vpn', limit: 3 },
        { text: 'vpn', topic: 'network', locale: 'en' as const, limit: 3 },
      ]) {
        const text = plan(candidates(ftsMatch(['vpn', 'token']), query, 12));
        expect(text).toMatch(/VIRTUAL TABLE INDEX/);
        expect(text).toMatch(/SEARCH a USING INTEGER PRIMARY KEY/);
        expect(text).not.toMatch(/SCAN a\b/);
      }
      expect(plan(wordCounts(['vpn', 'token']))).not.toMatch(/SCAN answer_bank\b/);
    } finally {
      db.close();
    }
  });

  it('with common words only, finds the entries holding the two rarest together, else the rarest', async () => {
    const url = `file:${path.join(dir, 'common.db')}`;
    await applyMigrations(url);
    const db = new Database(url.slice('file:'.length));
    const insert = db.prepare(
      `INSERT INTO answer_bank (id, case_id, topic, team, locale, text, source, created_at, updated_at)
       VALUES (?, ?, 'network', 'it', 'en', ?, 'resolution', ?, ?)`,
    );
    const texts = [
      ...Array.from({ length: RARE_CAP }, (_, i) => `router reboot step ${i}`),
      ...Array.from({ length: RARE_CAP }, (_, i) => `router firmware step ${i}`),
      ...Array.from({ length: RARE_CAP }, (_, i) => `cable firmware step ${i}`),
      'router firmware cable: all three',
    ];
    db.transaction(() => texts.forEach((text, i) => insert.run(`e${i}`, `c${i}`, text, i, i)))();
    db.close();
    const store = await openStore({ databaseUrl: url });
    try {
      const found = await store.answers.similar({ text: 'router cable firmware', limit: 3 });
      expect(found[0]).toMatchObject({ entry: { text: 'router firmware cable: all three' }, score: 1 });
      expect(found).toHaveLength(3);
      // reboot and cable never meet: the rarest alone.
      const apart = await store.answers.similar({ text: 'reboot cable', limit: 3 });
      expect(apart).toHaveLength(3);
      expect(apart.map((m) => m.score)).toEqual([0.5, 0.5, 0.5]);
    } finally {
      await store.close();
    }
  });
});
