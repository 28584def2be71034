// The node command `npm start` ends with (package.json: `npm run build --silent && node <flags>
// <entry>`), for the test that runs the built bot and for the benchmarks, which run with the same
// V8 flags as the product.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function startCommand(): { flags: string[]; entry: string } {
  const start: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  const words = start.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  const entry = words.at(-1);
  if (words[0] !== 'node' || !entry)
    throw new Error(`npm start no longer ends with a node command: ${start}`);
  return { flags: words.slice(1, -1).filter((w) => !w.startsWith('--env-file')), entry };
}
