// The AwayBook in SQL, the same statements on SQLite and PostgreSQL: one `staff_away` row per person.
import type { AwayBook, AwayEntry } from '../../core/ports.ts';
import { fromMs, toMs } from './rows.ts';
import type { SqlStoreContext } from './sql-context.ts';
import { sqltag as sql } from './sql-tag.ts';

type Int = bigint | number;

interface AwayFields {
  personId: string;
  since: Int;
  until: Int | null;
}

const toEntry = (r: AwayFields): AwayEntry => ({
  personId: r.personId,
  since: fromMs(r.since),
  until: r.until === null ? null : fromMs(r.until),
});

export function sqlAwayBook({ db, turn, read }: SqlStoreContext): AwayBook {
  return {
    setAway: (entry) =>
      turn(async () => {
        const until = entry.until === null ? null : toMs(entry.until);
        await db.execute(sql`
          INSERT INTO staff_away (person_id, away_since, away_until)
          VALUES (${entry.personId}, ${toMs(entry.since)}, ${until})
          ON CONFLICT (person_id) DO UPDATE
          SET away_since = excluded.away_since, away_until = excluded.away_until`);
      }),
    clearAway: (personId, now) =>
      turn(async () => {
        const [row] = await db.query<Pick<AwayFields, 'until'>>(sql`
          DELETE FROM staff_away WHERE person_id = ${personId} RETURNING away_until AS "until"`);
        return row !== undefined && (row.until === null || Number(row.until) > now.getTime());
      }),
    listAway: (now) =>
      read(async () => {
        const rows = await db.query<AwayFields>(sql`
          SELECT person_id AS "personId", away_since AS "since", away_until AS "until"
          FROM staff_away WHERE away_until IS NULL OR away_until > ${toMs(now)}
          ORDER BY person_id`);
        return rows.map(toEntry);
      }),
  };
}
