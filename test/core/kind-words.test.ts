// What went well: a rating of 4 or 5 with a comment reaches the holder as kind words, and the
// team's supervisors, in the same commit as the rating; other ratings as before.
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/core/index.ts';
import { customer } from '../support/desk-fixture.ts';
import { as, harness } from '../support/desk-harness.ts';

async function resolvedBy(holder: string) {
  const h = harness();
  const id = await h.open();
  await h.desk.claim({ caseId: id, actor: as(holder) });
  await h.desk.resolve({ caseId: id, actor: as(holder), summary: 'Invoice reissued' });
  return { h, id };
}

describe('kind words from a customer', () => {
  it('a 5 with a comment reaches the holder and each supervisor, in their language', async () => {
    const { h, id } = await resolvedBy('rasa');
    const rated = await h.desk.rate({
      caseId: id,
      actor: as(customer.id),
      score: 5,
      comment: 'Quick and kind',
    });
    expect(rated.notices.map((n) => [n.key, n.recipient])).toEqual([
      ['customer.rating_thanks', expect.objectContaining({ kind: 'customer' })],
      ['owner.kind_words', { kind: 'person', personId: 'rasa' }],
      ['supervisors.kind_words', { kind: 'supervisors', teamId: 'support' }],
    ]);
    const [toRasa, toSupervisors] = rated.notices.slice(1);
    expect(renderText('owner.kind_words', { locale: 'lt', timeZone: 'UTC', params: toRasa!.params })).toBe(
      'Gerų žodžių iš kliento: Eglė įvertino prašymą #1 5/5 ir parašė „Quick and kind“. Ačiū už Jūsų rūpestį.',
    );
    expect(
      renderText('supervisors.kind_words', { locale: 'fr', timeZone: 'UTC', params: toSupervisors!.params }),
    ).toBe(
      'De gentils mots d’un client : Eglė a noté la demande #1 5/5 et a écrit « Quick and kind ». Rasa Jonaitė s’en occupait.',
    );
  });

  it('a supervisor who held the case reads it once, in the supervisors’ copy', async () => {
    const { h, id } = await resolvedBy('marie');
    const rated = await h.desk.rate({ caseId: id, actor: as(customer.id), score: 4, comment: 'Thanks!' });
    expect(rated.notices.map((n) => n.key)).toEqual(['customer.rating_thanks', 'supervisors.kind_words']);
  });

  it.each<[score: number, comment: string, keys: string[]]>([
    [5, '', ['customer.rating_thanks', 'owner.rating']],
    [5, '   ', ['customer.rating_thanks', 'owner.rating']],
    [3, 'Fine', ['customer.rating_thanks', 'owner.rating']],
    [1, 'Slow', ['customer.rating_thanks', 'owner.rating', 'owner.rating']],
  ])('a %i with “%s” is a rating, not kind words', async (score, comment, keys) => {
    const { h, id } = await resolvedBy('rasa');
    const rated = await h.desk.rate({ caseId: id, actor: as(customer.id), score, comment });
    expect(rated.notices.map((n) => n.key)).toEqual(keys);
  });

  it('writes nothing for a malformed rating or comment', async () => {
    const { h, id } = await resolvedBy('rasa');
    const before = (await h.sent(id)).length;
    await expect(
      h.desk.rate({ caseId: id, actor: as(customer.id), score: '5' as never, comment: 'x' }),
    ).rejects.toMatchObject({ textKey: 'error.rating_range' });
    await expect(
      h.desk.rate({ caseId: id, actor: as(customer.id), score: 5, comment: { evil: true } as never }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await h.sent(id)).length).toBe(before);
  });
});
