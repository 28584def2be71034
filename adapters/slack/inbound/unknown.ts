// What Slack sends that this app does not handle: a slash command other than the configured one,
// a shortcut with another callback id, a form (view) the adapter did not make, a select asking for
// options. Each is acknowledged at once — never left for Bolt to answer 404 after 3 seconds — and
// the person is told kindly, privately, in their language, how to ask for help. A name that does not
// match usually means the app's manifest and SLACK_COMMAND / SLACK_SHORTCUT_CALLBACK_ID disagree:
// the log says so.
import type { App } from '@slack/bolt';
import { neutralise } from '../render/escape.ts';
import { FORM_PREFIX } from '../render/forms.ts';
import { type LabelKey, label } from '../render/labels.ts';
import { type Inbound, type Place, tellPrivately } from './context.ts';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const ANY = /^/;

/** Anything but exactly `name`. */
const allBut = (name: string): RegExp => new RegExp(`^(?!${escapeRegExp(name)}$)`);

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const idOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null ? text((v as { id?: unknown }).id) : undefined;

async function explain(
  inb: Inbound,
  userId: string | undefined,
  teamId: string | undefined,
  place: Place,
  key: LabelKey,
  params: Record<string, string> = {},
): Promise<void> {
  if (!userId) return;
  const u = { teamId: teamId ?? '', userId };
  const { locale } = await inb.identity.reader(u);
  await tellPrivately(inb, u, place, label(locale, key, { support: neutralise(inb.command), ...params }));
}

export function registerUnknown(app: App, inb: Inbound): void {
  app.command(allBut(inb.command), async ({ ack, body, respond }) => {
    await ack();
    const command = String(body.command);
    inb.logger.warn('slack.unknown_command', {
      command,
      expected: inb.command,
      hint: 'the manifest’s slash command and SLACK_COMMAND must be the same',
    });
    const userId = text(body.user_id);
    if (!userId) return;
    const u = { teamId: text(body.team_id) ?? '', userId };
    const { locale } = await inb.identity.reader(u);
    const words = label(locale, 'unknown_command', {
      command: neutralise(command),
      support: neutralise(inb.command),
    });
    try {
      await respond({ response_type: 'ephemeral', text: words });
    } catch {
      // No usable response_url: say it in the channel, or in a direct message.
      await tellPrivately(inb, u, { channel: text(body.channel_id) }, words);
    }
  });

  app.shortcut(allBut(inb.shortcutCallbackId), async ({ ack, body }) => {
    await ack();
    const b = body as unknown as Record<string, unknown>;
    inb.logger.warn('slack.unknown_shortcut', {
      callback: String(b.callback_id),
      expected: inb.shortcutCallbackId,
      hint: 'the manifest’s shortcut callback_id and SLACK_SHORTCUT_CALLBACK_ID must be the same',
    });
    const user = b.user as { team_id?: unknown } | undefined;
    await explain(
      inb,
      idOf(b.user),
      idOf(b.team) ?? text(user?.team_id),
      { channel: idOf(b.channel) },
      'unknown_shortcut',
    );
  });

  // The adapter's own forms (callback ids under FORM_PREFIX) are views.ts's.
  const notOurs = new RegExp(`^(?!${escapeRegExp(FORM_PREFIX)})`);
  app.view({ callback_id: notOurs, type: 'view_submission' }, async ({ ack, body }) => {
    await ack();
    inb.logger.warn('slack.unknown_form', { callback: body.view.callback_id });
    await explain(inb, body.user.id, body.team?.id ?? body.user.team_id, {}, 'unknown_form');
  });

  // A form closed without sending: nothing to do, but Slack waits for an answer.
  app.view({ callback_id: ANY, type: 'view_closed' }, async ({ ack }) => {
    await ack();
  });

  // The adapter offers no external selects: an options request gets an empty list at once.
  app.options(ANY, async ({ ack }) => {
    await ack({ options: [] });
  });
}
