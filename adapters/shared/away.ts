// Away at run time on every platform: `/support away [until]`, `/support back`, and the offer to
// hand over the open cases one holds when going away. The desk decides (src/core/away.ts); this
// file reads the subcommand and words the answers alike on each platform.
import {
  type Actor,
  ACTIVE_STATUSES,
  type Case,
  type Desk,
  isCoreError,
  renderText,
} from '../../src/core/index.ts';
import type { Reader } from './reader.ts';

const AWAY_WORDS = new Set(['away', 'absent', 'absente', 'išvykęs', 'išvykusi', 'isvykes', 'isvykusi']);
const BACK_WORDS = new Set(['back', 'retour', 'grįžau', 'grizau']);

/** What `/support <words>` asks about away. */
export type AwayRequest = { kind: 'away'; until: string } | { kind: 'back' };

/**
 * `away`, `away <until>` (one word: 17:00, 2026-12-24, tomorrow) or `back`, in any of the three
 * languages; more words are a request for help ("away from my desk, I cannot sign in"), not this.
 */
export function awayRequestOf(text: string): AwayRequest | null {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  const word = first.toLowerCase();
  if (AWAY_WORDS.has(word) && rest.length <= 1) return { kind: 'away', until: rest[0] ?? '' };
  if (BACK_WORDS.has(word) && rest.length === 0) return { kind: 'back' };
  return null;
}

/** The answer to going away: what was set, and the cases to offer to hand over (may be none). */
export interface AwayAnswer {
  text: string;
  /** Empty unless the person holds open cases; then `offer` introduces them. */
  held: readonly Case[];
  offer: string;
}

export async function goAway(desk: Desk, actor: Actor, until: string, reader: Reader): Promise<AwayAnswer> {
  const result = await desk.goAway({ actor, until });
  const text =
    result.until === null
      ? renderText('away.set', reader)
      : renderText('away.set_until', { ...reader, params: { untilAt: result.until.toISOString() } });
  const offer =
    result.held.length === 0
      ? ''
      : renderText('away.offer', { ...reader, params: { count: result.held.length } });
  return { text, held: result.held, offer };
}

export async function comeBack(desk: Desk, actor: Actor, reader: Reader): Promise<string> {
  const { wasAway } = await desk.comeBack({ actor });
  return renderText(wasAway ? 'away.back' : 'away.not_away', reader);
}

/**
 * "Hand over all": each open case the person holds is handed over through the desk (handOver),
 * one by one; a case the ladder refuses (one already waiting on a supervisor) stays with them.
 * Anything but a refusal is thrown. Returns the answer, in the reader's language.
 */
export async function handOverAll(desk: Desk, actor: Actor, reader: Reader): Promise<string> {
  const held = await desk.listCases({ ownerId: actor.id, statuses: ACTIVE_STATUSES, limit: 50 });
  let count = 0;
  for (const c of held) {
    try {
      await desk.handOver({ caseId: c.id, actor });
      count += 1;
    } catch (e) {
      if (!isCoreError(e)) throw e; // refused by the ladder: the case stays with them
    }
  }
  return renderText('away.handed_over', { ...reader, params: { count, left: held.length - count } });
}
