// Ask a colleague (src/core/commands/ask-colleague.ts), alike on every platform: whom the form
// offers to ask, and the form's field ids. The desk decides on submit (away, not staff...).
import { type Case, type DeskConfig, isStaffMember } from '../../src/core/index.ts';

/** The Ask a colleague form's fields: whom to ask, and the question. */
export const ASK_COLLEAGUE_FIELDS = { colleague: 'colleague', question: 'question' } as const;
/** The colleague's Answer form's one field. */
export const COLLEAGUE_ANSWER_FIELD = 'text';

export interface ColleagueChoice {
  /** The directory person's id (what desk.askColleague takes). */
  value: string;
  label: string;
}

/**
 * The staff members of the directory one may ask about `c`, by name: everyone on a team or expert
 * for a topic except the case's holder, its customer and the asker; at most `limit` (a platform's
 * menu size).
 */
export function colleagueChoices(
  config: DeskConfig,
  c: Pick<Case, 'ownerId' | 'customer'>,
  askerId: string,
  limit: number,
): ColleagueChoice[] {
  const skip = new Set([c.ownerId, c.customer.id, askerId]);
  return Object.values(config.directory.people)
    .filter((p) => !skip.has(p.id) && isStaffMember(config, p.id))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .slice(0, Math.max(0, limit))
    .map((p) => ({ value: p.id, label: p.name }));
}
