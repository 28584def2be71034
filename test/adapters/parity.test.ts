// Parity: every desk command a person can give has an entry point on each platform (the adapter,
// or the kit they share, calls it), the playground's panes included: a new command without one
// fails this test. NOT_YET is where a gap would be named while it is being closed; it is empty.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../src/core/desk.ts';
import type { Platform } from '../../src/platform/adapter.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { deskConfig } from '../support/desk-fixture.ts';
import { SequentialIds } from '../support/fake-clock.ts';
import { ROOT, tsFiles } from '../support/source-files.ts';

/** What the desk offers that is not a person's command (reads, and the jobs' own work). */
const NOT_COMMANDS = new Set([
  'config',
  'sweep',
  'repair',
  'getCase',
  'findCaseByConversation',
  'listCases',
  'openCasesOf',
  'awayNow',
]);

/** Commands with no entry point yet on a platform: none now; to be emptied, never grown. */
const NOT_YET: Record<Platform, readonly string[]> = {
  slack: [],
  discord: [],
  playground: [],
};

const desk = createDesk({
  store: createMemoryStore(),
  clock: { now: () => new Date('2026-11-23T08:00:00Z') },
  ids: new SequentialIds(),
  config: deskConfig(),
});
const COMMANDS = Object.keys(desk)
  .filter((name) => !NOT_COMMANDS.has(name))
  .sort();

/** The desk commands the platform's code (with the shared kit) calls. */
function called(platform: Platform): Set<string> {
  const files = [...tsFiles(join(ROOT, 'adapters', platform)), ...tsFiles(join(ROOT, 'adapters/shared'))];
  const names = new Set<string>();
  for (const file of files) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bdesk\.(\w+)\(/g)) names.add(m[1] ?? '');
  }
  return names;
}

describe('every desk command has an entry point on every platform', () => {
  it('knows the desk’s commands', () => {
    expect(COMMANDS).toEqual(expect.arrayContaining(['openCase', 'answer', 'approve', 'recordOutside']));
  });

  it.each(['slack', 'discord', 'playground'] as const)('%s', (platform) => {
    const reached = called(platform);
    const missing = COMMANDS.filter((command) => !reached.has(command));
    expect(missing).toEqual([...NOT_YET[platform]].sort());
  });
});
