// Level 4 recovery's form on both platforms: one field (what we will do beyond the fix), its words
// from the shared catalogue, its longest text, and the desk command a submission runs. The desk
// decides who may (a supervisor of the team), and refuses empty or too long words kindly.
import { type Actor, type Desk, type Locale, MAX_RECOVERY_CHARS } from '../../src/core/index.ts';
import { sharedLabel } from './labels.ts';

export const RECOVERY_FIELD = 'text';
export const RECOVERY_MAX_CHARS = MAX_RECOVERY_CHARS;

export const recoveryFormWords = (locale: Locale) => ({
  title: sharedLabel(locale, 'recovery_title'),
  field: sharedLabel(locale, 'recovery_field'),
  hint: sharedLabel(locale, 'recovery_hint'),
});

/** A submitted recovery form; `words` as read from the platform's payload (missing: empty). */
export const submitRecovery = (desk: Desk, caseId: string, actor: Actor, words: string): Promise<unknown> =>
  desk.writeRecovery({ caseId, actor, text: words });
