// Adapters plug into the app through two doors only: the core's public entry (src/core/index.ts)
// and src/platform (what every adapter plugs into). This test reads every adapter file and fails
// on any other import of the app: src/store, src/jobs, src/config, src/log or a deep core path.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, tsFiles } from '../support/source-files.ts';

const ADAPTERS = join(ROOT, 'adapters');

/** The imports of `file` that reach outside adapters/ through a door other than the two allowed. */
function forbiddenImports(file: string, source: string): string[] {
  return importsOf(source).filter((spec) => {
    if (!spec.startsWith('.')) return false; // packages (the platform SDKs) are the adapter's own
    const target = relative(ROOT, join(file, '..', spec));
    if (target.startsWith('adapters/')) return false;
    return target !== 'src/core/index.ts' && !target.startsWith('src/platform/');
  });
}

describe('adapter boundary', () => {
  const all = tsFiles(ADAPTERS);

  it('finds the adapter files', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it.each(all.map((f) => [relative(ROOT, f), f]))(
    '%s imports the app only through src/core/index.ts and src/platform',
    (_name, file) => {
      expect(forbiddenImports(file, readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('the checker itself catches a deep core path, the store, the jobs, the config, the log and tests', () => {
    const file = join(ADAPTERS, 'slack/inbound/intake.ts');
    const source = [
      "import { Case } from '../../../src/core/model.ts';",
      "import { openStore } from '../../../src/store/open-store.ts';",
      "import { NOTICE_PACE_MS } from '../../../src/jobs/dispatch-notices.ts';",
      "import { loadConfig } from '../../../src/config/load-config.ts';",
      "import { createLogger } from '../../../src/log.ts';",
      "import { harness } from '../../../test/support/desk-harness.ts';",
      "import { createDesk } from '../../../src/core/index.ts';",
      "import type { Logger } from '../../../src/platform/adapter.ts';",
      "import { App } from '@slack/bolt';",
      "import { label } from '../text/labels.ts';",
    ].join('\n');
    expect(forbiddenImports(file, source)).toEqual([
      '../../../src/core/model.ts',
      '../../../src/store/open-store.ts',
      '../../../src/jobs/dispatch-notices.ts',
      '../../../src/config/load-config.ts',
      '../../../src/log.ts',
      '../../../test/support/desk-harness.ts',
    ]);
  });
});
