// How many cases came in and went out: cases opened in the period (per topic, the topic they were
// opened with), and distinct cases resolved or closed in the period (automatically or not).
import type { CaseHistory } from './case-history.ts';
import { inPeriod, type ReportPeriod, textField } from './input.ts';
import { countBy } from './stats.ts';

export interface VolumeReport {
  opened: number;
  /** Distinct cases resolved or closed (automatically or not) in the period. */
  finished: number;
  /** Cases opened in the period per topic they were opened with, most first, then by topic. */
  openedByTopic: { topic: string; count: number }[];
}

export function volumeReport(histories: readonly CaseHistory[], period: ReportPeriod): VolumeReport {
  const opened = histories.filter((h) => inPeriod(period, h.openedAt));
  const topics = opened.map((h) => {
    const event = h.events.find((e) => e.type === 'case_opened');
    return (event && textField(event, 'topic')) ?? h.case.topic;
  });
  return {
    opened: opened.length,
    finished: histories.filter((h) => h.lifecycle.some((c) => c.finished && inPeriod(period, c.at))).length,
    openedByTopic: countBy(topics).map(({ key, count }) => ({ topic: key, count })),
  };
}
