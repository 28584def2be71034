// Throwaway migrations directories: the committed ones plus extra migrations written after them,
// or only those before a given one (to write rows as an older schema had them).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
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

/** Copies into a new directory under `parent` only the committed migrations that come before `first`. */
export function migrationsBefore(committed: string, parent: string, first: string): string {
  const target = mkdtempSync(path.join(parent, 'before-'));
  for (const name of readdirSync(committed).filter((n) => n < first && !n.endsWith('.toml'))) {
    cpSync(path.join(committed, name), path.join(target, name), { recursive: true });
  }
  return target;
}
