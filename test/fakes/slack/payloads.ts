// Payloads shaped like the ones Slack sends (Events API envelopes, block_actions, view_submission,
// slash commands, message shortcuts), with only the fields real payloads carry.
export const TEAM = 'T0ACME001';
export const APP = 'A0LADDER01';

let eventSeq = 0;
let tsSeq = 0;
let triggerSeq = 0;

/** A fresh message ts, later than anything the fake Slack hands out. */
export const nextTs = (): string => `1763890000.${String(++tsSeq).padStart(6, '0')}`;
const trigger = () => `${++triggerSeq}.1763890000.trigger${triggerSeq}`;

export function eventCallback(event: Record<string, unknown>, options: { eventId?: string } = {}) {
  const eventId = options.eventId ?? `Ev0${String(++eventSeq).padStart(8, '0')}`;
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    api_app_id: APP,
    event: { event_ts: event.ts ?? nextTs(), ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1763890000,
    authorizations: [{ team_id: TEAM, user_id: 'U0BOT0001', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function directMessage(user: string, text: string, extra: { ts?: string; thread_ts?: string } = {}) {
  return {
    type: 'message',
    channel: `D${user.slice(1)}`,
    channel_type: 'im',
    user,
    text,
    ts: extra.ts ?? nextTs(),
    team: TEAM,
    ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}),
  };
}

export function channelMessage(
  channel: string,
  user: string,
  text: string,
  extra: { ts?: string; thread_ts?: string } = {},
) {
  return {
    type: 'message',
    channel,
    channel_type: 'channel',
    user,
    text,
    ts: extra.ts ?? nextTs(),
    team: TEAM,
    ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}),
  };
}

export function appMention(
  channel: string,
  user: string,
  text: string,
  extra: { ts?: string; thread_ts?: string } = {},
) {
  return {
    type: 'app_mention',
    channel,
    user,
    text,
    ts: extra.ts ?? nextTs(),
    team: TEAM,
    ...(extra.thread_ts ? { thread_ts: extra.thread_ts } : {}),
  };
}

export function reactionAdded(
  user: string,
  reaction: string,
  item: { channel: string; ts: string },
  itemUser?: string,
) {
  return {
    type: 'reaction_added',
    user,
    reaction,
    item: { type: 'message', ...item },
    ...(itemUser ? { item_user: itemUser } : {}),
    event_ts: nextTs(),
  };
}

export function appHomeOpened(user: string) {
  return { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home', event_ts: nextTs() };
}

/** A click on a button the bot posted, as the `payload` of an interactivity request. */
export function buttonClick(
  user: string,
  button: { action_id: string; value: string },
  where: { channel?: string; ts?: string; thread_ts?: string } = {},
) {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: APP,
    token: 'verification-token-unused',
    container: where.channel
      ? { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: false }
      : { type: 'view', view_id: 'V0HOME' },
    trigger_id: trigger(),
    team: { id: TEAM, domain: 'acme' },
    ...(where.channel
      ? {
          channel: { id: where.channel, name: 'directmessage' },
          message: {
            type: 'message',
            ts: where.ts,
            ...(where.thread_ts ? { thread_ts: where.thread_ts } : {}),
          },
        }
      : {}),
    response_url: 'https://hooks.slack.invalid/actions/T0ACME001/1/abc',
    actions: [
      {
        type: 'button',
        block_id: 'b1',
        action_id: button.action_id,
        value: button.value,
        action_ts: '1763890000.1',
      },
    ],
  };
}

/** A modal submitted: `values` maps block id → the input's state. */
export function viewSubmission(
  user: string,
  view: { callback_id: string; private_metadata?: string },
  values: Record<string, unknown>,
) {
  return {
    type: 'view_submission',
    team: { id: TEAM, domain: 'acme' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM },
    api_app_id: APP,
    token: 'verification-token-unused',
    trigger_id: trigger(),
    view: {
      id: 'V0MODAL01',
      type: 'modal',
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? '',
      state: {
        values: Object.fromEntries(Object.entries(values).map(([block, input]) => [block, { value: input }])),
      },
    },
  };
}

export const textValue = (value: string) => ({ type: 'plain_text_input', value });
export const selected = (value: string) => ({
  type: 'static_select',
  selected_option: { value, text: { type: 'plain_text', text: value } },
});
/** A checkboxes input with these options ticked (none: nothing ticked). */
export const ticked = (...values: string[]) => ({
  type: 'checkboxes',
  selected_options: values.map((value) => ({ value, text: { type: 'plain_text', text: value } })),
});
export const pickedTime = (at: Date) => ({
  type: 'datetimepicker',
  selected_date_time: Math.floor(at.getTime() / 1000),
});

export function slashCommand(user: string, channel: string, text: string, responseUrl: string) {
  return {
    token: 'verification-token-unused',
    team_id: TEAM,
    team_domain: 'acme',
    channel_id: channel,
    channel_name: 'general',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/support',
    text,
    api_app_id: APP,
    response_url: responseUrl,
    trigger_id: trigger(),
  };
}

export function messageShortcut(
  user: string,
  channel: string,
  message: { ts: string; user: string; text: string; thread_ts?: string },
) {
  return {
    type: 'message_action',
    token: 'verification-token-unused',
    action_ts: '1763890000.2',
    team: { id: TEAM, domain: 'acme' },
    user: { id: user, name: user.toLowerCase(), team_id: TEAM },
    channel: { id: channel, name: 'help-desk' },
    callback_id: 'open_case',
    trigger_id: trigger(),
    message_ts: message.ts,
    message: { type: 'message', ...message },
    response_url: 'https://hooks.slack.invalid/app/T0ACME001/2/def',
  };
}
