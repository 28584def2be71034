// The node command `npm start` ends with (package.json: `npm run build --silent && exec node
// <flags> <entry>`), for the test that runs the built bot and for the benchmarks, which run with the same
// V8 flags as the product.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export function startCommand(): { flags: string[]; entry: string } {
  const start: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  // `exec node …`: the shell gives its pid to node, so a signal to npm's child reaches the bot.
  const words = (start.split('&&').at(-1)?.trim().split(/\s+/) ?? []).filter((w) => w !== 'exec');
  const entry = words.at(-1);
  if (words[0] !== 'node' || !entry)
    throw new Error(`npm start no longer ends with a node command: ${start}`);
  return { flags: words.slice(1, -1).filter((w) => !w.startsWith('--env-file')), entry };
}
