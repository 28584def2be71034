// Business-hours math on a team calendar, as pure functions over instants (epoch milliseconds).
//
// Meaning of a range: `[start, end)` covers exactly the instants whose local wall-clock time on
// that date lies in the range (`24:00` = the end of the date). So when the clocks jump forward,
// the skipped times are simply not there (00:00–24:00 is 23 h; a range starting inside the gap
// opens at the jump), and when they fall back the repeated times are open twice (00:00–24:00 is
// 25 h). Every instant has one local date, so the days' open intervals never overlap.
//
// The walk goes day by day over ranges, never minute by minute. Zone offsets are read at UTC noon
// of each date and memoised; only a day whose neighbouring offsets differ pays for a binary
// search of the transition instant.
import { IANAZone } from 'luxon';
import { CoreError } from './errors.ts';
import type { Calendar } from './model.ts';
import { WEEKDAYS } from './model.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Offsets stay within ±16 h, so the instants of a local date lie in [date − 16 h, date + 40 h). */
const LEEWAY = 16 * HOUR;
/** How long a search for open time runs before the calendar is declared never open (~2 years). */
const MAX_CLOSED_DAYS = 2 * 366;

interface Interval {
  start: number;
  end: number;
}
/** Minutes since local midnight, [start, end). */
type MinuteRange = readonly [start: number, end: number];

interface Plan {
  calendar: Calendar;
  zone: ZoneOffsets;
  /** Indexed like WEEKDAYS (0 = Monday): sorted, merged, non-empty ranges. */
  week: readonly (readonly MinuteRange[])[];
  holidays: ReadonlySet<string>;
}

/** True when the calendar is open at `at` (inside a range of its local weekday, not a holiday). */
export function isOpenAt(calendar: Calendar, at: Date): boolean {
  const t = at.getTime();
  for (const interval of openIntervals(planFor(calendar), t, t + 1)) return interval.start === t;
  return false;
}

/** `at` when open, else the start of the next open range. Throws `error.calendar_never_open`. */
export function nextOpening(calendar: Calendar, at: Date): Date {
  for (const interval of openIntervals(openPlanFor(calendar), at.getTime(), Number.POSITIVE_INFINITY)) {
    return new Date(interval.start);
  }
  throw neverOpen(calendar);
}

/**
 * The instant at which `ms` milliseconds of open time have elapsed after `start` (fractions are
 * rounded to whole milliseconds). A null calendar is a 24/7 clock. Counting starts at the next
 * opening when `start` is closed, but `ms = 0` returns `start` itself: nothing is owed, so
 * nothing waits for an opening. A total that runs out exactly at a closing returns the closing
 * instant (Friday 17:00, not Monday 09:00). Throws `error.calendar_never_open`.
 */
export function addWorkingTime(calendar: Calendar | null, start: Date, ms: number): Date {
  const owed = wholeMs(ms);
  const t = start.getTime();
  if (calendar === null || owed === 0) return new Date(t + owed);
  let remaining = owed;
  for (const interval of openIntervals(openPlanFor(calendar), t, Number.POSITIVE_INFINITY)) {
    const available = interval.end - interval.start;
    if (remaining <= available) return new Date(interval.start + remaining);
    remaining -= available;
  }
  throw neverOpen(calendar);
}

/** Open milliseconds in [from, to); 0 when `to <= from`. The inverse of `addWorkingTime`. */
export function workingTimeBetween(calendar: Calendar | null, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (calendar === null) return end - start;
  let total = 0;
  for (const interval of openIntervals(planFor(calendar), start, end)) {
    if (interval.start >= end) break;
    total += Math.min(interval.end, end) - interval.start;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// The walk

/**
 * Open intervals, in order, that end after `fromMs` (clipped to start no earlier), from the days
 * that can hold instants before `untilMs`. With an infinite `untilMs` the walk throws after
 * MAX_CLOSED_DAYS days without open time.
 */
function* openIntervals(plan: Plan, fromMs: number, untilMs: number): Generator<Interval> {
  // A buffer, because a fall-back at midnight lets a date's last hour follow the next date's first.
  const pending: Interval[] = [];
  let closedDays = 0;
  for (let day = Math.floor(fromMs / DAY) - 2; ; day++) {
    const bound = day * DAY - LEEWAY; // nothing from this date or later starts before it
    while (pending[0] && pending[0].start < bound) yield pending.shift()!;
    if (bound >= untilMs) return;
    const today = dayIntervals(plan, day).filter((interval) => interval.end > fromMs);
    if (today.length > 0) {
      closedDays = 0;
      for (const { start, end } of today) pending.push({ start: Math.max(start, fromMs), end });
      pending.sort((a, b) => a.start - b.start);
    } else if (++closedDays > MAX_CLOSED_DAYS && untilMs === Number.POSITIVE_INFINITY) {
      throw neverOpen(plan.calendar);
    }
  }
}

/** Open intervals of one local date, `day` being days since 1970-01-01. */
function dayIntervals(plan: Plan, day: number): Interval[] {
  const ranges = plan.week[weekdayIndex(day)] ?? [];
  if (ranges.length === 0 || plan.holidays.has(isoDate(day))) return [];
  const midnight = day * DAY; // the date's wall-clock midnight, read as if it were UTC
  const out: Interval[] = [];
  for (const segment of plan.zone.segments(midnight - LEEWAY, midnight + DAY + LEEWAY)) {
    for (const [from, to] of ranges) {
      // Instants of this segment whose wall time (instant + offset) is inside the range.
      const start = Math.max(midnight + from * MINUTE - segment.offset, segment.start);
      const end = Math.min(midnight + to * MINUTE - segment.offset, segment.end);
      if (end <= start) continue;
      const last = out.at(-1);
      if (last && last.end === start) last.end = end;
      else out.push({ start, end });
    }
  }
  return out;
}

/** 0 = Monday, like WEEKDAYS; day 0 (1970-01-01) was a Thursday. */
const weekdayIndex = (day: number): number => (((day + 3) % 7) + 7) % 7;
const isoDate = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------
// Zone offsets

interface Segment extends Interval {
  /** Local time minus UTC, in milliseconds. */
  offset: number;
}

const MEMO_LIMIT = 20_000;

/** Offsets of one IANA zone, read at UTC noon of each date; assumes at most one change per day. */
class ZoneOffsets {
  private readonly noon = new Map<number, number>();
  private readonly changes = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {}

  /** Constant-offset segments covering [from, to), in order. */
  segments(from: number, to: number): Segment[] {
    const out: Segment[] = [];
    const push = (start: number, end: number, offset: number) => {
      const last = out.at(-1);
      if (last && last.offset === offset && last.end === start) last.end = end;
      else if (end > start) out.push({ start, end, offset });
    };
    for (let k = Math.floor((from - DAY / 2) / DAY); k * DAY + DAY / 2 < to; k++) {
      const lo = k * DAY + DAY / 2;
      const before = this.noonOffset(k);
      const after = this.noonOffset(k + 1);
      if (before === after) {
        push(lo, lo + DAY, before);
      } else {
        const change = this.changeAfter(k, before);
        push(lo, change, before);
        push(change, lo + DAY, after);
      }
    }
    return out;
  }

  private offsetAt(ms: number): number {
    return Math.round(this.zone.offset(ms) * MINUTE);
  }

  private noonOffset(k: number): number {
    return remember(this.noon, k, () => this.offsetAt(k * DAY + DAY / 2));
  }

  /** The first instant after noon of day k whose offset differs from `before`. */
  private changeAfter(k: number, before: number): number {
    return remember(this.changes, k, () => {
      let lo = k * DAY + DAY / 2; // offset === before
      let hi = lo + DAY; // offset !== before
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (this.offsetAt(mid) === before) lo = mid;
        else hi = mid;
      }
      return hi;
    });
  }
}

function remember(memo: Map<number, number>, key: number, compute: () => number): number {
  const known = memo.get(key);
  if (known !== undefined) return known;
  if (memo.size >= MEMO_LIMIT) memo.clear();
  const value = compute();
  memo.set(key, value);
  return value;
}

// Zones and plans are pure derivations, memoised; calendars are treated as immutable values.
const zones = new Map<string, ZoneOffsets>();
const plans = new WeakMap<Calendar, Plan>();

function planFor(calendar: Calendar): Plan {
  const known = plans.get(calendar);
  if (known) return known;
  let zone = zones.get(calendar.timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(calendar.timeZone)) throw invalidCalendar(calendar, calendar.timeZone);
    zone = new ZoneOffsets(IANAZone.create(calendar.timeZone));
    zones.set(calendar.timeZone, zone);
  }
  const week = WEEKDAYS.map((weekday) =>
    normalize(
      (calendar.week[weekday] ?? []).map(([from, to]) => [minutes(calendar, from), minutes(calendar, to)]),
    ),
  );
  const plan: Plan = { calendar, zone, week, holidays: new Set(calendar.holidays) };
  plans.set(calendar, plan);
  return plan;
}

/** The plan of a calendar that has some open time in its week, else `error.calendar_never_open`. */
function openPlanFor(calendar: Calendar): Plan {
  const plan = planFor(calendar);
  if (plan.week.every((ranges) => ranges.length === 0)) throw neverOpen(calendar);
  return plan;
}

/** Sorted, merged, empty ranges dropped: config validation should already ensure it. */
function normalize(ranges: MinuteRange[]): MinuteRange[] {
  const out: [number, number][] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (to <= from) continue;
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

/** `HH:MM` to minutes since midnight; `24:00` (1440) is allowed. */
function minutes(calendar: Calendar, text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  const value = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(value <= 24 * 60)) throw invalidCalendar(calendar, text);
  return value;
}

function wholeMs(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new CoreError('invalid_input', 'error.invalid_duration', { ms: String(ms) });
  }
  return Math.round(ms);
}

const neverOpen = (calendar: Calendar) =>
  new CoreError('invalid_input', 'error.calendar_never_open', { calendar: calendar.id });

const invalidCalendar = (calendar: Calendar, value: string) =>
  new CoreError('invalid_input', 'error.calendar_invalid', { calendar: calendar.id, value });
