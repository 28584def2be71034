// What the operator's dashboards read, in SQL (see OperationsReads): unsent notices by platform and
// status, and a ping. The platform is the prefix of the case's conversation, spelled out in a CASE
// so the statement is the same on SQLite and PostgreSQL.
import { sqltag as sql } from './sql-tag.ts';
import type { OperationsReads } from '../../core/ports.ts';
import type { NoticeStatus } from '../../core/model.ts';
import type { SqlStoreContext } from './sql-context.ts';

export function sqlOperationsReads({ db, read }: SqlStoreContext): OperationsReads {
  return {
    outboxCounts: () =>
      read(async () => {
        const rows = await db.query<{ platform: string; status: NoticeStatus; n: bigint | number }>(sql`
          SELECT CASE WHEN c.conversation LIKE 'slack:%' THEN 'slack'
                      WHEN c.conversation LIKE 'discord:%' THEN 'discord'
                      ELSE 'other' END AS "platform",
                 o.status AS "status", count(*) AS "n"
          FROM outbox o JOIN cases c ON c.id = o.case_id
          WHERE o.status <> 'sent'
          GROUP BY 1, 2`);
        return rows.map((r) => ({ platform: r.platform, status: r.status, count: Number(r.n) }));
      }),
    ping: () =>
      read(async () => {
        await db.query(sql`SELECT 1 AS "one"`);
      }),
  };
}
