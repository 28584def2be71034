import { describe, expect, it } from 'vitest';
import { hasRiskWords } from '../../src/core/risk.ts';
import { customer } from '../support/desk-fixture.ts';
import { as, harness, MIN } from '../support/desk-harness.ts';

describe('risk words (en, fr, lt)', () => {
  it.each([
    ['I want to speak to your manager', true],
    ['I will write to the director', true],
    ['Forwarding this to your CEO', true],
    ['My lawyer will hear about this', true],
    ['I am filing a complaint', true],
    ['I will make this public', true],
    ['Je veux parler à votre responsable', true],
    ['J’écris au PDG', true],
    ['Mon avocat est au courant', true],
    ['Je vais porter plainte', true],
    ['Noriu kalbėti su vadovu', true],
    ['Rašysiu direktoriui', true],
    ['Kreipsiuosi į advokatą', true],
    ['Pateiksiu skundą', true],
    ['Paskelbsiu viešai', true],
    ['Thanks, the invoice looks right now', false],
    ['Management of my account page is confusing', false],
    ['Ačiū, viskas gerai', false],
    ['Merci beaucoup', false],
  ])('%s → %s', (text, expected) => {
    expect(hasRiskWords(text)).toBe(expected);
  });
});

describe('risk on a case', () => {
  it('warns supervisors once per rise of the band', async () => {
    const h = harness();
    const id = await h.open('The invoice is wrong again');
    expect(await h.sentWith(id, 'supervisors.risk_warning')).toHaveLength(0);
    h.clock.advanceMinutes(30);
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'I want your manager' }); // 3: elevated
    h.clock.advanceMinutes(30);
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'Your manager, please' }); // 6: high
    h.clock.advanceMinutes(30);
    await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: 'Still waiting for the manager' }); // 9: high
    const warnings = await h.sentWith(id, 'supervisors.risk_warning', 'supervisors');
    expect(warnings.map((w) => w.params.band)).toEqual(['elevated', 'high']);
    expect((await h.desk.getCase(id))?.risk).toMatchObject({ score: 9, band: 'high', warnedBand: 'high' });
  });

  it('a burst of follow-ups within ten minutes is a signal, counted once per burst', async () => {
    const h = harness();
    const id = await h.open('Hello?');
    for (let i = 0; i < 4; i++) {
      h.clock.advance(2 * MIN);
      await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: `Anyone there? (${i})` });
    }
    const c = await h.desk.getCase(id);
    expect(c?.risk.signals.filter((s) => s === 'follow_up_burst')).toHaveLength(1);
    expect(c?.risk.score).toBe(2);
  });

  it('spaced-out follow-ups are not a burst', async () => {
    const h = harness();
    const id = await h.open('Hello?');
    for (let i = 0; i < 4; i++) {
      h.clock.advance(6 * MIN);
      await h.desk.addDetails({ caseId: id, actor: as(customer.id), text: `Any news? (${i})` });
    }
    expect((await h.desk.getCase(id))?.risk.score).toBe(0);
  });
});
