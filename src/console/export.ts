// CSV downloads: /export/cases.csv (each case of the period, one row) and /export/report.csv (the
// report's numbers, one row per team and measure), for the last 7 or 30 days, optionally one team.
// Codes stay codes (status, level, outcome) so a spreadsheet can filter on them in any language.
import type { Context, Hono } from 'hono';
import type { Report, WindowCounts } from '../core/index.ts';
import type { Case, CaseWindowKind } from '../core/model.ts';
import type { ConsoleDeps, ConsoleEnv } from './app.ts';
import { type Cell, toCsv } from './csv.ts';
import { teamParam } from './pages/reports.ts';
import { loadReport, periodDays, readTrails } from './report-data.ts';
import { personName } from './view.ts';

const KINDS: readonly CaseWindowKind[] = ['first_response', 'callback', 'approval'];
/** Excel reads UTF-8 (Lithuanian and French names) only with a byte-order mark. */
const BOM = '\ufeff';

function caseRow(deps: ConsoleDeps, c: Case): Cell[] {
  const w = c.window;
  return [
    c.number,
    c.id,
    c.workspace,
    c.team,
    c.topic,
    c.priority,
    c.level,
    c.status,
    c.customer.name,
    c.ownerId === null ? '' : personName(deps.config, c.ownerId),
    c.expertId === null ? '' : personName(deps.config, c.expertId),
    w?.kind,
    w?.holder === null || w === null ? '' : personName(deps.config, w.holder),
    w?.dueAt,
    w?.paused ? 'yes' : '',
    c.risk.band,
    c.createdAt,
    c.updatedAt,
    c.resolvedAt,
    c.closedAt,
    c.rating?.score,
    c.rating?.comment,
    c.words,
  ];
}

const CASE_HEADER = [
  'number',
  'id',
  'workspace',
  'team',
  'topic',
  'priority',
  'level',
  'status',
  'customer',
  'owner',
  'expert',
  'window',
  'window_holder',
  'window_due',
  'window_paused',
  'risk',
  'created',
  'updated',
  'resolved',
  'closed',
  'rating',
  'rating_comment',
  'request',
];

function reportRows(scope: string, r: Report): Cell[][] {
  const rows: Cell[][] = [];
  const add = (measure: string, value: Cell) => rows.push([scope, measure, value]);
  const counts = (prefix: string, c: WindowCounts) => {
    add(`${prefix}.kept`, c.kept);
    add(`${prefix}.missed`, c.missed);
    add(`${prefix}.renegotiated`, c.renegotiated);
    add(`${prefix}.kept_percent`, c.keptPercent);
  };
  add('kept_percent', r.keptPercent);
  counts('windows', r.windows.all.all);
  for (const kind of KINDS) counts(`windows.${kind}`, r.windows.all.byKind[kind]);
  const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 6_000) / 10);
  add('first_response.count', r.responseTimes.firstResponse.wall.count);
  add('first_response.p50_minutes', minutes(r.responseTimes.firstResponse.wall.p50Ms));
  add('first_response.p90_minutes', minutes(r.responseTimes.firstResponse.wall.p90Ms));
  add('first_response.business_p50_minutes', minutes(r.responseTimes.firstResponse.policyClock.p50Ms));
  add('first_response.business_p90_minutes', minutes(r.responseTimes.firstResponse.policyClock.p90Ms));
  add('resolution.p50_minutes', minutes(r.responseTimes.resolution.wall.p50Ms));
  add('resolution.p90_minutes', minutes(r.responseTimes.resolution.wall.p90Ms));
  add('csat.count', r.csat.count);
  add('csat.average', r.csat.average === null ? null : Math.round(r.csat.average * 100) / 100);
  for (const score of [1, 2, 3, 4, 5] as const) add(`csat.score_${score}`, r.csat.distribution[score]);
  add('escalations.requested', r.escalations.requested);
  add('escalations.approved', r.escalations.approved);
  add('escalations.declined', r.escalations.declined);
  add('escalations.decision_p50_minutes', minutes(r.escalations.decisionTime.wall.p50Ms));
  add('escalations.decision_p90_minutes', minutes(r.escalations.decisionTime.wall.p90Ms));
  add('risk.rises_elevated', r.risk.rises.elevated);
  add('risk.rises_high', r.risk.rises.high);
  add('risk.at_risk_at_end', r.risk.atRiskAtEnd);
  add('level4.cases', r.risk.outside.cases.length);
  for (const [outcome, count] of Object.entries(r.risk.outside.outcomes)) add(`level4.${outcome}`, count);
  add('reopens.reopened', r.reopens.reopened);
  add('reopens.finished_cases', r.reopens.finishedCases);
  add('reopens.rate', r.reopens.rate);
  for (const c of r.csat.comments) add(`csat.comment.case_${c.number}`, `${c.score}: ${c.comment}`);
  return rows;
}

function csvResponse(c: Context, name: string, body: string): Response {
  return c.body(BOM + body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${name}"`,
  });
}

export function exportRoutes(app: Hono<ConsoleEnv>, deps: ConsoleDeps): void {
  const input = (c: Context<ConsoleEnv>) => {
    const view = c.get('view');
    const team = teamParam(view, c.req.query('team'));
    const days = periodDays(c.req.query('days'));
    const teams = Object.keys(deps.config.desk.directory.teams);
    return { days, now: view.now, teams, ...(team ? { team } : {}) };
  };

  app.get('/export/cases.csv', async (c) => {
    const options = input(c);
    const { trails } = await readTrails(deps.reports, options);
    const rows = trails
      .map((t) => t.case)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number)
      .map((k) => caseRow(deps, k));
    return csvResponse(c, `cases-${options.days}d.csv`, toCsv(CASE_HEADER, rows));
  });

  app.get('/export/report.csv', async (c) => {
    const options = input(c);
    const report = await loadReport(deps.reports, options);
    const rows = [
      ...(options.team ? [] : reportRows('all', report.overall)),
      ...report.teams.flatMap((t) => reportRows(t.team, t.report)),
    ];
    const from = report.from.toISOString();
    const to = report.to.toISOString();
    return csvResponse(
      c,
      `report-${options.days}d.csv`,
      toCsv(
        ['from', 'to', 'team', 'measure', 'value'],
        rows.map((r) => [from, to, ...r]),
      ),
    );
  });
}
