// A refused command explained kindly: the core's text in the reader's language and zone, its values
// escaped for the platform like any notice's; "try again" for a conflict; an apology for the rest.
import { describe, expect, it } from 'vitest';
import { neutralise as discordEscape } from '../../../adapters/discord/render/markdown.ts';
import { refusalText } from '../../../adapters/shared/refusals.ts';
import { neutralise as slackEscape } from '../../../adapters/slack/render/escape.ts';
import { CoreError, formatInstant } from '../../../src/core/index.ts';

const reader = { locale: 'en', timeZone: 'Europe/Vilnius' } as const;

describe('refusalText', () => {
  const unknownTopic = new CoreError('invalid_input', 'error.unknown_topic', {
    topic: '<!channel> *x* @here',
  });

  it('escapes the values a person gave, for each platform', () => {
    expect(refusalText(unknownTopic, reader, slackEscape)).toBe(
      'We do not know the topic “&lt;!channel&gt; *x* @\u200Bhere”. Please choose one from the list.',
    );
    expect(refusalText(unknownTopic, reader, discordEscape)).toBe(
      'We do not know the topic “<!channel> \\*x\\* @\u200bhere”. Please choose one from the list.',
    );
  });

  it('shows an instant in the reader’s zone and language', () => {
    const dueAt = '2026-11-23T13:00:00.000Z';
    const asked = new CoreError('invalid_state', 'error.supervisor_already_asked', { number: 4, dueAt });
    expect(refusalText(asked, reader, slackEscape)).toContain(formatInstant(dueAt, 'en', 'Europe/Vilnius'));
    const fr = refusalText(asked, { locale: 'fr', timeZone: 'America/Montreal' }, discordEscape);
    expect(fr).toContain(formatInstant(dueAt, 'fr', 'America/Montreal'));
  });

  it('a conflict asks to try again; anything else is a generic apology', () => {
    expect(refusalText(new CoreError('conflict', 'error.conflict'), reader, slackEscape)).toBe(
      'Someone else updated this case at the same moment. Please try again.',
    );
    expect(refusalText(new Error('socket hang up'), reader, slackEscape)).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });

  it('a refusal whose text lacks a value it needs is the generic apology, not a crash', () => {
    const broken = new CoreError('invalid_input', 'error.unknown_topic', {} as { topic: string });
    expect(refusalText(broken, reader, discordEscape)).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });
});
