// `npm run privacy -- export|erase <person>`: its command line (usage, exit code 64), and the
// whole round on SQLite and PostgreSQL: an export lists exactly the person's data and is recorded,
// an erasure leaves nothing of their words for a later export to find. One run goes through npm,
// beside a store that holds the bot's writer lock on the same file.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { PersonData } from '../../src/core/ports.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { InspectableStore } from '../../src/store/store.ts';
import { EXIT, type PrivacyDeps, runPrivacy, USAGE } from '../../src/privacy/run-privacy.ts';
import { at, MIN, newId } from '../support/case-factory.ts';
import { itOnEachDatabase } from '../support/each-database.ts';
import { ANA, ANA_MARKER, BEN, seedStory } from '../store/data-rights-story.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = at(900 * MIN);

/** Runs the command on `store` (left open: the command's close is a no-op here). */
async function privacy(store: InspectableStore, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const deps: PrivacyDeps = {
    open: async () => ({ privacy: store.privacy, close: async () => {} }),
    clock: { now: () => NOW },
    ids: { next: () => newId('cli') },
    defaultRequester: 'operator:tester',
    out: (text) => out.push(text),
    err: (text) => err.push(text),
  };
  const code = await runPrivacy(argv, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the privacy command line', () => {
  const store = createMemoryStore();

  it.each([
    [[], 'Say what to do: export or erase.'],
    [['delete', ANA], 'Unknown command "delete".'],
    [['export'], 'Say whose data to export.'],
    [['erase', 'Ana Petraitė'], '"Ana Petraitė" is not an id (ids have no spaces).'],
    [['export', ANA, BEN], `One person at a time: unexpected "${BEN}".`],
    [['export', ANA, '--force'], "Unknown option '--force'"],
  ])('refuses %j with a reason, the usage and exit code 64', async (argv, reason) => {
    const result = await privacy(store, ...argv);
    expect(result.code).toBe(EXIT.usage);
    expect(result.err.startsWith(reason)).toBe(true);
    expect(result.err).toContain(USAGE);
    expect(result.out).toBe('');
  });

  it('prints the usage on --help', async () => {
    expect(await privacy(store, '--help')).toEqual({ code: 0, out: USAGE, err: '' });
  });

  it('says so when nothing is stored about the person, and records nothing', async () => {
    const result = await privacy(store, 'erase', 'discord:1');
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/nothing is stored about discord:1/);
    expect(JSON.parse(result.out)).toEqual({
      person: 'discord:1',
      cases: 0,
      otherCases: 0,
      events: 0,
      notices: 0,
      references: 0,
    });
  });
});

/** Export, erase, export again: what each prints and records. */
async function roundTrip(store: InspectableStore) {
  const { ana, ben } = await seedStory(store);
  const exported = await privacy(store, 'export', ANA, '--by', 'operator:dpo');
  expect(exported.code).toBe(0);
  const data = JSON.parse(exported.out) as PersonData;
  expect(data.cases.map((c) => c.case.id)).toEqual([ana.id]);
  expect(exported.out).toMatch(ANA_MARKER);
  expect(exported.out).not.toContain(ben.id);
  expect(exported.out).not.toContain(BEN);

  const erased = await privacy(store, 'erase', ANA);
  expect(erased.code).toBe(0);
  expect(JSON.parse(erased.out)).toEqual({
    person: ANA,
    cases: 1,
    otherCases: 0,
    events: 4,
    notices: 2,
    references: 2,
  });

  const after = await privacy(store, 'export', ANA);
  expect(after.out).not.toMatch(ANA_MARKER);
  const trail = (JSON.parse(after.out) as PersonData).cases[0]?.events ?? [];
  expect(trail.filter((e) => e.type.startsWith('data_')).map((e) => [e.type, e.actorId, e.at])).toEqual([
    ['data_exported', 'operator:dpo', NOW.toISOString()],
    ['data_erased', 'operator:tester', NOW.toISOString()],
  ]);
}

describe('export and erase on SQLite and PostgreSQL', () => {
  itOnEachDatabase('export, erase, export again', roundTrip);

  const dir = mkdtempSync(path.join(tmpdir(), 'privacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('through npm, on the file a running bot holds, and with exit code 64 for a wrong command line', async () => {
    const url = `file:${path.join(dir, 'npm.db')}`;
    const bot = await openStore({ databaseUrl: url }); // holds the writer lock, as the bot would
    try {
      const { ana } = await seedStory(bot);
      const run = (...args: string[]) =>
        promisify(execFile)('npm', ['run', '--silent', 'privacy', '--', ...args], {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: url },
        });
      const { stdout } = await run('export', ANA);
      expect((JSON.parse(stdout) as PersonData).cases.map((c) => c.case.id)).toEqual([ana.id]);
      const wrong = await run('forget', ANA).catch((e: { code: number; stderr: string }) => e);
      expect(wrong).toMatchObject({ code: 64, stderr: expect.stringContaining('Unknown command "forget".') });
      const events = await bot.inspect.listEvents(ana.id);
      expect(events.at(-1)).toMatchObject({ type: 'data_exported', data: { person: ANA } });
      expect(events.at(-1)?.actorId).toMatch(/^operator:/);
    } finally {
      await bot.close();
    }
  }, 60_000);
});
