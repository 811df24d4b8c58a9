import type { FilterNode } from '../query/query.types';
import type { GaugeDateFilter } from './dashboard.types';

const pad = (n: number) => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

/** The calendar day (year, month, day, weekday 0 = Monday) of an instant in a time zone. */
function localDay(now: Date, timeZone: string): { y: number; m: number; d: number; weekday: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(now).map((p) => [p.type, p.value]));
  const y = Number(parts.year);
  const m = Number(parts.month);
  const d = Number(parts.day);
  return { y, m, d, weekday: (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 };
}

/** Local midnight of a calendar day in a time zone, as an ISO instant in UTC. */
export function zonedMidnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  let guess = target;
  // Two rounds settle the offset, also across a daylight-saving change.
  for (let round = 0; round < 2; round++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' })
        .formatToParts(new Date(guess))
        .map((p) => [p.type, p.value]),
    );
    const seen = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
    guess += target - seen;
  }
  return new Date(guess).toISOString();
}

/** The calendar days a gauge's date filter covers on `now`'s day in the time zone: from (included) to (excluded). */
export function gaugeDays(filter: GaugeDateFilter, now: Date, timeZone: string): { from: string; to: string } {
  if (typeof filter === 'object') return { from: filter.custom.from, to: nextDay(filter.custom.to) };
  const { y, m, d, weekday } = localDay(now, timeZone);
  switch (filter) {
    case 'today':
      return { from: day(y, m, d), to: day(y, m, d + 1) };
    case 'thisWeek':
      return { from: day(y, m, d - weekday), to: day(y, m, d - weekday + 7) };
    case 'thisMonth':
      return { from: day(y, m, 1), to: day(y, m + 1, 1) };
    case 'lastMonth':
      return { from: day(y, m - 1, 1), to: day(y, m, 1) };
    case 'thisQuarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: day(y, first, 1), to: day(y, first + 3, 1) };
    }
    case 'thisYear':
      return { from: day(y, 1, 1), to: day(y + 1, 1, 1) };
  }
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return day(y, m, d + 1);
}

/**
 * The filter a gauge adds to its aggregation: `dateField` within the range
 * (custom ranges include their last day). Date fields compare calendar days,
 * datetimes the instants of local midnight in the operation's time zone.
 */
export function gaugeFilter(dateField: string, kind: 'date' | 'datetime', filter: GaugeDateFilter, now: Date, timeZone: string): FilterNode {
  const days = gaugeDays(filter, now, timeZone);
  const from = kind === 'date' ? days.from : zonedMidnight(days.from, timeZone);
  const to = kind === 'date' ? days.to : zonedMidnight(days.to, timeZone);
  return {
    and: [
      { field: dateField, op: 'gte', value: from },
      { field: dateField, op: 'lt', value: to },
    ],
  };
}
