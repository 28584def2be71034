// The abuse shield's word lists (src/core/abuse.ts), as tables: in each language, messages that
// are abusive (with the words staff see masked) and ordinary messages that must stay clean,
// however close their words come (the Scunthorpe problem).
import { describe, expect, it } from 'vitest';
import { findAbuse, forStaff, forStaffParams, maskAbuse, plainWord } from '../../src/core/abuse.ts';

type Row = [text: string, masked: string, kinds: string];

const POSITIVE: Record<'en' | 'fr' | 'lt', Row[]> = {
  en: [
    ['You idiot, fix it', 'You i••••, fix it', 'insult'],
    ['IDIOTS. All of you.', 'I•••••. All of you.', 'insult'],
    ['what a st00pid bot', 'what a st00pid bot', ''],
    ['what a stupid bot', 'what a s••••• bot', 'insult'],
    ['this is sh1t', 'this is s•••', 'insult'],
    ['F*** off you moron', 'F*** off you m••••', 'insult'],
    ['useless fucking app', 'useless f•••••• app', 'insult'],
    ['you absolute 1d10t', 'you absolute 1••••', 'insult'],
    ['Stuuuupid support', 'S•••••••• support', 'insult'],
    ['I will kill you', 'I will k••• you', 'threat'],
    ['I know where you live.', 'I k••• where you live.', 'threat'],
    ['you will regret this', 'you will r••••• this', 'threat'],
    ['you’ll regret this, idiot', 'you’ll r••••• this, i••••', 'threat insult'],
  ],
  fr: [
    ['Espèce de crétin !', 'Espèce de c••••• !', 'insult'],
    ['bande de cons', 'bande de c•••', 'insult'],
    ['pauvre con', 'pauvre c••', 'insult'],
    ['Vous êtes des incapables, des abrutis', 'Vous êtes des incapables, des a••••••', 'insult'],
    ['Quel service de merde', 'Quel service de m••••', 'insult'],
    ['ta gueule', 'ta g•••••', 'insult'],
    ['connard', 'c••••••', 'insult'],
    ['Je vais vous tuer', 'Je vais vous t•••', 'threat'],
    ['vous allez le regretter', 'vous allez le r••••••••', 'threat'],
  ],
  lt: [
    ['Jūs kvailiai', 'Jūs k•••••••', 'insult'],
    ['koks kvailas botas', 'koks k•••••• botas', 'insult'],
    ['tu idiotas', 'tu i••••••', 'insult'],
    ['idiote, atsakyk', 'i•••••, atsakyk', 'insult'],
    ['Debilai dirba', 'D•••••• dirba', 'insult'],
    ['asilas', 'a•••••', 'insult'],
    ['KVAILYS', 'K••••••', 'insult'],
    ['kvailys be diakritikų: kvailys', 'k•••••• be diakritikų: k••••••', 'insult'],
    ['Aš tave nužudysiu', 'Aš tave n••••••••', 'threat'],
    ['nuzudysiu', 'n••••••••', 'threat'],
    ['užmušiu tave', 'u•••••• tave', 'threat'],
    ['Pasigailėsite', 'P••••••••••••', 'threat'],
    ['žinau kur gyveni', 'žinau kur g•••••', 'threat'],
  ],
};

const NEGATIVE: Record<'en' | 'fr' | 'lt', string[]> = {
  en: [
    'I live in Scunthorpe and my class assessment failed',
    'Please kill the process and restart the server',
    'The cocktail menu in Dickens hall',
    'My therapist’s assistant cannot log in',
    'Pros and cons of the new plan',
    'a debilitating bug in the export',
    'sudo apt install fails with shiitake.txt',
    'Thank you, this is great',
    'Can you ship it tomorrow?',
    '',
  ],
  fr: [
    'Le contrat et la constitution de la société',
    'Ma salopette est arrivée, merci',
    'Demande d’asile : le formulaire plante',
    'Je dois tuer le temps en attendant la réponse',
    'Je n’arrive pas à retrouver vos e-mails',
    'Concernant ma facture',
  ],
  lt: [
    'Sveiki, prašau sudaryti sutartį',
    'Linksmų Kalėdų!',
    'Pistoletas ir pistacijos neatvyko',
    'Niekas neatsako į mano laišką',
    'Kaip pasigailėti klaidos?',
    'Nesugebu prisijungti prie paskyros',
  ],
};

describe('abusive words, masked (positives)', () => {
  for (const [locale, rows] of Object.entries(POSITIVE)) {
    it.each(rows)(`${locale}: “%s” → “%s” (%s)`, (text, masked, kinds) => {
      const hits = findAbuse(text);
      expect(maskAbuse(text, hits)).toBe(masked);
      expect([...new Set(hits.map((h) => h.kind))].join(' ')).toBe(kinds);
    });
  }
});

describe('ordinary words stay clean (negatives)', () => {
  for (const [locale, rows] of Object.entries(NEGATIVE)) {
    it.each(rows)(`${locale}: “%s”`, (text) => {
      expect(findAbuse(text)).toEqual([]);
      expect(forStaff(text)).toEqual({ text });
    });
  }
});

describe('reading words', () => {
  it.each([
    ['Kvailỹs', 'kvailys'],
    ['NUŽUDYSIU', 'nuzudysiu'],
    ['1d10t', 'idiot'],
    ['$h1t', 'shit'],
    ['2026', '2026'],
    ['sooo', 'so'],
  ])('%s reads as %s', (word, plain) => {
    expect(plainWord(word)).toBe(plain);
  });

  it('survives input that is not text, or is huge', () => {
    expect(findAbuse(undefined as never)).toEqual([]);
    expect(findAbuse(null as never)).toEqual([]);
    const huge = 'idiot '.repeat(10_000);
    const hits = findAbuse(huge);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(20_000 / 6 + 1);
    expect(maskAbuse(huge, hits).startsWith('i•••• i••••')).toBe(true);
  });

  it('masks the customer’s words in staff params and flags them; leaves staff’s own text', () => {
    expect(forStaffParams('owner.customer_details', { customerName: 'Eglė', text: 'you moron' })).toEqual({
      customerName: 'Eglė',
      text: 'you m••••',
      abusive: 1,
    });
    const note = { authorName: 'Rasa', text: 'he called me an idiot' };
    expect(forStaffParams('triage.note', note)).toBe(note);
    expect(forStaffParams('triage.new_case', { words: 'fine words' })).toEqual({ words: 'fine words' });
  });
});
