// Diagnostic (not a judged goal): the pages one new case writes to SQLite's WAL, by the b-tree
// they belong to (a table or an index), through the app's own path (desk -> SQLite store). Opens
// 10 cases on a fresh database, then one more, and reads the frames that last commit appended.
//   node --import tsx bench/wal-pages.ts [--example]   (--example: config/support.example.yaml)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../src/config/load-config.ts';
import { createDesk } from '../src/core/desk.ts';
import { newId } from '../src/ids.ts';
import { openStore } from '../src/store/open-store.ts';
import { customer, deskConfig } from '../test/support/desk-fixture.ts';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const dir = mkdtempSync(join(tmpdir(), 'bench-wal-pages-'));
try {
  const file = join(dir, 'wal-pages.db');
  const store = await openStore({ databaseUrl: `file:${file}` });
  const config = process.argv.includes('--example')
    ? loadConfig('config/support.example.yaml').desk
    : deskConfig();
  const desk = createDesk({ store, clock: { now: () => new Date() }, ids: { next: () => newId() }, config });
  const open = (i: number) =>
    desk.openCase({
      workspace: 'bench',
      audience: 'internal',
      conversation: `slack:T1:C1:${i}`,
      customer: { ...customer, id: `slack:T1:U${i}` },
      text: 'The export page times out after the upgrade',
      topic: 'billing',
    });
  for (let i = 0; i < 10; i++) await open(i);
  const wal = () => readFileSync(`${file}-wal`);
  const before = wal().length;
  await open(10);
  const after = wal();
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const owner = db.prepare('SELECT name FROM dbstat WHERE pageno = ?');
  const counts = new Map<string, number>();
  let frames = 0;
  for (
    let at = Math.max(before, WAL_HEADER);
    at + FRAME_HEADER <= after.length;
    at += FRAME_HEADER + pageSize
  ) {
    const page = after.readUInt32BE(at);
    const name = (owner.get(page) as { name: string } | undefined)?.name ?? `page ${page}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    frames += 1;
  }
  db.close();
  await store.close();
  console.log(`one new case wrote ${frames} WAL pages:`);
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`  ${n} ${name}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
