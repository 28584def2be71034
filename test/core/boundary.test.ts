// src/core is platform-neutral: no SDK, no Prisma, no I/O, no wall clock. This test reads every
// file under it and fails on any forbidden import or clock read.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, tsFiles } from '../support/source-files.ts';

const CORE = join(ROOT, 'src/core');

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

describe('core boundary', () => {
  const all = tsFiles(CORE);

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
