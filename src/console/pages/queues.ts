// Teams' queues: each team's cases still in progress, the front-line queue first in order (first
// come, first served), with level, status, holder and the running window's due time.
import { html } from 'hono/html';
import { ACTIVE_STATUSES, type Case } from '../../core/model.ts';
import type { ConsoleDeps } from '../app.ts';
import { page } from '../layout.ts';
import { type Html, teamName, topicName, type View } from '../view.ts';
import {
  caseLink,
  countdown,
  dueTime,
  holderLabel,
  isOverdue,
  levelLabel,
  overdueBadge,
  statusLabel,
  windowName,
} from './parts.ts';

/** The most cases listed per team. */
export const QUEUE_LIMIT = 500;

/** Waiting in the front-line queue: open, nobody took it, level 1. */
export const inQueue = (c: Case): boolean => c.status === 'open' && c.ownerId === null && c.level === 1;

const byArrival = (a: Case, b: Case): number =>
  a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;

/** The team's active cases: the queue in arrival order (with its place, 1 first), then the rest. */
export async function teamQueue(
  deps: Pick<ConsoleDeps, 'cases'>,
  team: string,
): Promise<{ c: Case; place: number | null }[]> {
  const cases = await deps.cases.listCases({ team, statuses: ACTIVE_STATUSES, limit: QUEUE_LIMIT });
  const queued = cases.filter(inQueue).sort(byArrival);
  const others = cases.filter((c) => !inQueue(c)).sort(byArrival);
  return [...queued.map((c, i) => ({ c, place: i + 1 })), ...others.map((c) => ({ c, place: null }))];
}

/** The customer's words, cut at a word near 80 characters (the case page has them whole). */
export function shorten(words: string, max = 80): string {
  if (words.length <= max) return words;
  const cut = words.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function row(view: View, c: Case, place: number | null): Html {
  const w = c.window;
  return html`<tr class="${w && isOverdue(w, view.now) ? 'overdue' : ''}" data-case="${c.id}">
    <td class="num">${place ?? ''}</td>
    <td>${caseLink(view, c)}</td>
    <td>${c.customer.name}</td>
    <td class="request">${shorten(c.words)}</td>
    <td>${topicName(view.config, c.topic, view.locale)}</td>
    <td>${levelLabel(view, c)}</td>
    <td>${statusLabel(view, c)}</td>
    <td>${holderLabel(view, c)}</td>
    <td>${w ? html`${windowName(view, w)}: ${dueTime(view, w)}${overdueBadge(view, w)}` : '—'}</td>
    <td>${w ? countdown(view, w) : ''}</td>
  </tr>`;
}

export async function queuesPage(view: View, deps: ConsoleDeps): Promise<Html> {
  const teams = Object.keys(view.config.desk.directory.teams);
  const sections = await Promise.all(
    teams.map(async (team) => {
      const rows = await teamQueue(deps, team);
      return html`<section class="card" data-team="${team}">
        <h2>
          ${teamName(view.config, team)}
          <span class="muted">· ${view.t('queues.open_count', { count: rows.length })}</span>
        </h2>
        ${
          rows.length === 0
            ? html`<p class="muted">${view.t('queues.empty')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th class="num">${view.t('col.position')}</th>
                    <th>${view.t('col.case')}</th>
                    <th>${view.t('col.customer')}</th>
                    <th>${view.t('col.request')}</th>
                    <th>${view.t('col.topic')}</th>
                    <th>${view.t('col.level')}</th>
                    <th>${view.t('col.status')}</th>
                    <th>${view.t('col.holder')}</th>
                    <th>${view.t('col.due')}</th>
                    <th>${view.t('col.remaining')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(({ c, place }) => row(view, c, place))}
                </tbody>
              </table>`
        }
      </section>`;
    }),
  );
  return page(view, { title: view.t('queues.title'), section: 'queues' }, html`${sections}`);
}
