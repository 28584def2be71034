// Words of the bot's own interface that both platforms show (case messages come from the core's
// catalog). Each platform keeps the words only it needs in its render/labels.ts.
import type { Locale } from '../../src/core/index.ts';

const en = {
  show_full_text: 'Show full text',
  status_more: '…and more open requests, not shown here.',
  approval_closed: 'No decision is needed any more: case #{number} is {status}.',
  suggestions_title: 'Past answers like this one',
  send_answer: 'Send this answer',
  answer_bank: 'Answer bank',
  reusable_option: 'Reusable: keep it for cases like this one',
  helped_others: 'Answers that helped others with a request like yours:',
  solved_it: 'This solved it',
  // Away (adapters/shared/away.ts): the hand-over buttons and App Home's toggle.
  hand_over: 'Hand over #{number}',
  hand_over_all: 'Hand over all',
  hand_over_case: 'Hand over (I am going away)',
  until: 'Back at (17:00, 2026-12-24 or tomorrow; empty: until I say I am back)',
  go_away: 'I am away',
  come_back: 'I am back',
  away_now: 'You are marked away: new cases go to others.',
  here_now: 'Going away? New cases will then go to others.',
  // Ask a colleague (adapters/shared/colleagues.ts): the triage card's button and the two forms.
  ask_colleague: 'Ask a colleague',
  colleague: 'Colleague',
  colleague_question: 'Your question (the customer never sees it)',
  colleague_answer_title: 'Answer your colleague',
  colleague_answer: 'Your answer (for the holder only)',
  // Level 4 recovery (adapters/shared/recovery.ts): its form on both platforms.
  recovery_title: 'Write the recovery',
  recovery_field: 'What we will do beyond the fix',
  recovery_hint: 'The customer receives it as you write it, with your name.',
} as const;

export type SharedLabelKey = keyof typeof en;

const fr: Record<SharedLabelKey, string> = {
  show_full_text: 'Afficher le texte complet',
  status_more: '… et d’autres demandes en cours, non affichées ici.',
  approval_closed: 'Plus aucune décision n’est nécessaire : la demande n°{number} est {status}.',
  suggestions_title: 'Réponses passées à une demande semblable',
  send_answer: 'Envoyer cette réponse',
  answer_bank: 'Banque de réponses',
  reusable_option: 'Réutilisable : la garder pour les demandes semblables',
  helped_others: 'Des réponses qui ont aidé d’autres personnes avec une demande comme la vôtre :',
  solved_it: 'Cela a résolu mon problème',
  // Away (adapters/shared/away.ts): the hand-over buttons and App Home's toggle.
  hand_over: 'Transmettre n°{number}',
  hand_over_all: 'Tout transmettre',
  hand_over_case: 'Transmettre (je m’absente)',
  until: 'Retour à (17:00, 2026-12-24 ou demain ; vide : jusqu’à mon retour)',
  go_away: 'Je m’absente',
  come_back: 'Je suis de retour',
  away_now: 'Vous êtes marqué absent : les nouvelles demandes vont à d’autres.',
  here_now: 'Vous vous absentez ? Les nouvelles demandes iront alors à d’autres.',
  // Ask a colleague (adapters/shared/colleagues.ts): the triage card's button and the two forms.
  ask_colleague: 'Demander à un collègue',
  colleague: 'Collègue',
  colleague_question: 'Votre question (jamais vue du client)',
  colleague_answer_title: 'Répondre au collègue',
  colleague_answer: 'Votre réponse (pour le responsable)',
  // Level 4 recovery (adapters/shared/recovery.ts): its form on both platforms.
  recovery_title: 'Geste de réparation',
  recovery_field: 'Ce que nous ferons au-delà de la correction',
  recovery_hint: 'Le client le reçoit tel que vous l’écrivez, avec votre nom.',
};

const lt: Record<SharedLabelKey, string> = {
  show_full_text: 'Rodyti visą tekstą',
  status_more: '… ir daugiau neužbaigtų užklausų, kurių čia nerodome.',
  approval_closed: 'Sprendimo nebereikia: užklausos Nr. {number} būsena – {status}.',
  suggestions_title: 'Ankstesni atsakymai į panašias užklausas',
  send_answer: 'Siųsti šį atsakymą',
  answer_bank: 'Atsakymų bankas',
  reusable_option: 'Tinka kartoti: išsaugoti panašioms užklausoms',
  helped_others: 'Atsakymai, kurie padėjo kitiems su panašia užklausa:',
  solved_it: 'Tai išsprendė mano problemą',
  // Away (adapters/shared/away.ts): the hand-over buttons and App Home's toggle.
  hand_over: 'Perduoti #{number}',
  hand_over_all: 'Perduoti visus',
  hand_over_case: 'Perduoti (išvykstu)',
  until: 'Grįšiu (17:00, 2026-12-24 arba rytoj; tuščia: kol pranešiu, kad grįžau)',
  go_away: 'Išvykstu',
  come_back: 'Grįžau',
  away_now: 'Esate pažymėti kaip išvykę: nauji prašymai skiriami kitiems.',
  here_now: 'Išvykstate? Tada nauji prašymai bus skiriami kitiems.',
  // Ask a colleague (adapters/shared/colleagues.ts): the triage card's button and the two forms.
  ask_colleague: 'Paklausti kolegos',
  colleague: 'Kolega',
  colleague_question: 'Jūsų klausimas (klientas jo nemato)',
  colleague_answer_title: 'Atsakyti kolegai',
  colleague_answer: 'Jūsų atsakymas (tik tvarkančiajam)',
  // Level 4 recovery (adapters/shared/recovery.ts): its form on both platforms.
  recovery_title: 'Parašyti atlyginimą',
  recovery_field: 'Ką padarysime be pataisymo',
  recovery_hint: 'Klientas tai gaus taip, kaip parašysite, su Jūsų vardu.',
};

const LABELS: Readonly<Record<Locale, Readonly<Record<SharedLabelKey, string>>>> = { en, fr, lt };

export type LabelParams = Readonly<Record<string, string | number>>;

/**
 * An interface text with its `{name}` placeholders filled from `params` (values already escaped
 * for the platform); a placeholder without a value stays as written. Each platform's labels use it.
 */
export const fillLabel = (template: string, params: LabelParams = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );

/** A shared label in `locale`. */
export const sharedLabel = (locale: Locale, key: SharedLabelKey, params: LabelParams = {}): string =>
  fillLabel(LABELS[locale][key], params);
