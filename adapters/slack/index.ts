// The Slack adapter's public API (wired into the app by src/main.ts).
export { createSlackAdapter, type SlackAdapter } from './adapter.ts';
export { neutralise, plainFromSlack } from './render/escape.ts';
export { SlackConfigError, type SlackOptions, slackOptionsFromEnv } from './options.ts';
