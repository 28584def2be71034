// Times on Discord are `<t:unix:F>` timestamps, which each reader's client shows in their own zone:
// the customer's acknowledgement, the staff card's text, a member's /support status. Never the
// team's zone written out.
import { afterEach, describe, expect, it } from 'vitest';
import { withDiscordTimes } from '../../../adapters/discord/render/times.ts';
import { noticeText } from '../../../adapters/discord/render/markdown.ts';
import { formatInstant, renderText } from '../../../src/core/index.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe('Discord times', () => {
  it.each([
    ['en', 'Europe/Vilnius', 'customer.claimed'],
    ['fr', 'America/Montreal', 'customer.claimed'],
    // Lithuanian writes "iki" + the weekday in the genitive: that form is replaced too.
    ['lt', 'Europe/Vilnius', 'customer.claimed'],
    ['lt', 'UTC', 'customer.claimed'],
  ] as const)('a notice in %s (%s) shows its instant as <t:…:F>', (locale, timeZone, key) => {
    const dueAt = '2026-11-24T13:30:00.000Z';
    const notice = { key, locale, timeZone, params: { name: 'Eglė', number: 7, ownerName: 'Tom', dueAt } };
    const text = noticeText(notice);
    expect(text).toContain(`<t:${unix(dueAt)}:F>`);
    expect(text).not.toContain(formatInstant(dueAt, locale, timeZone));
    expect(text).not.toContain(formatInstant(dueAt, locale, timeZone, { afterUntil: true }));
    expect(text).not.toMatch(/\b13:30\b|\b15:30\b|\b08:30\b/);
  });

  it('leaves a text without the instant, and an empty or invalid instant, as it is', () => {
    const reader = { locale: 'en', timeZone: 'UTC' } as const;
    const text = renderText('customer.claimed_no_due', {
      ...reader,
      params: { name: 'Eglė', number: 7, ownerName: 'Tom' },
    });
    expect(withDiscordTimes(text, ['', 'not a date'], reader)).toBe(text);
  });

  describe('through the adapter', () => {
    let rig: Rig | undefined;
    afterEach(async () => {
      await rig?.stop();
      rig = undefined;
    });

    it('the acknowledgement, the staff card and /support status show <t:…:F>', async () => {
      rig = await startRig();
      const { case: c, threadId } = await rig.openByMessage(rig.users.egle, 'My invoice is wrong.');
      await rig.deliver();
      const dueAt = c.window?.dueAt.toISOString() ?? '';
      expect(dueAt).not.toBe('');
      const stamp = `<t:${unix(dueAt)}:F>`;
      const teamZone = formatInstant(dueAt, 'en', c.customer.timeZone);

      const ack = rig.fake
        .messagesIn(threadId)
        .map((m) => m.content)
        .join('\n');
      expect(ack).toContain(`our team will reply by ${stamp}`);
      expect(ack).not.toContain(teamZone);

      const card = lastMessage(rig, IDS.triageSupport);
      const description = (card.embeds[0] as { description: string }).description;
      expect(description).toContain(stamp);
      expect(description).not.toContain(teamZone);

      const status = await rig.command(rig.users.egle, rig.channels.support, 'support', 'status');
      const shown = status.messages.map((m) => m.content).join('\n');
      expect(shown).toContain(`Case #1`);
      expect(shown).toContain(stamp);
      expect(shown).not.toContain(teamZone);
    });
  });
});
