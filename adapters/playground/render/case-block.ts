// One case as a pane shows it: where it stands, the messages this pane's person received about it
// (in the playground's language, through the core's catalog), then their controls.
import { html } from 'hono/html';
import {
  type Case,
  type DeskConfig,
  formatInstant,
  type Locale,
  renderText,
} from '../../../src/core/index.ts';
import { RECIPIENT_LABELS } from '../../../src/platform/console-sink.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { truncate } from '../../shared/long-text.ts';
import { noticeText } from '../../shared/params.ts';
import type { CaseFormName } from '../forms.ts';
import type { Delivered } from '../inbox.ts';
import { label } from '../labels.ts';
import { caseForm, type Pane } from './forms.ts';
import type { Html } from './html.ts';

export interface CaseView {
  c: Case;
  messages: readonly Delivered[];
  forms: readonly CaseFormName[];
}

export interface BlockContext {
  pane: Pane;
  locale: Locale;
  config: DeskConfig;
  /** The zone of the pane's person: times are shown in it. */
  timeZone: string;
}

/** The newest messages of a case shown open; earlier ones are one click away. */
const RECENT = 3;

/** Longer messages show their start, with the whole text one click away. */
const SHOWN_CHARS = 1_200;

/** The page escapes: values go in as written. */
const asWritten = (words: string) => words;

function where(d: Delivered, c: Case, ctx: BlockContext): string {
  const names = RECIPIENT_LABELS[ctx.locale];
  const r = d.notice.recipient;
  const { people, teams } = ctx.config.directory;
  const teamName = (id: string) => teams[id]?.name ?? id;
  switch (r.kind) {
    case 'customer':
      return names.customerLabel(c.customer.name);
    case 'person':
      return names.personLabel(people[r.personId]?.name ?? r.personId);
    case 'supervisors':
      return names.supervisorsLabel(
        teamName(r.teamId),
        (teams[r.teamId]?.supervisors ?? []).map((id) => people[id]?.name ?? id).join(', '),
      );
    case 'triage':
      return names.triageLabel(teamName(r.teamId));
  }
}

function message(d: Delivered, c: Case, ctx: BlockContext): Html {
  let text: string;
  try {
    text = noticeText({ ...d.notice, locale: ctx.locale }, asWritten);
  } catch {
    text = renderText('error.unexpected', ctx);
  }
  const shown = truncate(text, SHOWN_CHARS);
  const at = formatInstant(d.at.toISOString(), ctx.locale, ctx.timeZone);
  return html`<li class="msg msg-${d.notice.recipient.kind}" data-key="${d.notice.key}">
    <div class="msg-meta">${at} · ${where(d, c, ctx)}</div>
    <div class="notice-text">${shown.text}</div>
    ${
      shown.cut
        ? html`<details>
            <summary>${sharedLabel(ctx.locale, 'show_full_text')}</summary>
            <div class="notice-text">${text}</div>
          </details>`
        : ''
    }
  </li>`;
}

function facts(c: Case, ctx: BlockContext): string {
  const reader = { locale: ctx.locale, timeZone: ctx.timeZone };
  const topic = ctx.config.directory.topics[c.topic];
  const line = label(ctx.locale, 'case_facts', {
    status: renderText(`status.${c.status}`, reader),
    level: renderText(`level.${c.level}`, reader),
    topic: topic ? (topic.names[ctx.locale] ?? topic.names.en) : c.topic,
  });
  if (!c.window) return line;
  const due = c.window.paused
    ? label(ctx.locale, 'paused')
    : label(ctx.locale, 'due', {
        time: formatInstant(c.window.dueAt.toISOString(), ctx.locale, ctx.timeZone),
      });
  return `${line} · ${due}`;
}

function messages(view: CaseView, ctx: BlockContext): Html {
  const earlier = view.messages.slice(0, -RECENT);
  const recent = view.messages.slice(-RECENT);
  const list = (items: readonly Delivered[]) =>
    html`<ol class="messages">
      ${items.map((d) => message(d, view.c, ctx))}
    </ol>`;
  return html`${
    earlier.length > 0
      ? html`<details class="earlier">
          <summary>${label(ctx.locale, 'earlier', { count: earlier.length })}</summary>
          ${list(earlier)}
        </details>`
      : ''
  }
  ${list(recent)}`;
}

export function caseBlock(view: CaseView, ctx: BlockContext): Html {
  const { c } = view;
  const formContext = { pane: ctx.pane, c, locale: ctx.locale, config: ctx.config, timeZone: ctx.timeZone };
  return html`<article class="case card" data-case="${c.number}" data-status="${c.status}">
    <h3>${label(ctx.locale, 'case_heading', { number: c.number, customer: c.customer.name })}</h3>
    <p class="facts muted">${facts(c, ctx)}</p>
    ${view.messages.length > 0 ? messages(view, ctx) : html`<p class="muted">${label(ctx.locale, 'no_messages')}</p>`}
    ${
      view.forms.length > 0
        ? html`<div class="forms">${view.forms.map((name) => caseForm(name, formContext))}</div>`
        : ''
    }
  </article>`;
}
