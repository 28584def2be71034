// Small helpers shared by the benchmarks: percentiles and result files.
import type Database from 'better-sqlite3';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The p-th percentile (nearest rank) of the values, in their unit, rounded to 0.01. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[rank] ?? Number.NaN) * 100) / 100;
}

export const RESULTS_DIR = join(import.meta.dirname, 'results');

/** Writes bench/results/<name>.json with the date and machine alongside the figures. */
export function writeResult(name: string, result: object): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const body = { name, date: new Date().toISOString(), node: process.version, ...result };
  writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(body, null, 2)}\n`);
}

/** A prepared `INSERT` of the given columns (named parameters), for seeding and raw floors. */
export function preparedInsert(
  db: Database.Database,
  table: string,
  columns: Record<string, unknown>,
): Database.Statement {
  const names = Object.keys(columns);
  return db.prepare(
    `INSERT INTO "${table}" (${names.map((k) => `"${k}"`).join(',')}) VALUES (${names.map((k) => `@${k}`).join(',')})`,
  );
}
