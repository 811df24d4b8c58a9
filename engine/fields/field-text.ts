import Decimal from 'decimal.js';
import type { Locale, LocalizedText, PicklistOption } from '../definition/module-definition.types';
import type { DateOrder, ImportValueOptions, ParseOptions } from '../import/import.types';
import { messageFor } from '../issues/issue.messages';
import type { ParseResult } from './field-type';

/** Number formatting locales: Colombian Spanish and US English. */
export const NUMBER_LOCALES: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };
const DECIMAL_MARK: Record<Locale, string> = { es: ',', en: '.' };
const THOUSANDS_MARK: Record<Locale, string> = { es: '.', en: ',' };

export const parsed = (value: unknown): ParseResult => ({ ok: true, value });
export const refused = (code: string, params: Record<string, string | number | LocalizedText> = {}): ParseResult => ({ ok: false, issue: { code, message: messageFor(code, params) } });

/** Lower case without accents or surrounding space: "Sí" and "si", "Teléfono" and "telefono" read alike. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

/**
 * "1.234.567,50", "1,234,567.50", "$ 1234,5" or "15 %" → "1234567.50"-style decimal text.
 * An import's `decimalMark` makes that mark the decimal one and the other
 * grouping. Without it: with both marks the last one is the decimal mark; a
 * repeated mark groups thousands; a single mark is decimal, unless it is the
 * language's thousands mark followed by exactly three digits ("1.500" is 1500 in Spanish).
 */
export function decimalText(raw: string, options: ParseOptions): string | undefined {
  let text = raw
    .trim()
    .replace(/[\s\u00a0$%]/g, '')
    .replace(/^[A-Z]{3}(?=[-\d])|(?<=\d)[A-Z]{3}$/g, '');
  if (!text) return undefined;
  if (options.decimalMark) {
    const grouping = options.decimalMark === ',' ? '.' : ',';
    const [whole, ...fraction] = text.split(options.decimalMark);
    if (fraction.length > 1) return undefined;
    // Grouping marks sit between groups of three digits; "12.34" with a decimal comma is a typo, not 1234.
    if (whole.includes(grouping) && !new RegExp(`^-?\\d{1,3}(\\${grouping}\\d{3})+$`).test(whole)) return undefined;
    text = whole.split(grouping).join('') + (fraction.length ? `.${fraction[0]}` : '');
  } else {
    const lang = options.lang;
    const commas = (text.match(/,/g) ?? []).length;
    const dots = (text.match(/\./g) ?? []).length;
    if (commas && dots) text = text.lastIndexOf(',') > text.lastIndexOf('.') ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
    else if (commas > 1) text = text.replace(/,/g, '');
    else if (dots > 1) text = text.replace(/\./g, '');
    else if (commas + dots === 1) {
      const mark = commas ? ',' : '.';
      const grouped = new RegExp(`^-?\\d{1,3}\\${mark}\\d{3}$`).test(text);
      text = grouped && mark === THOUSANDS_MARK[lang] ? text.replace(mark, '') : text.replace(mark, '.');
    }
  }
  return /^-?\d+(\.\d+)?$/.test(text) ? text.replace(/^(-?)0+(?=\d)/, '$1') : undefined;
}

/**
 * Decimal text with at most `scale` decimals, rounded half-up (away from zero
 * on a tie, as people round money). Text already within the scale is kept as
 * written, so "1.500" stays "1.500" at scale 3.
 */
export function roundedToScale(text: string, scale: number): string {
  const decimals = text.split('.')[1]?.length ?? 0;
  if (decimals <= scale) return text;
  const rounded = new Decimal(text).toFixed(scale, Decimal.ROUND_HALF_UP);
  return /^-0(\.0*)?$/.test(rounded) ? rounded.slice(1) : rounded;
}

/** A decimal string written with the language's decimal mark and no grouping, so `decimalText` reads it back. */
export function decimalOut(value: unknown, lang: Locale, options: Partial<ImportValueOptions> = {}): string {
  return String(value).replace('.', options.decimalMark ?? DECIMAL_MARK[lang]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDate(year: number, month: number, day: number): string | undefined {
  const when = new Date(Date.UTC(year, month - 1, day));
  if (when.getUTCFullYear() !== year || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const ORDER_PATTERNS: Record<DateOrder, { pattern: RegExp; parts: [number, number, number] }> = {
  dmy: { pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, parts: [3, 2, 1] },
  mdy: { pattern: /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/, parts: [3, 1, 2] },
  ymd: { pattern: /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/, parts: [1, 2, 3] },
};

/**
 * YYYY-MM-DD always; then, with an import's `dateOrder`, only that order
 * (18/08/2021 as dmy, 08/18/2021 as mdy, 2021/08/18 as ymd; dashes or dots
 * too). Without it, DD/MM/YYYY or M/D/YYYY by the language (Spanish day
 * first, English month first) unless one part is over 12 and only the other
 * order fits. A day the calendar lacks (31/02) is no date.
 */
export function dateText(raw: string, options: ParseOptions): string | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (options.dateOrder) {
    const { pattern, parts } = ORDER_PATTERNS[options.dateOrder];
    const match = pattern.exec(text);
    return match ? realDate(Number(match[parts[0]]), Number(match[parts[1]]), Number(match[parts[2]])) : undefined;
  }
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!local) return undefined;
  const [a, b, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  const dayFirst = a > 12 ? true : b > 12 ? false : options.lang === 'es';
  return dayFirst ? realDate(year, b, a) : realDate(year, a, b);
}

/** A YYYY-MM-DD date written in an import's date order, so `dateText` reads it back with that order. */
export function dateOut(iso: string, order: DateOrder): string {
  const [year, month, day] = iso.split('-');
  return order === 'dmy' ? `${day}/${month}/${year}` : order === 'mdy' ? `${month}/${day}/${year}` : `${year}/${month}/${day}`;
}

const ORDER_FORMATS: Record<DateOrder, LocalizedText> = {
  dmy: { es: 'DD/MM/AAAA', en: 'DD/MM/YYYY' },
  mdy: { es: 'MM/DD/AAAA', en: 'MM/DD/YYYY' },
  ymd: { es: 'AAAA/MM/DD', en: 'YYYY/MM/DD' },
};

/** The date form an import reads, as the refusal names it. */
export function dateFormat(options: ParseOptions, withTime = false): LocalizedText {
  const base = options.dateOrder ? ORDER_FORMATS[options.dateOrder] : { es: 'DD/MM/AAAA', en: 'M/D/YYYY, DD/MM/YYYY' };
  const time = withTime ? ' HH:mm' : '';
  return { es: `${base.es}${time} o AAAA-MM-DD${withTime ? ' (ISO 8601)' : ''}`, en: `${base.en}${time} or YYYY-MM-DD${withTime ? ' (ISO 8601)' : ''}` };
}

/** A date and time: ISO 8601 (with its offset), or a date as `dateText` reads it with an optional HH:mm[:ss], taken as UTC. */
export function datetimeText(raw: string, options: ParseOptions): string | undefined {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const when = new Date(text);
    return Number.isNaN(when.getTime()) ? undefined : when.toISOString();
  }
  const parts = /^(\S+)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!parts) return undefined;
  const day = dateText(parts[1], options);
  if (!day) return undefined;
  const [hours, minutes, seconds] = [Number(parts[2] ?? 0), Number(parts[3] ?? 0), Number(parts[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return `${day}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}.000Z`;
}

const TRUE_WORDS = new Set(['si', 'yes', 'true', '1', 'x', 'verdadero']);
const FALSE_WORDS = new Set(['no', 'false', '0', 'falso']);

export function booleanText(raw: string): boolean | undefined {
  const word = fold(raw);
  return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
}

export const YES_NO: Record<Locale, { yes: string; no: string }> = { es: { yes: 'Sí', no: 'No' }, en: { yes: 'Yes', no: 'No' } };

/** An active option named by its key or by its label in either language, ignoring case and accents. */
export function optionText(options: readonly PicklistOption[], raw: string): PicklistOption | undefined {
  const word = fold(raw);
  const active = options.filter((o) => !o.archived);
  return active.find((o) => o.key === raw.trim()) ?? active.find((o) => fold(o.key) === word || fold(o.label.es) === word || fold(o.label.en) === word);
}

export const optionLabel = (options: readonly PicklistOption[], key: unknown, lang: Locale): string => options.find((o) => o.key === key)?.label[lang] ?? String(key);

/** Any value as plain text: objects as JSON. */
export const plain = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
