// A throwaway migrations directory: the committed ones plus extra migrations written after them.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Copies `committed` into a new directory under `parent` and adds `extra` (name -> SQL). */
export function migrationsWith(committed: string, parent: string, extra: Record<string, string>): string {
  const target = mkdtempSync(path.join(parent, 'migrations-'));
  cpSync(committed, target, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(target, name));
    writeFileSync(path.join(target, name, 'migration.sql'), sql);
  }
  return target;
}
