import type { ImportResult, RestoreResult } from '../api/imports.api';

/** A file size as people read it, in the user's locale: 912 B, 48,2 kB, 2,3 MB. */
export function formatBytes(size: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // Intl spells bytes out ("912 byte"); B is what people read next to kB and MB.
  if (unit === 0) return `${new Intl.NumberFormat(locale).format(value)} B`;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** How long a job took: seconds with one decimal under a minute, else minutes and seconds. */
export function formatElapsed(ms: number, locale: string): string {
  const seconds = ms / 1000;
  const unit = (value: number, name: 'second' | 'minute', digits = 0) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
  if (seconds < 60) return unit(seconds, 'second', 1);
  const whole = Math.round(seconds);
  return `${unit(Math.floor(whole / 60), 'minute')} ${unit(whole % 60, 'second')}`;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A job's `result` read as an import's: absent counts are 0 (a cancelled job may stop before it counts some). */
export function importResultOf(result: Record<string, unknown> | null): ImportResult | null {
  if (!result) return null;
  return {
    total: count(result.total),
    inserted: count(result.inserted),
    updated: count(result.updated),
    unchanged: count(result.unchanged),
    duplicates: count(result.duplicates),
    errorCount: count(result.errorCount),
    elapsedMs: count(result.elapsedMs),
    validateOnly: result.validateOnly === true,
    backup: result.backup === true,
  };
}

export function restoreResultOf(result: Record<string, unknown> | null): RestoreResult | null {
  if (!result) return null;
  const list = Array.isArray(result.conflictList) ? (result.conflictList as RestoreResult['conflictList']) : [];
  return { total: count(result.total), restored: count(result.restored), unchanged: count(result.unchanged), conflicts: count(result.conflicts), conflictList: list };
}
