import type { DateBucket } from './aggregate.types';

/** The time zone of an operation that has not chosen one. */
export const DEFAULT_TIME_ZONE = 'America/Bogota';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, found);
  }
  return found;
}

/** Whether a name is an IANA time zone (`America/Bogota`, `UTC`); offsets and abbreviations are not. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== 'string' || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A calendar date `YYYY-MM-DD` (and hour) → the key of its bucket; weeks start on Monday (ISO). */
function keyOf(year: number, month: number, day: number, hour: number, bucket: DateBucket): string {
  switch (bucket) {
    case 'year':
      return pad(year, 4);
    case 'quarter':
      return `${pad(year, 4)}-Q${Math.ceil(month / 3)}`;
    case 'month':
      return `${pad(year, 4)}-${pad(month)}`;
    case 'week': {
      const date = new Date(Date.UTC(year, month - 1, day));
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
      return date.toISOString().slice(0, 10);
    }
    case 'day':
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    case 'hour':
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}`;
  }
}

/** The bucket key of a date (`YYYY-MM-DD`, no time zone) or of an instant (ISO) seen in `timeZone`; null for no value. */
export function bucketKey(value: unknown, kind: 'date' | 'datetime', bucket: DateBucket, timeZone: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (kind === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
    return match ? keyOf(Number(match[1]), Number(match[2]), Number(match[3]), 0, bucket) : null;
  }
  const instant = new Date(String(value));
  if (Number.isNaN(instant.getTime())) return null;
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return keyOf(Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), bucket);
}
