// Member text relayed by the bot is shown as written: no masked link, heading, list, quote,
// formatting or mention can come out of it under the bot's name (render/markdown.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { neutralise } from '../../../adapters/discord/render/markdown.ts';
import { IDS, lastMessage, type Rig, startRig } from './rig.ts';

/** A `[text](url)` Discord would render as a link: an unescaped `[` … `](`. */
const MASKED_LINK = /(^|[^\\])\[[^\]]*\]\(/;

describe('neutralise', () => {
  it.each([
    [
      '[discord.com/billing](https://evil.example/pay)',
      '\\[discord.com/billing\\](https://evil.example/pay)',
    ],
    ['see [a](x) and [b](<https://e.example>)', 'see \\[a\\](x) and \\[b\\](<https://e.example>)'],
    ['# Official notice', '\\# Official notice'],
    ['## Refund policy', '\\## Refund policy'],
    ['-# small print', '\\-# small print'],
    ['  ### indented', '  \\### indented'],
    ['- one\n- two', '\\- one\n\\- two'],
    ['+ plus item', '\\+ plus item'],
    ['* starred item', '\\* starred item'],
    ['1. first\n2. second', '1\\. first\n2\\. second'],
    ['> quoted\n>>> quoted to the end', '\\> quoted\n\\>>> quoted to the end'],
    [
      '**bold** _it_ __u__ ~~s~~ ||spoiler|| `code`',
      '\\*\\*bold\\*\\* \\_it\\_ \\_\\_u\\_\\_ \\~\\~s\\~\\~ \\|\\|spoiler\\|\\| \\`code\\`',
    ],
    ['Ping @everyone and @here', 'Ping @\u200beveryone and @\u200bhere'],
    [
      '<@1087000000000000001> <@&1300000000000000777> <#1200000000000000001>',
      '<@\u200b1087000000000000001> <@&\u200b1300000000000000777> <#\u200b1200000000000000001>',
    ],
    ['plain words, 3 items - fine # here', 'plain words, 3 items - fine # here'],
    ['a \\ backslash', 'a \\\\ backslash'],
  ])('%j is shown as written', (input, shown) => {
    expect(neutralise(input)).toBe(shown);
  });

  it('leaves no masked link, heading or list start in any of them', () => {
    const text = neutralise('[x](y)\n# h\n- l\n1. n\n> q\n[discord.com/billing](evil)');
    expect(text).not.toMatch(MASKED_LINK);
    expect(text).not.toMatch(/^[ \t]*(#{1,3} |-# |[-*+] |\d+\. |> )/m);
  });

  describe('through the adapter', () => {
    let rig: Rig | undefined;
    afterEach(async () => {
      await rig?.stop();
      rig = undefined;
    });

    it('a member’s masked link reaches the staff card and the owner’s DM as plain text', async () => {
      rig = await startRig();
      const words = '# URGENT\n[discord.com/billing](https://evil.example/pay) pay here';
      const { case: c } = await rig.openByMessage(rig.users.egle, words);
      await rig.deliver();
      const card = lastMessage(rig, IDS.triageSupport);
      const description = (card.embeds[0] as { description: string }).description;
      expect(description).toContain('\\# URGENT');
      expect(description).toContain('\\[discord.com/billing\\](https://evil.example/pay)');
      expect(description).not.toMatch(MASKED_LINK);

      await rig.desk.claim({ caseId: c.id, actor: { id: 'tom' } });
      await rig.desk.addDetails({
        caseId: c.id,
        actor: { id: c.customer.id },
        text: '1. [click](https://evil.example)',
      });
      await rig.deliver();
      const dm = rig.dmWith(rig.users.tom);
      const relayed = lastMessage(rig, dm?.id ?? '').content;
      expect(relayed).toContain('1\\. \\[click\\](https://evil.example)');
      expect(relayed).not.toMatch(MASKED_LINK);
    });
  });
});
