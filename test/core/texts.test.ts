import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, LOCALES, PRIORITIES, type Priority, type RiskBand } from '../../src/core/model.ts';
import {
  actionLabelKey,
  CATALOGS,
  en,
  formatInstant,
  isTextKey,
  placeholdersOf,
  renderText,
  type TextKey,
} from '../../src/core/texts/index.ts';

const KEYS = Object.keys(en) as TextKey[];
// 08:00 UTC on a winter Wednesday: 10:00 in Vilnius (EET), 09:00 in Paris (CET).
const WINTER_INSTANT = '2025-01-15T08:00:00.000Z';

const ackParams = {
  name: 'Ona Petraitienė',
  number: 42,
  words: 'My laptop will not start after the update {name}',
  position: 3,
  firstResponseAt: WINTER_INSTANT,
};

describe('catalogs', () => {
  it.each(LOCALES)('%s has exactly the English keys, none empty', (locale) => {
    const catalog = CATALOGS[locale];
    expect(Object.keys(catalog).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) expect(catalog[key].trim(), `${locale} ${key}`).not.toBe('');
  });

  it.each(LOCALES)('%s uses the same placeholders as English for every key', (locale) => {
    for (const key of KEYS) {
      expect(placeholdersOf(CATALOGS[locale][key]).sort(), `${locale} ${key}`).toEqual(
        placeholdersOf(en[key]).sort(),
      );
    }
  });

  it.each(LOCALES)('%s has no stray braces and no exclamation marks', (locale) => {
    for (const key of KEYS) {
      const text = CATALOGS[locale][key];
      const withoutPlaceholders = text.replace(/\{[A-Za-z][A-Za-z0-9_]*(,[^{}]*)?\}/g, '');
      expect(withoutPlaceholders, `${locale} ${key}`).not.toMatch(/[{}!]/);
    }
  });

  it('has a label for every status, priority, band, level, role, decision and action', () => {
    const bands: RiskBand[] = ['low', 'elevated', 'high'];
    const labels = [
      ...CASE_STATUSES.map((s) => `status.${s}`),
      ...PRIORITIES.map((p: Priority) => `priority.${p}`),
      ...bands.map((b) => `risk.${b}`),
      ...[1, 2, 3, 4].map((l) => `level.${l}`),
      ...['customer', 'front_line', 'expert', 'supervisor', 'system'].map((r) => `role.${r}`),
      'decision.approved',
      'decision.declined',
      'nobody',
    ];
    expect(labels.filter((k) => !isTextKey(k))).toEqual([]);
    expect(actionLabelKey('ask_supervisor')).toBe('action.ask_supervisor');
    expect(renderText(actionLabelKey('reopen'), { locale: 'fr', timeZone: 'UTC' })).toBe('Rouvrir');
  });
});

describe('isTextKey', () => {
  it('accepts catalog keys and rejects anything else', () => {
    expect(isTextKey('customer.ack')).toBe(true);
    expect(isTextKey('customer.nope')).toBe(false);
    expect(isTextKey('toString')).toBe(false);
  });
});

describe('renderText', () => {
  it('substitutes params once, leaving braces inside values alone', () => {
    const text = renderText('customer.reply', {
      locale: 'en',
      timeZone: 'UTC',
      params: { number: 7, fromName: 'Marie', text: 'Try {number} again' },
    });
    expect(text).toBe('Reply from Marie on case #7:\nTry {number} again');
  });

  it.each([
    ['en', 'Ona Petraitienė', '#42', '3 requests are ahead of yours'],
    ['fr', 'Ona Petraitienė', 'numéro 42', '3 demandes précèdent la vôtre'],
    // Greeted in the vocative; three requests: the "few" form.
    ['lt', 'Ona Petraitiene', '#42', 'yra 3 prašymai'],
  ] as const)(
    '%s ack greets by name, echoes the words verbatim and counts the queue',
    (locale, name, number, ahead) => {
      const text = renderText('customer.ack', { locale, timeZone: 'Europe/Vilnius', params: ackParams });
      expect(text).toMatch(new RegExp(`^\\p{L}+,? ${name}[,.]`, 'u'));
      expect(text).toContain(ackParams.words);
      expect(text).toContain(number);
      expect(text).toContain(ahead);
      expect(text).toContain('10:00');
    },
  );

  it.each([
    ['en', 'next in the queue'],
    ['fr', 'la prochaine dans la file'],
    ['lt', 'eilėje yra kitas'],
  ] as const)('%s ack with nobody ahead says the request is next', (locale, phrase) => {
    const text = renderText('customer.ack', {
      locale,
      timeZone: 'UTC',
      params: { ...ackParams, position: 0 },
    });
    expect(text).toContain(phrase);
    expect(text).toContain(ackParams.words);
    expect(text).not.toMatch(/: 0\b/);
  });

  it('formats *At params in the reader’s zone', () => {
    const params = { name: 'Ana', number: 5, expertName: 'Jonas', dueAt: WINTER_INSTANT };
    const vilnius = renderText('customer.reassigned', { locale: 'en', timeZone: 'Europe/Vilnius', params });
    const paris = renderText('customer.reassigned', { locale: 'en', timeZone: 'Europe/Paris', params });
    expect(vilnius).toContain('Wednesday 15 January at 10:00');
    expect(paris).toContain('Wednesday 15 January at 09:00');
    expect(vilnius).not.toContain('09:00');
  });

  it('formats *At params in the reader’s language', () => {
    const params = { number: 5, dueAt: WINTER_INSTANT };
    const fr = renderText('supervisors.approval_nudge', { locale: 'fr', timeZone: 'Europe/Paris', params });
    const lt = renderText('customer.reassigned', {
      locale: 'lt',
      timeZone: 'Europe/Vilnius',
      params: { ...params, name: 'Eglė', expertName: 'Jonas' },
    });
    const ltNominative = renderText('supervisors.approval_nudge', {
      locale: 'lt',
      timeZone: 'Europe/Vilnius',
      params,
    });
    expect(ltNominative).toContain('terminas – trečiadienis, sausio 15 d., 10:00 GMT+2');
    expect(fr).toContain('mercredi 15 janvier');
    expect(fr).toContain('09:00');
    expect(lt).toContain('sausio 15');
    // After "iki" (until) the weekday is in the genitive.
    expect(lt).toContain('trečiadienio, sausio 15 d., 10:00');
    expect(lt).toContain('10:00');
  });

  it.each([
    ['en', 'priority: urgent', 'waiting for more information'],
    ['fr', 'priorité : urgente', 'en attente d’informations'],
    ['lt', 'prioritetas: skubus', 'laukiama papildomos informacijos'],
  ] as const)('%s translates priority and status codes', (locale, priority, status) => {
    const newCase = renderText('triage.new_case', {
      locale,
      timeZone: 'UTC',
      params: {
        number: 1,
        customerName: 'Tom',
        words: 'help',
        topicName: 'Billing',
        priority: 'urgent',
        firstResponseAt: WINTER_INSTANT,
        position: 0,
      },
    });
    expect(newCase).toContain(priority);
    const line = renderText('customer.status_line', {
      locale,
      timeZone: 'UTC',
      params: { number: 1, status: 'waiting_on_customer', ownerName: 'Tom', dueAt: WINTER_INSTANT },
    });
    expect(line).toContain(status);
  });

  it.each([
    ['en', 'risk: elevated', 'several messages in a short time, custom signal'],
    ['fr', 'risque : accru', 'plusieurs messages en peu de temps, custom signal'],
    ['lt', 'rizika: padidėjusi', 'keli pranešimai per trumpą laiką, custom signal'],
  ] as const)('%s translates the risk band and known signals', (locale, band, signals) => {
    const text = renderText('supervisors.risk_warning', {
      locale,
      timeZone: 'UTC',
      params: { number: 3, customerName: 'Tom', band: 'elevated', signals: 'follow_up_burst, custom signal' },
    });
    expect(text).toContain(band);
    expect(text).toContain(signals);
  });

  it('translates role, decision and coded reasons, and keeps free-text reasons as written', () => {
    const requested = renderText('supervisors.approval_requested', {
      locale: 'lt',
      timeZone: 'Europe/Vilnius',
      params: {
        number: 9,
        customerName: 'Tom',
        words: 'help',
        reason: 'no_expert',
        requestedByName: '',
        role: 'system',
        dueAt: WINTER_INSTANT,
      },
    });
    // Asked for by the ladder itself: said in the reader's language, no name.
    expect(requested).toContain('to paprašyta automatiškai');
    expect(requested).not.toContain('Support bot');
    expect(requested).toContain('šiai sričiai nėra laisvo eksperto');
    const byExpert = renderText('supervisors.approval_requested', {
      locale: 'lt',
      timeZone: 'Europe/Vilnius',
      params: {
        number: 9,
        customerName: 'Tom',
        words: 'help',
        reason: 'Reikia buhalterijos',
        requestedByName: 'Jonas Petraitis',
        role: 'expert',
        dueAt: WINTER_INSTANT,
      },
    });
    expect(byExpert).toContain('Prašo Jonas Petraitis (ekspertas)');
    const decided = renderText('supervisors.decided', {
      locale: 'fr',
      timeZone: 'UTC',
      params: { number: 9, supervisorName: 'Claire', decision: 'declined' },
    });
    expect(decided).toBe('Escalade de la demande #9 : refusée par Claire.');
    const declined = renderText('expert.declined', {
      locale: 'en',
      timeZone: 'UTC',
      params: { number: 9, supervisorName: 'Claire', reason: 'The customer already has a refund.' },
    });
    expect(declined).toContain(': The customer already has a refund.\n');
  });

  it('uses the no-comment and no-due forms for empty values', () => {
    const rating = renderText('owner.rating', {
      locale: 'en',
      timeZone: 'UTC',
      params: { number: 4, customerName: 'Tom', score: 5, comment: '  ' },
    });
    expect(rating).toBe('Tom rated case #4: 5/5, with no comment.');
    const line = renderText('customer.status_line', {
      locale: 'en',
      timeZone: 'UTC',
      params: { number: 4, status: 'open', ownerName: en.nobody, dueAt: '' },
    });
    expect(line).toBe('Case #4: open. Handled by: not assigned yet.');
  });

  it('throws naming the key and the param when a param is missing', () => {
    expect(() =>
      renderText('customer.claimed', { locale: 'fr', timeZone: 'UTC', params: { name: 'Ana', number: 1 } }),
    ).toThrow(/customer\.claimed.*ownerName/);
    expect(() => renderText('customer.ack', { locale: 'en', timeZone: 'UTC' })).toThrow(
      /customer\.ack.*name/,
    );
  });

  it('throws on an unknown code or a malformed instant', () => {
    const base = { number: 1, customerName: 'Tom', band: 'extreme', signals: '' };
    expect(() =>
      renderText('supervisors.risk_warning', { locale: 'en', timeZone: 'UTC', params: base }),
    ).toThrow(/supervisors\.risk_warning.*band.*risk\.extreme/);
    expect(() =>
      renderText('supervisors.approval_nudge', {
        locale: 'en',
        timeZone: 'UTC',
        params: { number: 1, dueAt: 'tomorrow' },
      }),
    ).toThrow(/approval_nudge.*dueAt/);
  });
});

describe('formatInstant', () => {
  it('shows the same instant in each zone with the zone name', () => {
    expect(formatInstant(WINTER_INSTANT, 'en', 'Europe/Vilnius')).toBe('Wednesday 15 January at 10:00 EET');
    expect(formatInstant(WINTER_INSTANT, 'en', 'Europe/Paris')).toBe('Wednesday 15 January at 09:00 CET');
    // Summer time: Vilnius is UTC+3.
    expect(formatInstant('2025-07-16T08:00:00Z', 'fr', 'Europe/Vilnius')).toContain('11:00');
  });
});
