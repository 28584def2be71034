// Tagged SQL: a statement's text and its values, kept apart so values are always bound, never
// spliced. The same semantics as Prisma's `sqltag` (the sql-template-tag package it vendors) —
// nested statements flatten into one, `join` lists values, `raw` is trusted text — in a few lines,
// so the SQLite store does not load Prisma's runtime (~20 MB resident) for a template tag.
// `.sql` has `?` placeholders (SQLite), `.text` has `$1, $2, …` (PostgreSQL).

export class Sql {
  readonly strings: string[];
  readonly values: unknown[];

  constructor(rawStrings: readonly string[], rawValues: readonly unknown[]) {
    if (rawStrings.length !== rawValues.length + 1) {
      throw new TypeError(`Sql: expected ${rawValues.length + 1} strings, got ${rawStrings.length}`);
    }
    this.strings = [rawStrings[0] ?? ''];
    this.values = [];
    const append = (text: string) => {
      this.strings[this.strings.length - 1] += text;
    };
    rawValues.forEach((value, i) => {
      const next = rawStrings[i + 1] ?? '';
      if (value instanceof Sql) {
        append(value.strings[0] ?? '');
        value.values.forEach((nested, k) => {
          this.values.push(nested);
          this.strings.push(value.strings[k + 1] ?? '');
        });
        append(next);
      } else {
        this.values.push(value);
        this.strings.push(next);
      }
    });
  }

  /** The text with `?` placeholders. */
  get sql(): string {
    return this.strings.join('?');
  }

  /** The text with `$1, $2, …` placeholders. */
  get text(): string {
    return this.strings.reduce((text, part, i) => `${text}$${i}${part}`);
  }
}

export function sqltag(strings: readonly string[], ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted text (identifiers, keywords), spliced as is. */
export const raw = (text: string): Sql => new Sql([text], []);

export const empty: Sql = raw('');

/** The values (or statements) separated by `separator`; at least one. */
export function join(values: readonly unknown[], separator = ',', prefix = '', suffix = ''): Sql {
  if (values.length === 0) throw new TypeError('join: expected at least one value');
  return new Sql([prefix, ...Array<string>(values.length - 1).fill(separator), suffix], values);
}
