// `/support away [until]`, `/support back` and App Home's Away / Back toggle (adapters/shared/away.ts),
// answered privately: going away with open cases offers "Hand over #n" per case and "Hand over all".
import { comeBack, goAway, handOverAll, type AwayRequest } from '../../shared/away.ts';
import { awayMessage } from '../render/away.ts';
import { section } from '../render/block-kit.ts';
import { type Inbound, logFailure, refusalText } from './context.ts';
import { publishHome } from './home.ts';
import type { SlackUser } from './identity.ts';
import type { PrivateAnswer } from './report.ts';

/** The answer to `/support away …` or `/support back`; a refusal is the answer, in the reader's words. */
export async function awayAnswer(inb: Inbound, u: SlackUser, request: AwayRequest): Promise<PrivateAnswer> {
  const reader = await inb.identity.reader(u);
  const actor = inb.identity.actor(u);
  try {
    if (request.kind === 'back') {
      const text = await comeBack(inb.desk, actor, reader);
      return { text, blocks: [section(text)] };
    }
    return awayMessage(await goAway(inb.desk, actor, request.until, reader), reader.locale);
  } catch (e) {
    logFailure(inb, request.kind, u, e);
    return { text: refusalText(e, reader) };
  }
}

/** App Home's toggle: away (until back) or back, then the tab again; the answer in a direct message. */
export async function toggleAway(inb: Inbound, u: SlackUser, away: boolean): Promise<void> {
  const answer = await awayAnswer(inb, u, away ? { kind: 'away', until: '' } : { kind: 'back' });
  await publishHome(inb, u);
  await inb.client.chat.postMessage({ channel: await inb.dmChannel(u.userId), ...answer });
}

/** "Hand over all": the count handed over and left, privately. */
export async function handOverAllAnswer(inb: Inbound, u: SlackUser): Promise<string> {
  return handOverAll(inb.desk, inb.identity.actor(u), await inb.identity.reader(u));
}
