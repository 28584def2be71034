// Compiles test/types/vocabulary.check.ts with the project's compiler options, so the suite itself
// proves the typed vocabulary: as written it compiles cleanly (each `@ts-expect-error` marks a real
// error), and with the markers taken out, exactly the marked lines fail.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/source-files.ts';

const FILE = join(ROOT, 'test/types/vocabulary.check.ts');
const MARKER = '// @ts-expect-error';

function compilerOptions(): ts.CompilerOptions {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.json'), (path) => ts.sys.readFile(path));
  return ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT).options;
}

/** The 1-based lines of `source` with an error, compiling it in place of the file. */
function errorLines(source: string, oldProgram?: ts.Program): { lines: number[]; program: ts.Program } {
  const options = compilerOptions();
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === FILE ? ts.createSourceFile(name, source, language) : read(name, language, ...rest);
  const program = ts.createProgram({
    rootNames: [FILE],
    options,
    host,
    ...(oldProgram ? { oldProgram } : {}),
  });
  const file = program.getSourceFile(FILE);
  const lines = ts
    .getPreEmitDiagnostics(program, file)
    .map((d) =>
      d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    );
  return { lines: [...new Set(lines)].sort((a, b) => a - b), program };
}

describe('the typed vocabulary (texts, errors, events, references)', () => {
  const source = readFileSync(FILE, 'utf8');

  it('compiles as written, every marked line failing, and only those without their markers', () => {
    const asWritten = errorLines(source);
    expect(asWritten.lines).toEqual([]);
    const lines = source.split('\n');
    const marked = lines.flatMap((line, i) => (line.trim().startsWith(MARKER) ? [i + 2] : []));
    expect(marked.length).toBeGreaterThanOrEqual(12);
    // Each marker replaced by an empty line keeps the line numbers.
    const unmarked = lines.map((line) => (line.trim().startsWith(MARKER) ? '' : line)).join('\n');
    expect(errorLines(unmarked, asWritten.program).lines).toEqual(marked);
  }, 60_000);
});
