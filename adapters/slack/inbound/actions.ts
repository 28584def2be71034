// Button clicks. Each is acknowledged at once; then it either runs a desk command (claim, ask for
// a supervisor, reassign, mark resolved, confirm, reopen, close) or opens the form the command needs
// (escalate, accept, approve, reply or ask the customer, record outside contact…). Approve and Decline are for the team's supervisors while the approval
// waits (adapters/shared/deciders.ts): anyone else, or a late click, gets the refusal privately,
// before any form opens.
import type { App } from '@slack/bolt';
import { type Actor, type CommandResult, CoreError } from '../../../src/core/index.ts';
import { sendSuggestedAnswer } from '../../shared/answer-suggestions.ts';
import { colleagueChoices } from '../../shared/colleagues.ts';
import { requireDecider } from '../../shared/deciders.ts';
import type { IncidentForm } from '../../shared/incidents.ts';
import { REF } from '../conversation.ts';
import { ACTION_PREFIX, type AnyButtonId, type ButtonValue } from '../render/block-kit.ts';
import {
  acceptForm,
  askColleagueForm,
  colleagueAnswerForm,
  escalateForm,
  type FormMeta,
  fullTextView,
  incidentForm,
  outsideForm,
  rateForm,
  recoveryForm,
  replyForm,
  textForm,
  type View,
} from '../render/forms.ts';
import { type Inbound, logFailure, type Place, refusalText, runCommand, tellPrivately } from './context.ts';
import { handOverAllAnswer, toggleAway } from './away.ts';
import type { SlackUser } from './identity.ts';
import { blockAction, buttonValue, parseJson, parseOrLog } from './payloads.ts';

interface Click {
  u: SlackUser;
  actor: Actor;
  place: Place;
  value: ButtonValue;
  triggerId: string;
}

type Handler = (inb: Inbound, click: Click) => Promise<void>;

const command =
  (what: string, run: (inb: Inbound, caseId: string, actor: Actor) => Promise<CommandResult>): Handler =>
  async (inb, { u, actor, place, value }) => {
    await runCommand(inb, u, place, what, () => run(inb, value.c, actor));
  };

const form =
  (build: (inb: Inbound, click: Click, meta: FormMeta) => Promise<View> | View): Handler =>
  async (inb, click) => {
    const meta: FormMeta = { c: click.value.c, ...(click.value.a ? { a: click.value.a } : {}) };
    await inb.client.views.open({ trigger_id: click.triggerId, view: await build(inb, click, meta) });
  };

const localeOf = async (inb: Inbound, u: SlackUser) => (await inb.identity.reader(u)).locale;

/** Approve and Decline open their form only for a supervisor of the team, while the approval waits. */
async function decidersOnly(inb: Inbound, click: Click): Promise<void> {
  const c = await inb.desk.getCase(click.value.c);
  if (c) requireDecider(click.actor.id, c, click.value.a, inb.desk.config);
}

/** An incident's form; the button's `a` is the incident. */
const incidentOf = async (form: IncidentForm, inb: Inbound, click: Click, meta: FormMeta) =>
  incidentForm(form, await localeOf(inb, click.u), meta);

const HANDLERS: Record<AnyButtonId, Handler> = {
  claim: command('claim', (inb, caseId, actor) => inb.desk.claim({ caseId, actor })),
  escalate: form(async (inb, click, meta) => {
    const { directory } = inb.desk.config;
    const c = await inb.desk.getCase(click.value.c);
    const topics = Object.values(directory.topics);
    return escalateForm(await localeOf(inb, click.u), topics, c?.topic ?? directory.defaultTopic, meta);
  }),
  ask_supervisor: command('ask_supervisor', (inb, caseId, actor) =>
    inb.desk.askSupervisor({ caseId, actor }),
  ),
  reassign: command('reassign', (inb, caseId, actor) => inb.desk.reassign({ caseId, actor })),
  // Ask a colleague: the triage card's form (whom, and the question); the colleague's DM buttons.
  ask_colleague: form(async (inb, click, meta) => {
    const c = await inb.desk.getCase(click.value.c);
    const choices = c ? colleagueChoices(inb.desk.config, c, click.actor.id, 100) : [];
    // Slack refuses an empty menu: with nobody to ask, say so instead of opening the form.
    if (choices.length === 0)
      throw new CoreError('invalid_input', 'error.not_a_colleague', { number: c?.number ?? '?' });
    return askColleagueForm(await localeOf(inb, click.u), choices, meta);
  }),
  colleague_answer: form(async (inb, click, meta) => colleagueAnswerForm(await localeOf(inb, click.u), meta)),
  colleague_take: command('colleague_take', (inb, caseId, actor) =>
    inb.desk.takeFromColleague({ caseId, actor }),
  ),
  mark_resolved: command('mark_resolved', (inb, caseId, actor) => inb.desk.resolve({ caseId, actor })),
  confirm: command('confirm', (inb, caseId, actor) => inb.desk.confirm({ caseId, actor })),
  reopen: command('reopen', (inb, caseId, actor) => inb.desk.reopen({ caseId, actor })),
  abuse_reply: command('abuse_reply', (inb, caseId, actor) => inb.desk.sendAbuseReply({ caseId, actor })),
  abuse_take_over: command('abuse_take_over', (inb, caseId, actor) =>
    inb.desk.takeOverAbusive({ caseId, actor }),
  ),
  abuse_stay: command('abuse_stay', (inb, caseId, actor) => inb.desk.standWithHolder({ caseId, actor })),
  resolve: form(async (inb, click, meta) => textForm('resolve', await localeOf(inb, click.u), meta)),
  accept: form(async (inb, click, meta) => acceptForm(await localeOf(inb, click.u), meta)),
  cannot_resolve: form(async (inb, click, meta) =>
    textForm('cannot_resolve', await localeOf(inb, click.u), meta),
  ),
  add_details: form(async (inb, click, meta) => textForm('details', await localeOf(inb, click.u), meta)),
  rate: form(async (inb, click, meta) => rateForm(await localeOf(inb, click.u), meta)),
  reply: form(async (inb, click, meta) => replyForm(await localeOf(inb, click.u), meta)),
  record_outside: form(async (inb, click, meta) => outsideForm(await localeOf(inb, click.u), meta)),
  close: command('close', (inb, caseId, actor) => inb.desk.close({ caseId, actor })),
  approve: form(async (inb, click, meta) => {
    await decidersOnly(inb, click);
    return textForm('approve', await localeOf(inb, click.u), meta);
  }),
  decline: form(async (inb, click, meta) => {
    await decidersOnly(inb, click);
    return textForm('decline', await localeOf(inb, click.u), meta);
  }),
  declare_incident: form(async (inb, click, meta) => incidentOf('incident_declare', inb, click, meta)),
  incident_update: form(async (inb, click, meta) => incidentOf('incident_update', inb, click, meta)),
  resolve_incident: form(async (inb, click, meta) => incidentOf('incident_resolve', inb, click, meta)),
  // Level 4: the desk checks on submit that a supervisor of the team writes it.
  write_recovery: form(async (inb, click, meta) => recoveryForm(await localeOf(inb, click.u), meta)),
  // The answer bank (render/suggestions.ts): the button's `a` is the entry.
  send_answer: async (inb, { u, actor, place, value }) => {
    await runCommand(inb, u, place, 'send_answer', () =>
      sendSuggestedAnswer(inb.desk, inb.store.answers, { caseId: value.c, actor, entryId: value.a }),
    );
  },
  solved_it: async (inb, { u, actor, place, value }) => {
    await runCommand(inb, u, place, 'solved_it', () =>
      inb.desk.resolve({ caseId: value.c, actor, ...(value.a ? { fromAnswer: value.a } : {}) }),
    );
  },
  hand_over: command('hand_over', (inb, caseId, actor) => inb.desk.handOver({ caseId, actor })),
  // Heavy cases: "This one is heavy" on staff views; Pair up and Take over in the supervisors' message.
  mark_heavy: command('mark_heavy', (inb, caseId, actor) => inb.desk.markHeavy({ caseId, actor })),
  pair_up: command('pair_up', (inb, caseId, actor) => inb.desk.pairUp({ caseId, actor })),
  take_over: command('take_over', (inb, caseId, actor) => inb.desk.takeOver({ caseId, actor })),
  hand_over_all: async (inb, { u, place }) => {
    await tellPrivately(inb, u, place, await handOverAllAnswer(inb, u));
  },
  go_away: async (inb, { u }) => toggleAway(inb, u, true),
  come_back: async (inb, { u }) => toggleAway(inb, u, false),
  more: async (inb, click) => {
    const text = click.value.n ? await inb.store.refs.get(click.value.c, REF.fullText(click.value.n)) : null;
    if (text === null) return;
    await inb.client.views.open({
      trigger_id: click.triggerId,
      view: fullTextView(await localeOf(inb, click.u), text),
    });
  },
};

const isButtonId = (id: string): id is AnyButtonId => Object.hasOwn(HANDLERS, id);

export function registerActions(app: App, inb: Inbound): void {
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body }) => {
    await ack();
    const b = parseOrLog(blockAction, body, 'block_actions', inb.logger);
    const action = b?.actions[0];
    const id = action?.action_id.slice(ACTION_PREFIX.length) ?? '';
    const value = parseOrLog(buttonValue, parseJson(action?.value), 'button value', inb.logger);
    if (!b || !value || !isButtonId(id)) {
      if (b && value) inb.logger.warn('slack.unknown_action', { action: action?.action_id });
      return;
    }
    const u = { teamId: b.team?.id ?? b.user.team_id ?? '', userId: b.user.id };
    const place = { channel: b.channel?.id, threadTs: b.message?.thread_ts };
    const click: Click = { u, actor: inb.identity.actor(u), place, value, triggerId: b.trigger_id };
    try {
      await HANDLERS[id](inb, click);
    } catch (e) {
      logFailure(inb, id, u, e);
      await tellPrivately(inb, u, place, refusalText(e, await inb.identity.reader(u)));
    }
  });

  // Clicks on links and controls the adapter did not make are acknowledged so Slack does not warn.
  app.action(new RegExp(`^(?!${ACTION_PREFIX})`), async ({ ack }) => {
    await ack();
  });
}
