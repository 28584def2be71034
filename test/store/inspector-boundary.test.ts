// The store's inspector (src/store/inspector.ts) answers what only tests, the demo and the
// benchmarks ask. No part of the running app may use it: this test reads every source file of the
// app and the adapters and fails on an import of it, on its store type, or on a call through it.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, tsFiles } from '../support/source-files.ts';

/** Where the inspector may be named: its implementations, and the demo. */
const ALLOWED = ['src/store/', 'src/demo/'];

/** What a file uses the inspector by, if anything. */
function inspectorUses(source: string): string[] {
  const found = importsOf(source).filter((spec) => /(^|\/)inspector\.ts$/.test(spec));
  if (/\bInspectableStore\b/.test(source)) found.push('InspectableStore');
  if (/\.inspect\s*\./.test(source)) found.push('.inspect.');
  return found;
}

describe('the store inspector is for tests, the demo and benchmarks only', () => {
  const app = [...tsFiles(join(ROOT, 'src')), ...tsFiles(join(ROOT, 'adapters'))]
    .map((file) => relative(ROOT, file))
    .filter((file) => !ALLOWED.some((dir) => file.startsWith(dir)));

  it('finds the app’s files', () => {
    expect(app).toContain('src/main.ts');
    expect(app.some((f) => f.startsWith('adapters/slack/'))).toBe(true);
  });

  it.each(app)('%s does not use the inspector', (file) => {
    expect(inspectorUses(readFileSync(join(ROOT, file), 'utf8'))).toEqual([]);
  });

  it('the checker catches an import, the store type and a call', () => {
    expect(inspectorUses("import type { StoreInspector } from '../store/inspector.ts';")).toEqual([
      '../store/inspector.ts',
    ]);
    expect(inspectorUses('const s: InspectableStore = x;')).toEqual(['InspectableStore']);
    expect(inspectorUses('await store.inspect.listOutbox({});')).toEqual(['.inspect.']);
    expect(inspectorUses('const store: Store = await openStore();')).toEqual([]);
  });
});
