// The words of away's controls on both platforms (adapters/shared/away.ts): the hand-over buttons
// and App Home's toggle.
import type { Locale } from '../../src/core/index.ts';
import { fillLabel, type LabelParams } from './labels.ts';

const en = {
  hand_over: 'Hand over #{number}',
  hand_over_all: 'Hand over all',
  hand_over_case: 'Hand over (I am going away)',
  until: 'Back at (17:00, 2026-12-24 or tomorrow; empty: until I say I am back)',
  go_away: 'I am away',
  come_back: 'I am back',
  away_now: 'You are marked away: new cases go to others.',
  here_now: 'Going away? New cases will then go to others.',
} as const;

export type AwayLabelKey = keyof typeof en;

const fr: Record<AwayLabelKey, string> = {
  hand_over: 'Transmettre n°{number}',
  hand_over_all: 'Tout transmettre',
  hand_over_case: 'Transmettre (je m’absente)',
  until: 'Retour à (17:00, 2026-12-24 ou demain ; vide : jusqu’à mon retour)',
  go_away: 'Je m’absente',
  come_back: 'Je suis de retour',
  away_now: 'Vous êtes marqué absent : les nouvelles demandes vont à d’autres.',
  here_now: 'Vous vous absentez ? Les nouvelles demandes iront alors à d’autres.',
};

const lt: Record<AwayLabelKey, string> = {
  hand_over: 'Perduoti #{number}',
  hand_over_all: 'Perduoti visus',
  hand_over_case: 'Perduoti (išvykstu)',
  until: 'Grįšiu (17:00, 2026-12-24 arba rytoj; tuščia: kol pranešiu, kad grįžau)',
  go_away: 'Išvykstu',
  come_back: 'Grįžau',
  away_now: 'Esate pažymėti kaip išvykę: nauji prašymai skiriami kitiems.',
  here_now: 'Išvykstate? Tada nauji prašymai bus skiriami kitiems.',
};

const LABELS: Readonly<Record<Locale, Readonly<Record<AwayLabelKey, string>>>> = { en, fr, lt };

export const awayLabel = (locale: Locale, key: AwayLabelKey, params: LabelParams = {}): string =>
  fillLabel(LABELS[locale][key], params);
