// Config files as text for the config tests: the example file with a section cut off (the smallest
// complete config at hand), and the problems a rejected file is reported with.
import { readFileSync } from 'node:fs';
import { ConfigError, parseConfig } from '../../src/config/load-config.ts';

const EXAMPLE = readFileSync('config/support.example.yaml', 'utf8');

/** The example file up to where `from` matches (that section and everything after it cut). */
export const exampleWithout = (from: RegExp): string => `${EXAMPLE.slice(0, EXAMPLE.search(from))}\n`;

/** The issues a file is rejected with; fails the test when it is accepted. */
export function problems(text: string): readonly string[] {
  try {
    parseConfig(text, 'support.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error('expected the config to be rejected');
}
