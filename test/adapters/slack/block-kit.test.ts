// Block Kit limits: a notice full of escapes still fits its section, and offers the rest with "Show
// full text" (cutting and splitting themselves are tested in test/adapters/shared/long-text.test.ts).
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../adapters/slack/render/block-kit.ts';
import { renderNotice } from '../../../adapters/slack/render/notice.ts';
import type { Notice } from '../../../src/core/model.ts';

const notice = (words: string): Notice => ({
  id: 'n-1',
  caseId: 'case-1',
  recipient: { kind: 'customer', customerId: 'slack:T1:U1', conversation: 'slack:T1:D1:1.1' },
  key: 'customer.ack',
  params: { name: 'Eglė', number: 7, words, position: 0, firstResponseAt: '2026-11-23T13:00:00.000Z' },
  actions: [{ id: 'add_details', caseId: 'case-1' }],
  locale: 'en',
  timeZone: 'Europe/Vilnius',
  dedupeKey: 'case-1:v1:0',
  createdAt: new Date('2026-11-23T08:00:00Z'),
});

describe('renderNotice', () => {
  it('a text that grows past the limit when escaped is cut and offers the rest', () => {
    const message = renderNotice(notice('<&>'.repeat(900)), [{ id: 'add_details', caseId: 'case-1' }]);
    const section = message.blocks[0] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    expect(section.text.text).not.toMatch(/&[a-z]{0,3}…/);
    expect(message.fullText).toContain('&lt;&amp;&gt;'.repeat(900));
    const buttons = (message.blocks[1] as { elements: { action_id: string; value: string }[] }).elements;
    expect(buttons.map((b) => b.action_id)).toEqual(['ladder:add_details', 'ladder:more']);
    expect(JSON.parse(buttons[1]?.value ?? '{}')).toEqual({ c: 'case-1', n: 'n-1' });
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
  });

  it('a short text is one section and its buttons, nothing kept aside', () => {
    const message = renderNotice(notice('My screen flickers'), []);
    expect(message.blocks).toHaveLength(1);
    expect(message.fullText).toBeUndefined();
    expect(message.text).toContain('“My screen flickers”');
  });
});
