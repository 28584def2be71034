// Reports over the last 7 or 30 days, for every team together and each team: promises kept,
// windows by kind, response times, satisfaction with comments, escalations, risk and level 4,
// reopens; and two charts (queue length over time, kept % per day) drawn by uPlot in the browser.
import { html } from 'hono/html';
import type { Report, Score } from '../../core/index.ts';
import type { CaseWindowKind } from '../../core/model.ts';
import type { ConsoleDeps } from '../app.ts';
import { coreLabel, maybeDuration, percent, shortInstant } from '../format.ts';
import { href, jsonData, page } from '../layout.ts';
import { keptChart, loadReport, PERIODS, periodDays, queueChart } from '../report-data.ts';
import { consoleText, windowLabel } from '../texts.ts';
import { type Html, teamName, type View } from '../view.ts';

const KINDS: readonly CaseWindowKind[] = ['first_response', 'callback', 'approval'];
const SCORES: readonly Score[] = [5, 4, 3, 2, 1];

function stat(label: string, value: string, note = ''): Html {
  return html`<div class="stat">
    <div class="muted">${label}</div>
    <div class="value">${value}</div>
    ${note ? html`<div class="muted">${note}</div>` : ''}
  </div>`;
}

function windowsTable(view: View, r: Report): Html {
  const row = (label: string, c: Report['windows']['all']['all']) =>
    html`<tr>
      <td>${label}</td>
      <td class="num">${c.kept}</td>
      <td class="num">${c.missed}</td>
      <td class="num">${c.renegotiated}</td>
      <td class="num">${percent(c.keptPercent)}</td>
    </tr>`;
  return html`<table data-table="windows">
    <thead>
      <tr>
        <th>${view.t('col.kind')}</th>
        <th class="num">${view.t('col.kept')}</th>
        <th class="num">${view.t('col.missed')}</th>
        <th class="num">${view.t('col.renegotiated')}</th>
        <th class="num">${view.t('col.kept_percent')}</th>
      </tr>
    </thead>
    <tbody>
      ${KINDS.map((kind) => row(windowLabel(view.locale, kind), r.windows.all.byKind[kind]))}
    </tbody>
  </table>`;
}

function csat(view: View, r: Report): Html {
  const { csat: c } = r;
  const summary =
    c.average === null
      ? view.t('reports.csat_none')
      : view.t('reports.csat_average', { average: c.average.toFixed(1), count: c.count });
  return html`<p>${summary}</p>
    <table data-table="csat">
      <thead>
        <tr>
          <th>${view.t('col.score')}</th>
          <th class="num">${view.t('col.count')}</th>
        </tr>
      </thead>
      <tbody>
        ${SCORES.map(
          (s) =>
            html`<tr>
              <td>${'★'.repeat(s)}</td>
              <td class="num">${c.distribution[s]}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    ${
      c.comments.length === 0
        ? ''
        : html`<table data-table="comments">
            <thead>
              <tr>
                <th>${view.t('col.case')}</th>
                <th>${view.t('col.score')}</th>
                <th>${view.t('col.comment')}</th>
                <th>${view.t('col.when')}</th>
              </tr>
            </thead>
            <tbody>
              ${c.comments.map(
                (m) =>
                  html`<tr>
                    <td>
                      <a href="${href(view, `/cases/${encodeURIComponent(m.caseId)}`)}">#${m.number}</a>
                    </td>
                    <td>${m.score}/5</td>
                    <td class="notice-text">${m.comment}</td>
                    <td>${shortInstant(m.at, view.locale, view.timeZone)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}

function riskBlock(view: View, r: Report): Html {
  const { risk } = r;
  return html`<p>${view.t('reports.risk_rises', risk.rises)}</p>
    <p>${view.t('reports.at_risk', { count: risk.atRiskAtEnd })}</p>
    <p>${view.t('reports.outside', { count: risk.outside.cases.length })}</p>
    <p data-stat="recoveries">${view.t('reports.recoveries', { ...r.recoveries })}</p>
    ${
      risk.outside.cases.length === 0
        ? ''
        : html`<table data-table="outside">
            <thead>
              <tr>
                <th>${view.t('col.case')}</th>
                <th>${view.t('col.channel')}</th>
                <th>${view.t('col.outcome')}</th>
                <th>${view.t('col.score')}</th>
              </tr>
            </thead>
            <tbody>
              ${risk.outside.cases.map(
                (o) =>
                  html`<tr>
                    <td>
                      <a href="${href(view, `/cases/${encodeURIComponent(o.caseId)}`)}">#${o.number}</a>
                    </td>
                    <td>${o.channel}</td>
                    <td>${view.t(`outcome.${o.outcome}`)}</td>
                    <td>${o.rating === null ? '—' : `${o.rating}/5`}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }`;
}

/** The oldest case waiting for a first response at any sample of the period (queue.ts). */
function longestWait(view: View, r: Report): Html {
  let oldest: NonNullable<Report['queue'][number]['oldest']> | null = null;
  for (const sample of r.queue)
    if (sample.oldest && (!oldest || sample.oldest.waitedMs > oldest.waitedMs)) oldest = sample.oldest;
  if (!oldest) return stat(view.t('reports.longest_wait'), '—');
  const since = shortInstant(oldest.openedAt, view.locale, view.timeZone);
  return stat(
    view.t('reports.longest_wait'),
    maybeDuration(oldest.waitedMs, view.locale),
    view.t('reports.longest_wait_case', { number: oldest.number, since }),
  );
}

function reportBlock(view: View, title: string, scope: string, r: Report): Html {
  const l = view.locale;
  const fr = r.responseTimes.firstResponse;
  const res = r.responseTimes.resolution;
  const esc = r.escalations;
  const reopenRate = r.reopens.rate === null ? '—' : percent(r.reopens.rate * 100);
  // Cases an answer bank suggestion settled (core/reports/deflection.ts).
  const deflectionRate = r.deflection.rate === null ? '—' : percent(r.deflection.rate * 100);
  return html`<section class="card" data-scope="${scope}">
    <h2>${title}</h2>
    <div class="stats">
      ${stat(view.t('reports.kept'), percent(r.keptPercent), r.keptPercent === null ? view.t('reports.kept_none') : '')}
      ${stat(
        view.t('reports.first_response'),
        `${view.t('reports.p50')} ${maybeDuration(fr.wall.p50Ms, l)}`,
        `${view.t('reports.p90')} ${maybeDuration(fr.wall.p90Ms, l)} · ${view.t('reports.business_time')}: ${maybeDuration(fr.policyClock.p50Ms, l)}`,
      )}
      ${stat(
        view.t('reports.resolution'),
        `${view.t('reports.p50')} ${maybeDuration(res.wall.p50Ms, l)}`,
        `${view.t('reports.p90')} ${maybeDuration(res.wall.p90Ms, l)}`,
      )}
      ${longestWait(view, r)}
      ${stat(
        view.t('reports.reopens'),
        reopenRate,
        view.t('reports.reopen_rate', {
          reopened: r.reopens.reopened,
          finished: r.reopens.finishedCases,
          rate: reopenRate,
        }),
      )}
      ${stat(
        view.t('reports.deflection'),
        deflectionRate,
        view.t('reports.deflection_value', {
          count: r.deflection.byCustomer + r.deflection.byStaff,
          finished: r.deflection.finishedCases,
          percent: deflectionRate,
        }),
      )}
    </div>
    <h3>${view.t('reports.windows')}</h3>
    ${windowsTable(view, r)}
    <h3>${view.t('reports.csat')}</h3>
    ${csat(view, r)}
    <h3>${view.t('reports.escalations')}</h3>
    <p>
      ${view.t('reports.requested')}: ${esc.requested} · ${view.t('reports.approved')}: ${esc.approved} ·
      ${view.t('reports.declined')}: ${esc.declined} · ${view.t('reports.decision_time')}:
      ${view.t('reports.p50')} ${maybeDuration(esc.decisionTime.wall.p50Ms, l)}, ${view.t('reports.p90')}
      ${maybeDuration(esc.decisionTime.wall.p90Ms, l)}
    </p>
    ${
      esc.byReason.length === 0
        ? ''
        : html`<p class="muted">
            ${esc.byReason.map((b) => `${coreLabel(l, `reason.${b.reason}`)}: ${b.count}`).join(' · ')}
          </p>`
    }
    <h3>${view.t('reports.risk')}</h3>
    ${riskBlock(view, r)}
    <h3>${view.t('nav.incidents')}</h3>
    <p data-part="incidents">
      ${view.t('reports.incidents', {
        alerted: r.incidents.alerted,
        incidents: r.incidents.incidents,
        cases: r.incidents.casesLinked,
      })}
    </p>
  </section>`;
}

function filters(view: View, days: number, team: string | undefined): Html {
  const link = (d: number, t: string | undefined, label: string, current: boolean) => {
    const q = new URLSearchParams({ days: String(d), lang: view.locale });
    if (t) q.set('team', t);
    return html`<a
      href="${href(view, `/reports?${q.toString()}`)}"
      ${current ? html`aria-current="true"` : ''}
      >${label}</a
    >`;
  };
  const teams = Object.keys(view.config.desk.directory.teams);
  const exportQuery = new URLSearchParams({ days: String(days), lang: view.locale });
  if (team) exportQuery.set('team', team);
  return html`<div class="filters">
    ${PERIODS.map((d) => link(d, team, view.t('reports.period', { days: d }), d === days))}
    <span class="muted">|</span>
    ${link(days, undefined, view.t('reports.all_teams'), team === undefined)}
    ${teams.map((t) => link(days, t, teamName(view.config, t), t === team))}
    <span class="muted">|</span>
    ${view.t('reports.export')}:
    <a href="${href(view, `/export/cases.csv?${exportQuery.toString()}`)}"
      >${view.t('reports.export_cases')}</a
    >
    <a href="${href(view, `/export/report.csv?${exportQuery.toString()}`)}"
      >${view.t('reports.export_report')}</a
    >
  </div>`;
}

/** `team` when it names a team of the config; anything else means every team. */
export function teamParam(view: Pick<View, 'config'>, value: string | undefined): string | undefined {
  return value !== undefined && Object.hasOwn(view.config.desk.directory.teams, value) ? value : undefined;
}

export async function reportsPage(view: View, deps: ConsoleDeps, query: URLSearchParams): Promise<Html> {
  const days = periodDays(query.get('days') ?? undefined);
  const team = teamParam(view, query.get('team') ?? undefined);
  const teams = Object.keys(view.config.desk.directory.teams);
  const report = await loadReport(deps.reports, { days, now: view.now, teams, ...(team ? { team } : {}) });
  const label = (t: string) => teamName(view.config, t);
  const xLabel = view.t('col.when');
  const charts = {
    queue: { ...queueChart(report, view.t('reports.chart_queue'), label, view.timeZone), xLabel },
    kept: {
      ...keptChart(report, view.t('reports.chart_kept'), view.t('reports.all_teams'), label, view.timeZone),
      xLabel,
    },
  };
  const blocks = [
    // With one team, "all teams" would say the same twice.
    ...(team || teams.length === 1
      ? []
      : [reportBlock(view, view.t('reports.all_teams'), 'all', report.overall)]),
    ...report.teams.map((t) => reportBlock(view, label(t.team), t.team, t.report)),
  ];
  const body = html`${filters(view, days, team)}
    <div class="chart" data-chart="queue" aria-label="${charts.queue.title}"></div>
    <div class="chart" data-chart="kept" aria-label="${charts.kept.title}"></div>
    ${jsonData('chart-data', charts)} ${blocks}`;
  const title = `${view.t('reports.title')} · ${consoleText(view.locale, 'reports.period', { days })}`;
  return page(view, { title, section: 'reports', query, scripts: ['uplot'] }, body);
}
