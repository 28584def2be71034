// Ask a colleague's free text is erased like every other text: the question in the audit event and
// in the notices' params; the ids (who was asked) and names of staff stay.
import { describe, expect, it } from 'vitest';
import { ERASED, redactEventData, redactParams } from '../../src/store/redaction.ts';

describe('redacting a question to a colleague', () => {
  it('erases the question and the answer, keeps who was asked', () => {
    expect(redactEventData({ colleagueId: 'tom', question: 'Is Eglė’s card blocked?' })).toEqual({
      colleagueId: 'tom',
      question: ERASED,
    });
    expect(redactEventData({ text: 'Yes, since Monday' })).toEqual({ text: ERASED });
    expect(
      redactParams({ askerName: 'Rasa', customerName: 'Eglė', question: 'Blocked?', words: 'My card' }),
    ).toEqual({ askerName: 'Rasa', customerName: ERASED, question: ERASED, words: ERASED });
  });
});
