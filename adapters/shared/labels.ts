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
