// Adapters plug into the app through two doors only: the core's public entry (src/core/index.ts)
// and src/platform (what every adapter plugs into). This test reads every adapter file, the shared
// kit's too, and fails on any other import of the app: src/store, src/jobs, src/config, src/log or
// a deep core path. Between adapters, each platform may use adapters/shared and its own files, never
// the other platform's; the kit uses neither platform.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, tsFiles } from '../support/source-files.ts';

const ADAPTERS = join(ROOT, 'adapters');
const PLATFORMS = ['slack', 'discord'] as const;

/** Where an adapter file lives: `adapters/<folder>/…`. */
const folderOf = (target: string): string => target.split('/')[1] ?? '';

/** The imports of `file` that reach through a door other than those allowed. */
function forbiddenImports(file: string, source: string): string[] {
  const from = folderOf(relative(ROOT, file));
  return importsOf(source).filter((spec) => {
    if (!spec.startsWith('.')) return false; // packages (the platform SDKs) are the adapter's own
    const target = relative(ROOT, join(file, '..', spec));
    if (target.startsWith('adapters/')) {
      const to = folderOf(target);
      return to !== from && to !== 'shared';
    }
    return target !== 'src/core/index.ts' && !target.startsWith('src/platform/');
  });
}

describe('adapter boundary', () => {
  const all = tsFiles(ADAPTERS);

  it('finds the adapter files, the shared kit’s among them', () => {
    expect(all.length).toBeGreaterThan(40);
    for (const folder of [...PLATFORMS, 'shared']) {
      expect(all.some((f) => relative(ADAPTERS, f).startsWith(`${folder}/`))).toBe(true);
    }
  });

  it.each(all.map((f) => [relative(ROOT, f), f]))(
    '%s imports the app only through src/core/index.ts and src/platform, and no other adapter',
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
      "import { label } from '../render/labels.ts';",
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

  it('the checker itself catches one platform importing the other, and the kit importing a platform', () => {
    const slack = join(ADAPTERS, 'slack/delivery/sink.ts');
    expect(
      forbiddenImports(
        slack,
        [
          "import { neutralise } from '../../discord/render/markdown.ts';",
          "import { refusalText } from '../../shared/refusals.ts';",
          "import { label } from '../render/labels.ts';",
        ].join('\n'),
      ),
    ).toEqual(['../../discord/render/markdown.ts']);
    const shared = join(ADAPTERS, 'shared/refusals.ts');
    expect(
      forbiddenImports(
        shared,
        [
          "import { neutralise } from '../slack/render/escape.ts';",
          "import { shownParams } from './params.ts';",
          "import { renderText } from '../../src/core/index.ts';",
          "import { renderText as deep } from '../../src/core/texts/render.ts';",
        ].join('\n'),
      ),
    ).toEqual(['../slack/render/escape.ts', '../../src/core/texts/render.ts']);
  });
});
