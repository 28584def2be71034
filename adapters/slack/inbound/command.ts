// `/support`: with words, opens a case from them; alone, opens the intake form (topic, description,
// urgency); `/support status` lists the person's open cases, privately; `/support report` and
// `/support console` answer supervisors privately (report.ts); `/support away [until]` and
// `/support back` set staff away or back (away.ts).
import type { App } from '@slack/bolt';
import type { Directory, Locale } from '../../../src/core/index.ts';
import { STATUS_LIMIT, statusText } from '../../shared/status.ts';
import { section } from '../render/block-kit.ts';
import { neutralise } from '../render/escape.ts';
import { intakeForm } from '../render/forms.ts';
import type { Inbound } from './context.ts';
import { openCaseFromSlack, startThread } from './intake.ts';
import { awayRequestOf } from '../../shared/away.ts';
import { awayAnswer } from './away.ts';
import { consoleAnswer, reportAnswer } from './report.ts';
import { command as commandPayload, parseOrLog } from './payloads.ts';

const STATUS_WORDS = new Set(['status', 'statut', 'būsena', 'busena']);
const REPORT_WORDS = new Set(['report', 'rapport', 'ataskaita']);
const CONSOLE_WORDS = new Set(['console', 'konsolė', 'konsole']);

const topicsOf = (directory: Directory) => Object.values(directory.topics);

export function registerCommand(app: App, inb: Inbound): void {
  app.command(inb.command, async ({ ack, body, respond }) => {
    await ack();
    const cmd = parseOrLog(commandPayload, body, 'slash command', inb.logger);
    if (!cmd) return;
    const u = { teamId: cmd.team_id, userId: cmd.user_id };
    const text = cmd.text.trim();
    const directory = inb.desk.config.directory;

    if (STATUS_WORDS.has(text.toLowerCase())) {
      const actor = inb.identity.actor(u);
      const [open, reader, customer] = await Promise.all([
        inb.desk.openCasesOf(actor.id, STATUS_LIMIT),
        inb.identity.reader(u),
        inb.identity.customer(u),
      ]);
      const status = statusText(open.cases, customer.name, directory, reader, neutralise, open.more);
      await respond({ response_type: 'ephemeral', text: status, blocks: [section(status)] });
      return;
    }
    const word = text.toLowerCase();
    if (REPORT_WORDS.has(word) || CONSOLE_WORDS.has(word)) {
      const answer = REPORT_WORDS.has(word) ? await reportAnswer(inb, u) : await consoleAnswer(inb, u);
      await respond({ response_type: 'ephemeral', ...answer });
      return;
    }
    const away = awayRequestOf(text);
    if (away) {
      await respond({ response_type: 'ephemeral', ...(await awayAnswer(inb, u, away)) });
      return;
    }
    if (text === '') {
      const locale: Locale = (await inb.identity.reader(u)).locale;
      const view = intakeForm(locale, topicsOf(directory), directory.defaultTopic, { ch: cmd.channel_id });
      await inb.client.views.open({ trigger_id: cmd.trigger_id, view });
      return;
    }
    const thread = await startThread(inb, u, cmd.channel_id);
    if (!thread) return;
    await openCaseFromSlack(inb, { customer: u, by: u, thread, text: inb.identity.plainText(text) });
  });
}
