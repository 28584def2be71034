// The playground's one page: the intro, the simulated clock's controls, the language switch, a link
// to the console, and the three panes.
import { html, raw } from 'hono/html';
import {
  type DeskConfig,
  formatInstant,
  LOCALES,
  type Locale,
  PRIORITIES,
  renderText,
} from '../../../src/core/index.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { MAX_TEXT } from '../forms.ts';
import { label, type PlaygroundLabelKey } from '../labels.ts';
import { type CaseView, caseBlock } from './case-block.ts';
import type { Pane } from './forms.ts';
import type { Html } from './html.ts';
import { type RolePlayView, rolePlayPanel } from './roleplay.ts';
import { PLAYGROUND_CSS } from './style.ts';

const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', fr: 'Français', lt: 'Lietuvių' };

export interface Flash {
  /** Where it is shown: a pane, or the clock's bar. */
  at: Pane | 'clock';
  kind: 'ok' | 'error';
  text: string;
}

export interface PaneView {
  pane: Pane;
  /** Who may be played in this pane, and who is. */
  people: readonly { id: string; label: string }[];
  chosen: string;
  timeZone: string;
  cases: readonly CaseView[];
}

export interface PageView {
  locale: Locale;
  now: Date;
  /** The zone the clock is shown in. */
  timeZone: string;
  nextDeadline: Date | null;
  consoleHref: string | null;
  /** The console's stylesheet, reused here. */
  stylesheet: string | null;
  config: DeskConfig;
  panes: readonly PaneView[];
  /** The role-play panel beside the panes; null: none. */
  rolePlay: RolePlayView | null;
  flash: Flash | null;
}

const PANE_TITLE: Readonly<Record<Pane, PlaygroundLabelKey>> = {
  customer: 'pane_customer',
  staff: 'pane_staff',
  supervisor: 'pane_supervisor',
};

function flashOf(view: PageView, at: Flash['at']): Html | string {
  const f = view.flash;
  if (!f || f.at !== at) return '';
  return html`<p class="flash ${f.kind}" role="${f.kind === 'error' ? 'alert' : 'status'}">${f.text}</p>`;
}

function clockBar(view: PageView): Html {
  const t = (key: PlaygroundLabelKey, params = {}) => label(view.locale, key, params);
  const time = (at: Date) => formatInstant(at.toISOString(), view.locale, view.timeZone);
  const button = (by: string, text: string, disabled = false) =>
    html`<form method="post" action="/clock">
      <input type="hidden" name="by" value="${by}" /><button
        type="submit"
        data-clock="${by}"
        ${disabled ? raw('disabled') : ''}
      >
        ${text}
      </button>
    </form>`;
  return html`<div class="clock">
    <span class="now" data-now="${view.now.toISOString()}">${t('time_now', { time: time(view.now) })}</span>
    ${button('15m', t('advance_15m'))} ${button('1h', t('advance_1h'))}
    ${
      view.nextDeadline
        ? button('next', t('advance_next_at', { time: time(view.nextDeadline) }))
        : button('next', t('advance_next'), true)
    }
  </div>`;
}

/** Open while the customer has no case yet; a click away after. */
function openForm(view: PageView, first: boolean): Html {
  const t = (key: PlaygroundLabelKey) => label(view.locale, key);
  const reader = { locale: view.locale, timeZone: 'UTC' };
  const { topics, defaultTopic } = view.config.directory;
  return html`<details class="act open-case" data-form="open" ${first ? raw('open') : ''}>
    <summary>${t('open_case')}</summary>
    <form method="post" action="/act">
      <input type="hidden" name="form" value="open" /><input type="hidden" name="pane" value="customer" />
      <label>${t('words')}<textarea name="text" rows="3" maxlength="${MAX_TEXT}"></textarea></label>
      <label
        >${t('topic')}<select name="topic">
          ${Object.values(topics).map(
            (topic) =>
              html`<option value="${topic.id}" ${topic.id === defaultTopic ? raw('selected') : ''}>
                ${topic.names[view.locale] ?? topic.names.en}
              </option>`,
          )}
        </select></label
      >
      <label
        >${t('urgency')}<select name="priority">
          ${PRIORITIES.map(
            (p) =>
              html`<option value="${p}" ${p === 'normal' ? raw('selected') : ''}>
                ${renderText(`priority.${p}`, reader)}
              </option>`,
          )}
        </select></label
      >
      <button type="submit">${t('submit')}</button>
    </form>
  </details>`;
}

/** Staff's `/support away [until]` and `/support back` (adapters/shared/away.ts), as two small forms. */
function awayForms(view: PageView, pane: PaneView): Html {
  if (pane.chosen === '') return html``;
  const a = (key: Parameters<typeof sharedLabel>[1]) => sharedLabel(view.locale, key);
  return html`<div class="away">
    <form method="post" action="/act">
      <input type="hidden" name="form" value="away" />
      <input type="hidden" name="pane" value="${pane.pane}" />
      <label>${a('until')}<input name="until" maxlength="40" /></label>
      <button type="submit">${a('go_away')}</button>
    </form>
    <form method="post" action="/act">
      <input type="hidden" name="form" value="back" />
      <input type="hidden" name="pane" value="${pane.pane}" />
      <button type="submit">${a('come_back')}</button>
    </form>
  </div>`;
}

function paneOf(view: PageView, pane: PaneView): Html {
  const t = (key: PlaygroundLabelKey) => label(view.locale, key);
  const ctx = { pane: pane.pane, locale: view.locale, config: view.config, timeZone: pane.timeZone };
  return html`<section class="pane" id="${pane.pane}" aria-labelledby="${pane.pane}-title">
    <h2 id="${pane.pane}-title">${t(PANE_TITLE[pane.pane])}</h2>
    <form method="post" action="/settings" class="who-plays">
      <input type="hidden" name="pane" value="${pane.pane}" />
      <label for="${pane.pane}-person">${t('playing_as')}</label>
      <select id="${pane.pane}-person" name="person">
        ${pane.people.map(
          (p) =>
            html`<option value="${p.id}" ${p.id === pane.chosen ? raw('selected') : ''}>${p.label}</option>`,
        )}
      </select>
      <button type="submit">${t('switch')}</button>
    </form>
    ${flashOf(view, pane.pane)}
    ${pane.pane === 'customer' ? openForm(view, pane.cases.length === 0) : awayForms(view, pane)}
    ${
      pane.cases.length > 0
        ? pane.cases.map((c) => caseBlock(c, ctx))
        : html`<p class="muted">${t('no_cases')}</p>`
    }
  </section>`;
}

export function playgroundPage(view: PageView): Html {
  const t = (key: PlaygroundLabelKey) => label(view.locale, key);
  return html`<!doctype html>
    <html lang="${view.locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${t('title')}</title>
        ${view.stylesheet ? html`<link rel="stylesheet" href="${view.stylesheet}" />` : ''}
        <style>
          ${raw(PLAYGROUND_CSS)}
        </style>
      </head>
      <body class="playground">
        <header>
          <a class="brand" href="/">${t('title')}</a>
          ${
            view.consoleHref
              ? html`<nav>
                  <a href="${view.consoleHref}?lang=${view.locale}" data-link="console"
                    >${t('open_console')}</a
                  >
                </nav>`
              : ''
          }
          <div class="languages" role="group" aria-label="${t('language')}">
            ${LOCALES.map(
              (l) =>
                html`<a
                  href="/lang/${l}"
                  hreflang="${l}"
                  lang="${l}"
                  ${l === view.locale ? raw('aria-current="true"') : ''}
                  >${LANGUAGE_NAMES[l]}</a
                >`,
            )}
          </div>
        </header>
        <main>
          <p class="intro">${t('intro')}</p>
          ${clockBar(view)} ${flashOf(view, 'clock')}
          <nav class="tabs">
            ${view.panes.map((p) => html`<a href="#${p.pane}">${t(PANE_TITLE[p.pane])}</a>`)}
          </nav>
          <div class="stage ${view.rolePlay ? 'with-roleplay' : ''}">
            ${view.rolePlay ? rolePlayPanel(view.locale, view.rolePlay) : ''}
            <div class="panes">${view.panes.map((p) => paneOf(view, p))}</div>
          </div>
        </main>
      </body>
    </html>`;
}

/** A kind page for an address the playground does not have. */
export function notFoundPage(locale: Locale): Html {
  return html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <title>${label(locale, 'title')}</title>
      </head>
      <body>
        <p>${label(locale, 'not_found_page')} <a href="/">${label(locale, 'title')}</a></p>
      </body>
    </html>`;
}
