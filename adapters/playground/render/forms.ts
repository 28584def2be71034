// Each case form as HTML: a button when the command needs nothing more, else a disclosure with the
// fields the platforms' forms ask for. Plain forms posting to /act: no JavaScript needed.
import { html, raw } from 'hono/html';
import {
  actionLabelKey,
  type ActionId,
  type Case,
  type DeskConfig,
  type Locale,
  renderText,
} from '../../../src/core/index.ts';
import { sharedLabel } from '../../shared/labels.ts';
import { ASK_COLLEAGUE_FIELDS, COLLEAGUE_ANSWER_FIELD, colleagueChoices } from '../../shared/colleagues.ts';
import { INCIDENT_FORMS, type IncidentForm, incidentFormWords } from '../../shared/incidents.ts';
import { RECOVERY_FIELD, recoveryFormWords } from '../../shared/recovery.ts';
import { type CaseFormName, MAX_TEXT } from '../forms.ts';
import { label, type PlaygroundLabelKey } from '../labels.ts';
import type { Html } from './html.ts';

export type Pane = 'customer' | 'staff' | 'supervisor';

export interface FormContext {
  pane: Pane;
  c: Case;
  locale: Locale;
  config: DeskConfig;
  /** The acting person's zone (the accept form's time is read in it). */
  timeZone: string;
}

const action = (locale: Locale, id: ActionId) => renderText(actionLabelKey(id), { locale, timeZone: 'UTC' });

/** The title of each form: the platforms' button label where one exists, else the playground's. */
function titleOf(name: CaseFormName, locale: Locale): string {
  const own: Partial<Record<CaseFormName, PlaygroundLabelKey>> = {
    write: 'write',
    reply: 'reply_to_customer',
    note: 'note',
    close: 'close_case',
    record_outside: 'record_outside',
  };
  if ((INCIDENT_FORMS as readonly string[]).includes(name))
    return incidentFormWords(name as IncidentForm, locale).title;
  if (name === 'hand_over') return sharedLabel(locale, 'hand_over_case');
  if (name === 'ask_colleague') return sharedLabel(locale, 'ask_colleague');
  const key = own[name];
  return key ? label(locale, key) : action(locale, name as ActionId);
}

const textarea = (name: string, title: string, rows = 3) =>
  html`<label>${title}<textarea name="${name}" rows="${rows}" maxlength="${MAX_TEXT}"></textarea></label>`;

function fieldsOf(name: CaseFormName, f: FormContext): Html | null {
  const t = (key: PlaygroundLabelKey, params = {}) => label(f.locale, key, params);
  const { directory } = f.config;
  switch (name) {
    case 'write':
      return textarea('text', t('write'));
    case 'add_details':
      return textarea('text', t('details'));
    case 'ask_supervisor':
      return textarea('reason', t('reason_optional'), 2);
    case 'reopen':
      return null;
    case 'rate':
      return html`<fieldset class="score">
          <legend>${t('score')}</legend>
          ${[1, 2, 3, 4, 5].map(
            (n) =>
              html`<label
                ><input type="radio" name="score" value="${n}" ${n === 5 ? raw('checked') : ''} />${n}</label
              >`,
          )}
        </fieldset>
        ${textarea('comment', t('comment'), 2)}`;
    case 'reply':
      return html`${textarea('text', t('reply_to_customer'))}
        <label class="check"><input type="checkbox" name="question" value="1" />${t('is_question')}</label>
        <label class="check"><input type="checkbox" name="reusable" value="1" />${t('reusable')}</label>`;
    case 'note':
      return html`${textarea('text', t('note'))}<small class="muted">${t('note_hint')}</small>`;
    case 'escalate':
      return html`<label
        >${t('topic')}<select name="topic">
          ${Object.values(directory.topics).map(
            (topic) =>
              html`<option value="${topic.id}" ${topic.id === f.c.topic ? raw('selected') : ''}>
                ${topic.names[f.locale] ?? topic.names.en}
              </option>`,
          )}
        </select></label
      >`;
    case 'accept':
      return html`<label
        >${t('callback_by', { zone: f.timeZone })}<input type="datetime-local" name="callbackBy"
      /></label>`;
    case 'cannot_resolve':
      return textarea('reason', t('reason'), 2);
    case 'reassign': {
      const topic = directory.topics[f.c.topic];
      const ids = [...new Set([...(topic?.experts ?? []), ...(topic?.backups ?? [])])];
      return html`<label
        >${t('reassign_to')}<select name="to">
          <option value="">${t('anyone')}</option>
          ${ids.map((id) => html`<option value="${id}">${directory.people[id]?.name ?? id}</option>`)}
        </select></label
      >`;
    }
    case 'ask_colleague':
      return html`<label
          >${sharedLabel(f.locale, 'colleague')}<select name="${ASK_COLLEAGUE_FIELDS.colleague}">
            ${colleagueChoices(f.config, f.c, '', 100).map(
              (p) => html`<option value="${p.value}">${p.label}</option>`,
            )}
          </select></label
        >
        ${textarea(ASK_COLLEAGUE_FIELDS.question, sharedLabel(f.locale, 'colleague_question'))}`;
    case 'colleague_answer':
      return textarea(COLLEAGUE_ANSWER_FIELD, sharedLabel(f.locale, 'colleague_answer'));
    case 'resolve':
      return textarea('summary', t('summary'), 2);
    case 'record_outside':
      return html`<label>${t('channel')}<input type="text" name="channel" maxlength="${MAX_TEXT}" /></label>
        ${textarea('note', t('note'), 2)}`;
    case 'approve':
      return html`<input type="hidden" name="approvalId" value="${f.c.approval?.id ?? ''}" />
        ${textarea('apology', t('apology'))} ${textarea('plan', t('plan'))}`;
    case 'decline':
      return html`<input type="hidden" name="approvalId" value="${f.c.approval?.id ?? ''}" />
        ${textarea('reason', t('reason'), 2)}`;
    case 'mark_heavy':
      // Why it weighs, for the supervisors only (optional).
      return textarea('note', t('reason_optional'), 2);
    case 'incident_declare':
    case 'incident_update':
    case 'incident_resolve': {
      const words = incidentFormWords(name, f.locale);
      const field = { incident_declare: 'title', incident_update: 'text', incident_resolve: 'summary' }[name];
      return html`<input type="hidden" name="incidentId" value="${f.c.incident?.id ?? ''}" />
        ${textarea(field, words.field, name === 'incident_declare' ? 1 : 3)}`;
    }
    case 'write_recovery': {
      const words = recoveryFormWords(f.locale);
      return html`<p class="muted">${words.hint}</p>
        ${textarea(RECOVERY_FIELD, words.field, 4)}`;
    }
    case 'mark_resolved':
    case 'confirm':
    case 'claim':
    case 'close':
    case 'hand_over':
    case 'colleague_take':
    case 'abuse_reply':
    case 'abuse_take_over':
    case 'abuse_stay':
    case 'pair_up':
    case 'take_over':
      return null;
  }
}

/** One form of a case in a pane. */
export function caseForm(name: CaseFormName, f: FormContext): Html {
  const title = titleOf(name, f.locale);
  const hidden = html`<input type="hidden" name="form" value="${name}" />
    <input type="hidden" name="pane" value="${f.pane}" />
    <input type="hidden" name="caseId" value="${f.c.id}" />`;
  const fields = fieldsOf(name, f);
  if (fields === null) {
    return html`<form method="post" action="/act" class="act" data-form="${name}" data-case="${f.c.number}">
      ${hidden}<button type="submit">${title}</button>
    </form>`;
  }
  return html`<details class="act" data-form="${name}" data-case="${f.c.number}">
    <summary>${title}</summary>
    <form method="post" action="/act">
      ${hidden}${fields}<button type="submit">${label(f.locale, 'submit')}</button>
    </form>
  </details>`;
}
