// The role-play panel beside the panes: the picker (a scenario, or free play, each starting the
// playground afresh), and the scenario being played: its brief for the trainee and its checklist,
// items the case's trail shows ticked by themselves, the others ticked by the trainee.
import { html, raw } from 'hono/html';
import type { Locale } from '../../../src/core/index.ts';
import { label } from '../labels.ts';
import type { Html } from './html.ts';

export interface ChecklistItemView {
  id: string;
  text: string;
  /** Ticked from the case's trail (true), or by the trainee (false). */
  auto: boolean;
  ticked: boolean;
}

export interface ScenarioView {
  id: string;
  title: string;
  brief: string;
  checklist: readonly ChecklistItemView[];
  /** The script has played every step. */
  scriptDone: boolean;
}

export interface RolePlayView {
  scenarios: readonly { id: string; title: string }[];
  /** Null in free play. */
  current: ScenarioView | null;
}

function item(locale: Locale, i: ChecklistItemView): Html {
  const state = i.ticked ? 'ticked' : 'open';
  const mark = html`<span class="mark" aria-hidden="true">${i.ticked ? '☑' : '☐'}</span>`;
  const how = html`<span class="how">${label(locale, i.auto ? 'check_auto' : 'check_self')}</span>`;
  if (i.auto) {
    return html`<li data-item="${i.id}" data-auto="true" data-state="${state}">
      ${mark} <span class="text">${i.text}</span> ${how}
    </li>`;
  }
  return html`<li data-item="${i.id}" data-auto="false" data-state="${state}">
    <form method="post" action="/roleplay/tick">
      <input type="hidden" name="item" value="${i.id}" />
      <button type="submit" class="tick" aria-pressed="${i.ticked ? 'true' : 'false'}">
        ${mark} <span class="text">${i.text}</span>
      </button>
    </form>
    ${how}
  </li>`;
}

export function rolePlayPanel(locale: Locale, view: RolePlayView): Html {
  const t = (key: Parameters<typeof label>[1], params = {}) => label(locale, key, params);
  const current = view.current;
  const ticked = current?.checklist.filter((i) => i.ticked).length ?? 0;
  return html`<aside class="roleplay" id="roleplay" aria-labelledby="roleplay-title">
    <h2 id="roleplay-title">${t('roleplay')}</h2>
    <form method="post" action="/roleplay/start" class="picker">
      <label for="roleplay-scenario">${t('roleplay_pick')}</label>
      <select id="roleplay-scenario" name="scenario">
        <option value="" ${current === null ? raw('selected') : ''}>${t('roleplay_free')}</option>
        ${view.scenarios.map(
          (s) =>
            html`<option value="${s.id}" ${s.id === current?.id ? raw('selected') : ''}>${s.title}</option>`,
        )}
      </select>
      <button type="submit">${t('roleplay_start')}</button>
      <p class="muted hint">${t('roleplay_hint')}</p>
    </form>
    ${
      current === null
        ? ''
        : html`<section class="scenario" data-scenario="${current.id}">
            <h3>${current.title}</h3>
            <p class="brief">${current.brief}</p>
            <h4>
              ${t('checklist')}
              <span class="count" data-ticked="${ticked}" data-total="${current.checklist.length}"
                >${t('checklist_count', { ticked, total: current.checklist.length })}</span
              >
            </h4>
            <ul class="checklist">
              ${current.checklist.map((i) => item(locale, i))}
            </ul>
            ${
              ticked === current.checklist.length
                ? html`<p class="roleplay-done" role="status">${t('checklist_done')}</p>`
                : ''
            }
          </section>`
    }
  </aside>`;
}
