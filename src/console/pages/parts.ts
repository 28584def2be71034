// Pieces several pages show: a case's holder, its running promise with a countdown, and labels
// from the core's catalogs.
import { html, raw } from 'hono/html';
import type { Case, PromiseWindow } from '../../core/model.ts';
import { coreLabel, remaining, shortInstant } from '../format.ts';
import { href } from '../layout.ts';
import { windowLabel } from '../texts.ts';
import { type Html, personName, type View } from '../view.ts';

export const statusLabel = (view: View, c: Case): string => coreLabel(view.locale, `status.${c.status}`);
export const levelLabel = (view: View, c: Case): string => coreLabel(view.locale, `level.${c.level}`);

/** Who must act now: the running window's holder, else the owner; the queue or the supervisors. */
export function holderLabel(view: View, c: Case): string {
  const w = c.window;
  if (w && w.holder !== null) return personName(view.config, w.holder);
  if (w && w.kind === 'approval') return view.t('holder.supervisors');
  if (c.ownerId !== null) return personName(view.config, c.ownerId);
  if (w) return view.t('holder.queue');
  return view.t('holder.nobody');
}

export const isOverdue = (w: PromiseWindow, now: Date): boolean => w.paused === null && w.dueAt < now;

/** The time left until the window's due time, ticking in the browser; paused windows say so. */
export function countdown(view: View, w: PromiseWindow): Html {
  if (w.paused) return html`<span class="badge paused">${view.t('promises.paused')}</span>`;
  const left = w.dueAt.getTime() - view.now.getTime();
  return html`<span
    class="countdown${left < 0 ? ' overdue' : ''}"
    data-due-ms="${w.dueAt.getTime()}"
    data-now-ms="${view.now.getTime()}"
    data-live="${view.liveCountdown ? '1' : '0'}"
    >${remaining(left, view.locale)}</span
  >`;
}

export const dueTime = (view: View, w: PromiseWindow): Html =>
  html`<time datetime="${w.dueAt.toISOString()}">${shortInstant(w.dueAt, view.locale, view.timeZone)}</time>`;

export const windowName = (view: View, w: PromiseWindow): string => windowLabel(view.locale, w.kind);

export const caseLink = (view: View, c: Pick<Case, 'id' | 'number'>): Html =>
  html`<a href="${href(view, `/cases/${encodeURIComponent(c.id)}`)}">#${c.number}</a>`;

export const overdueBadge = (view: View, w: PromiseWindow): Html =>
  isOverdue(w, view.now) ? html` <span class="badge overdue">${view.t('promises.overdue')}</span>` : raw('');
