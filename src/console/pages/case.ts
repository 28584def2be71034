// A case's page: its request, its current promise, the whole audit trail in order (who, what,
// when; internal notes marked), and every notice written for it (who was told what, in the words
// they were sent, and whether it went out).
import { html } from 'hono/html';
import { forStaff, forStaffParams, renderText } from '../../core/index.ts';
import type { CaseEvent, OutboxEntry, Recipient } from '../../core/model.ts';
import type { CaseTimeline } from '../../core/ports.ts';
import type { ConsoleDeps } from '../app.ts';
import { coreLabel, shortInstant } from '../format.ts';
import { page } from '../layout.ts';
import { deliveryKey, eventLabel, windowLabel } from '../texts.ts';
import { type Html, personName, teamName, topicName, type View } from '../view.ts';
import {
  countdown,
  dueTime,
  holderLabel,
  levelLabel,
  overdueBadge,
  statusLabel,
  windowName,
} from './parts.ts';

/** Case ids are short opaque strings; anything longer is not one. */
const MAX_ID_LENGTH = 200;

const when = (view: View, at: Date): Html =>
  html`<time datetime="${at.toISOString()}">${shortInstant(at, view.locale, view.timeZone)}</time>`;

function actor(view: View, timeline: CaseTimeline, id: string): string {
  if (id === 'system') return view.t('case.system');
  const { customer } = timeline.case;
  if (id === customer.id) return `${customer.name} (${view.t('case.customer')})`;
  return personName(view.config, id);
}

function instantText(view: View, iso: unknown): string {
  const at = typeof iso === 'string' ? new Date(iso) : null;
  return at && Number.isFinite(at.getTime()) ? shortInstant(at, view.locale, view.timeZone) : '';
}

/** A customer's words as staff read them: abusive words masked, flagged before them. */
function staffWords(view: View, words: string): string {
  const shown = forStaff(words);
  if (shown.abusive === undefined) return words;
  return `${renderText('flag.abusive', { locale: view.locale, timeZone: 'UTC' })} ${shown.text}`;
}

/** What the event recorded, in a line: the words written, or the values that matter. */
function detail(view: View, e: CaseEvent): string {
  const t = (code: string, prefix: string) => coreLabel(view.locale, `${prefix}.${code}`);
  switch (e.type) {
    // The customer's words masked and flagged (abuse.ts); the stored event keeps them as written.
    case 'case_opened':
      return staffWords(view, e.data.words);
    case 'details_added':
    case 'reopened':
      return staffWords(view, e.data.text);
    case 'answered':
    case 'asked_customer':
    case 'note_added':
    case 'colleague_answered':
    case 'abuse_reply_sent':
      return e.data.text;
    case 'colleague_asked':
      return `${personName(view.config, e.data.colleagueId)}: ${e.data.question}`;
    case 'colleague_took':
      return e.data.from ? personName(view.config, e.data.from) : '';
    case 'abusive_message':
      return `${e.data.count} · ${e.data.kinds.join(', ')}`;
    case 'rated':
      return `${e.data.score}/5${e.data.comment ? ` — ${staffWords(view, e.data.comment)}` : ''}`;
    case 'topic_changed':
      return `${topicName(view.config, e.data.from, view.locale)} → ${topicName(view.config, e.data.to, view.locale)}`;
    case 'accepted':
      return instantText(view, e.data.callbackBy);
    case 'window_renegotiated':
      return instantText(view, e.data.dueAt);
    case 'cannot_resolve':
      return e.data.reason;
    case 'reassign_requested':
      return e.data.to ? personName(view.config, e.data.to) : '';
    case 'no_expert_available':
      return topicName(view.config, e.data.topic, view.locale);
    case 'supervisor_requested':
      return t(e.data.reason, 'reason');
    case 'escalation_approved':
      return `“${e.data.apology}” — ${e.data.plan}`;
    case 'escalation_declined':
      return t(e.data.reason, 'reason');
    case 'expert_assigned':
      return `${personName(view.config, e.data.expertId)}, ${instantText(view, e.data.dueAt)}`;
    case 'resolved':
      return e.data.summary;
    case 'went_outside':
      return [e.data.channel, e.data.note].filter(Boolean).join(': ');
    case 'risk_raised':
      return `${t(e.data.band, 'risk')}: ${e.data.signals.map((s) => t(s, 'signal')).join(', ')}`;
    case 'window_nudged':
    case 'window_missed':
      return `${windowLabel(view.locale, e.data.window)}, ${instantText(view, e.data.dueAt)}`;
    case 'reassigned_after_misses':
      return `${personName(view.config, e.data.from)} → ${personName(view.config, e.data.to)}`;
    case 'customer_checked_in':
      return instantText(view, e.data.closeAt);
    case 'promise_repaired':
      return e.data.rules.join(', ');
    case 'marked_heavy':
      return e.data.note;
    case 'paired_up':
      return e.data.holder ? personName(view.config, e.data.holder) : '';
    case 'taken_over':
      return e.data.from ? personName(view.config, e.data.from) : '';
    default:
      return '';
  }
}

function eventRow(view: View, timeline: CaseTimeline, e: CaseEvent): Html {
  // Internal notes and Ask a colleague's question and answer: never shown to the customer.
  const internal = e.type === 'note_added' || e.type === 'colleague_asked' || e.type === 'colleague_answered';
  return html`<tr class="${internal ? 'internal' : ''}" data-event="${e.type}">
    <td>${when(view, e.at)}</td>
    <td>${actor(view, timeline, e.actorId)}</td>
    <td>
      ${eventLabel(view.locale, e.type)}
      ${internal ? html`<span class="badge internal">${view.t('case.internal')}</span>` : ''}
    </td>
    <td class="notice-text">${detail(view, e)}</td>
  </tr>`;
}

function recipient(view: View, timeline: CaseTimeline, r: Recipient): string {
  switch (r.kind) {
    case 'customer':
      return `${timeline.case.customer.name} (${view.t('recipient.customer')})`;
    case 'person':
      return personName(view.config, r.personId);
    case 'supervisors':
      return view.t('recipient.supervisors', { team: teamName(view.config, r.teamId) });
    case 'triage':
      return view.t('recipient.triage', { team: teamName(view.config, r.teamId) });
  }
}

/**
 * The notice in the words its reader got (their language and zone); the customer's own copies
 * with their abusive words masked here too, as staff read this page.
 */
function noticeText(view: View, n: OutboxEntry): string {
  try {
    const params = n.recipient.kind === 'customer' ? forStaffParams(n.key, n.params) : n.params;
    return renderText(n.key, { locale: n.locale, timeZone: n.timeZone, params });
  } catch {
    return view.t('case.rendering_failed', { key: n.key });
  }
}

function noticeRow(view: View, timeline: CaseTimeline, n: OutboxEntry): Html {
  const key = deliveryKey(n.status);
  const badge = key.slice('delivery.'.length);
  return html`<tr data-notice="${n.key}" data-status="${n.status}">
    <td>${when(view, n.createdAt)}</td>
    <td>${recipient(view, timeline, n.recipient)}</td>
    <td class="notice-text">${noticeText(view, n)}</td>
    <td>
      <span class="badge ${badge}">${view.t(key)}</span>
      ${n.sentAt ? html`<div class="muted">${when(view, n.sentAt)}</div>` : ''}
      ${n.status !== 'sent' && n.lastError ? html`<div class="muted">${n.lastError}</div>` : ''}
    </td>
  </tr>`;
}

function promise(view: View, timeline: CaseTimeline): Html {
  const c = timeline.case;
  const w = c.window;
  if (!w) return html`<p class="muted">${view.t('case.no_promise')}</p>`;
  return html`<p data-promise="${w.kind}">
    <strong>${windowName(view, w)}</strong> · ${holderLabel(view, c)} ·
    ${dueTime(view, w)}${overdueBadge(view, w)} · ${countdown(view, w)}
  </p>`;
}

export async function casePage(
  view: View,
  deps: ConsoleDeps,
  id: string,
): Promise<{ status: 200 | 404; body: Html }> {
  const timeline = id.length <= MAX_ID_LENGTH ? await deps.reports.timeline(id) : null;
  if (!timeline) {
    const body = html`<p>${view.t('case.not_found')}</p>`;
    return { status: 404, body: page(view, { title: view.t('error.not_found'), section: 'case' }, body) };
  }
  const c = timeline.case;
  const body = html`<section class="card">
      <p>
        ${teamName(view.config, c.team)} · ${topicName(view.config, c.topic, view.locale)} ·
        ${levelLabel(view, c)} · ${statusLabel(view, c)} · ${coreLabel(view.locale, `priority.${c.priority}`)}
        · ${c.customer.name}
      </p>
      <h2>${view.t('case.words')}</h2>
      <p class="words">${staffWords(view, c.words)}</p>
      <h2>${view.t('case.promise')}</h2>
      ${promise(view, timeline)}
    </section>
    <h2>${view.t('case.timeline')}</h2>
    <table class="timeline">
      <thead>
        <tr>
          <th>${view.t('col.when')}</th>
          <th>${view.t('col.who')}</th>
          <th>${view.t('col.what')}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${timeline.events.map((e) => eventRow(view, timeline, e))}
      </tbody>
    </table>
    <h2>${view.t('case.notices')}</h2>
    ${
      timeline.notices.length === 0
        ? html`<p class="muted">${view.t('case.no_notices')}</p>`
        : html`<table class="notices">
            <thead>
              <tr>
                <th>${view.t('col.when')}</th>
                <th>${view.t('col.to')}</th>
                <th>${view.t('col.what')}</th>
                <th>${view.t('col.delivery')}</th>
              </tr>
            </thead>
            <tbody>
              ${timeline.notices.map((n) => noticeRow(view, timeline, n))}
            </tbody>
          </table>`
    }`;
  return {
    status: 200,
    body: page(view, { title: view.t('case.title', { number: c.number }), section: 'case' }, body),
  };
}
