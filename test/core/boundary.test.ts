// src/core is platform-neutral: no SDK, no Prisma, no I/O, no wall clock. This test reads every
// file under it and fails on any forbidden import or clock read.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '../../src/core');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

const ALLOWED_PACKAGES = new Set(['luxon']);
const FORBIDDEN_CALLS: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, 'Date.now()'],
  [/\bnew Date\(\s*\)/, 'new Date() with no argument'],
  [/\bDateTime\.(now|local)\(\s*\)/, 'luxon DateTime.now()/local() with no argument'],
  [/\bperformance\.now\s*\(/, 'performance.now()'],
  [/\bprocess\./, 'process'],
  [/\bsetTimeout\s*\(|\bsetInterval\s*\(/, 'timers'],
  [/\bMath\.random\s*\(/, 'Math.random() (use the Ids port)'],
];

/** Module specifiers of import/export-from statements and dynamic imports. */
function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(
    /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
  )) {
    specs.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return specs;
}

describe('core boundary', () => {
  const all = files(CORE);

  it('finds the core files', () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((f) => [relative(CORE, f), f]))('%s imports only core modules and luxon', (_name, file) => {
    const bad = importsOf(readFileSync(file, 'utf8')).filter((spec) => {
      if (spec.startsWith('.')) return !join(file, '..', spec).startsWith(CORE);
      return !ALLOWED_PACKAGES.has(spec);
    });
    expect(bad).toEqual([]);
  });

  it.each(all.map((f) => [relative(CORE, f), f]))(
    '%s never reads the wall clock or the process',
    (_name, file) => {
      const source = readFileSync(file, 'utf8');
      const found = FORBIDDEN_CALLS.filter(([re]) => re.test(source)).map(([, what]) => what);
      expect(found).toEqual([]);
    },
  );

  it('the checker itself catches a forbidden import and a clock read', () => {
    expect(importsOf("import { App } from '@slack/bolt';\nimport x from './y.ts';")).toEqual([
      '@slack/bolt',
      './y.ts',
    ]);
    expect(FORBIDDEN_CALLS.some(([re]) => re.test('const t = Date.now();'))).toBe(true);
    expect(FORBIDDEN_CALLS.some(([re]) => re.test('const t = new Date(iso);'))).toBe(false);
  });
});
