// Level-4 risk: signals that a customer may go over everyone's head. Each signal adds points;
// the band rises with the score, and supervisors are warned once each time the band rises.
import type { Risk, RiskBand } from './model.ts';

export type RiskSignal =
  | 'keyword'
  | 'follow_up_burst'
  | 'missed_window'
  | 'declined_escalation'
  | 'asked_supervisor'
  | 'approval_missed'
  | 'went_outside';

const WEIGHTS: Record<RiskSignal, number> = {
  keyword: 3,
  follow_up_burst: 2,
  missed_window: 2,
  declined_escalation: 2,
  asked_supervisor: 1,
  approval_missed: 2,
  went_outside: 10,
};

const BAND_FLOOR: readonly [RiskBand, number][] = [
  ['high', 6],
  ['elevated', 3],
  ['low', 0],
];
const RANK: Record<RiskBand, number> = { low: 0, elevated: 1, high: 2 };

/** Whether `to` is a higher risk band than `from`. */
export const bandRose = (from: RiskBand, to: RiskBand): boolean => RANK[to] > RANK[from];

/** A burst: this many customer messages within BURST_WINDOW_MS. */
export const BURST_COUNT = 3;
export const BURST_WINDOW_MS = 10 * 60_000;

// Words that signal an intent to go over everyone's head, in en, fr and lt. Lithuanian is
// inflected, so its entries are stems followed by any letters (vadovas, vadovui, vadovo...).
const KEYWORD_PATTERNS: readonly string[] = [
  // English
  'managers?',
  'director',
  'directors',
  'ceo',
  'lawyers?',
  'attorneys?',
  'legal action',
  'complaints?',
  'complain',
  'public(?:ly)?',
  // French
  'responsables?',
  'directeur',
  'directrice',
  'pdg',
  'avocats?',
  'plaintes?',
  'réclamations?',
  'publique(?:ment)?',
  // Lithuanian
  'vadov\\p{L}*',
  'direktori\\p{L}*',
  'advokat\\p{L}*',
  'teisinink\\p{L}*',
  'skund\\p{L}*',
  'vieš\\p{L}*',
];

const KEYWORDS = new RegExp(`(?<![\\p{L}\\p{N}])(?:${KEYWORD_PATTERNS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

export const hasRiskWords = (text: string): boolean => KEYWORDS.test(text);

export const emptyRisk = (): Risk => ({
  score: 0,
  band: 'low',
  warnedBand: 'low',
  signals: [],
  recentCustomerMessages: [],
});

const bandFor = (score: number): RiskBand => BAND_FLOOR.find(([, floor]) => score >= floor)?.[0] ?? 'low';

export interface RiskUpdate {
  risk: Risk;
  /** True when the band rose above what supervisors were already warned about. */
  warn: boolean;
}

export function raiseRisk(risk: Risk, signals: readonly RiskSignal[]): RiskUpdate {
  if (signals.length === 0) return { risk, warn: false };
  const score = risk.score + signals.reduce((sum, s) => sum + WEIGHTS[s], 0);
  const band = bandFor(score);
  const warn = bandRose(risk.warnedBand, band);
  return {
    risk: {
      ...risk,
      score,
      band,
      warnedBand: warn ? band : risk.warnedBand,
      signals: [...risk.signals, ...signals].slice(-20),
    },
    warn,
  };
}

/** Signals carried by one customer message at `at`, and the updated message history. */
export function customerMessageSignals(
  risk: Risk,
  text: string,
  at: Date,
): { signals: RiskSignal[]; recent: Date[] } {
  const recent = [...risk.recentCustomerMessages, at].filter(
    (t) => at.getTime() - t.getTime() < BURST_WINDOW_MS,
  );
  const signals: RiskSignal[] = [];
  if (hasRiskWords(text)) signals.push('keyword');
  // Counted once per burst: exactly when the count reaches the threshold.
  if (recent.length === BURST_COUNT) signals.push('follow_up_burst');
  return { signals, recent };
}
