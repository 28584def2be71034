// Every open promise: each running window of a case in progress, soonest due first, with its
// countdown; overdue ones first and marked.
import { html } from 'hono/html';
import { ACTIVE_STATUSES, type Case, type PromiseWindow } from '../../core/model.ts';
import type { ConsoleDeps } from '../app.ts';
import { page } from '../layout.ts';
import { type Html, teamName, type View } from '../view.ts';
import {
  caseLink,
  countdown,
  dueTime,
  holderLabel,
  isOverdue,
  levelLabel,
  overdueBadge,
  windowName,
} from './parts.ts';
import { QUEUE_LIMIT } from './queues.ts';

type Promised = Case & { window: PromiseWindow };

/** Cases with a window, running ones by due time, then paused ones. */
export async function openPromises(deps: Pick<ConsoleDeps, 'cases' | 'config'>): Promise<Promised[]> {
  const teams = Object.keys(deps.config.desk.directory.teams);
  const lists = await Promise.all(
    teams.map((team) => deps.cases.listCases({ team, statuses: ACTIVE_STATUSES, limit: QUEUE_LIMIT })),
  );
  return lists
    .flat()
    .filter((c): c is Promised => c.window !== null)
    .sort(
      (a, b) =>
        Number(a.window.paused !== null) - Number(b.window.paused !== null) ||
        a.window.dueAt.getTime() - b.window.dueAt.getTime() ||
        a.number - b.number,
    );
}

export async function promisesPage(view: View, deps: ConsoleDeps): Promise<Html> {
  const promised = await openPromises(deps);
  const body =
    promised.length === 0
      ? html`<p class="muted">${view.t('promises.empty')}</p>`
      : html`<table>
          <thead>
            <tr>
              <th>${view.t('col.case')}</th>
              <th>${view.t('col.team')}</th>
              <th>${view.t('col.promise')}</th>
              <th>${view.t('col.holder')}</th>
              <th>${view.t('col.level')}</th>
              <th>${view.t('col.due')}</th>
              <th>${view.t('col.remaining')}</th>
            </tr>
          </thead>
          <tbody>
            ${promised.map(
              (c) =>
                html`<tr class="${isOverdue(c.window, view.now) ? 'overdue' : ''}" data-case="${c.id}">
                  <td>${caseLink(view, c)}</td>
                  <td>${teamName(view.config, c.team)}</td>
                  <td>${windowName(view, c.window)}</td>
                  <td>${holderLabel(view, c)}</td>
                  <td>${levelLabel(view, c)}</td>
                  <td>${dueTime(view, c.window)}${overdueBadge(view, c.window)}</td>
                  <td>${countdown(view, c.window)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return page(view, { title: view.t('promises.title'), section: 'promises' }, body);
}
