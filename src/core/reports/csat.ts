// Customer satisfaction from `rated` events: a customer may rate a finished case again, and the
// latest rating of a case in the period is the one that counts (as on the case itself).
import type { CaseHistory } from './case-history.ts';
import { inPeriod, numberField, type ReportPeriod, textField } from './input.ts';
import { average } from './stats.ts';

export type Score = 1 | 2 | 3 | 4 | 5;
const isScore = (n: number | null): n is Score => n === 1 || n === 2 || n === 3 || n === 4 || n === 5;

export interface CsatComment {
  caseId: string;
  number: number;
  score: Score;
  comment: string;
  at: Date;
}

export interface CsatReport {
  /** Cases rated in the period. */
  count: number;
  /** Mean score, 1 to 5; null without ratings. */
  average: number | null;
  distribution: Record<Score, number>;
  /** Ratings with a comment, lowest score first, then oldest first. */
  comments: CsatComment[];
}

export function csatReport(histories: readonly CaseHistory[], period: ReportPeriod): CsatReport {
  const ratings: CsatComment[] = [];
  for (const h of histories) {
    let latest: CsatComment | null = null;
    for (const e of h.events) {
      if (e.type !== 'rated' || !inPeriod(period, e.at)) continue;
      const score = numberField(e, 'score');
      if (!isScore(score)) continue;
      latest = {
        caseId: h.case.id,
        number: h.case.number,
        score,
        comment: textField(e, 'comment') ?? '',
        at: e.at,
      };
    }
    if (latest) ratings.push(latest);
  }
  const distribution: Record<Score, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of ratings) distribution[r.score] += 1;
  return {
    count: ratings.length,
    average: average(ratings.map((r) => r.score)),
    distribution,
    comments: ratings
      .filter((r) => r.comment.trim() !== '')
      .sort((a, b) => a.score - b.score || a.at.getTime() - b.at.getTime()),
  };
}
