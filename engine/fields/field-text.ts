import type { Locale, PicklistOption } from '../definition/module-definition.types';
import { messageFor } from '../issues/issue.messages';
import type { ParseResult } from './field-type';

/** Number formatting locales: Colombian Spanish and US English. */
export const NUMBER_LOCALES: Record<Locale, string> = { es: 'es-CO', en: 'en-US' };
const DECIMAL_MARK: Record<Locale, string> = { es: ',', en: '.' };
const THOUSANDS_MARK: Record<Locale, string> = { es: '.', en: ',' };

export const parsed = (value: unknown): ParseResult => ({ ok: true, value });
export const refused = (code: string, params: Record<string, string | number> = {}): ParseResult => ({ ok: false, issue: { code, message: messageFor(code, params) } });

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
 * With both marks the last one is the decimal mark; a repeated mark groups
 * thousands; a single mark is decimal, unless it is the language's thousands
 * mark followed by exactly three digits ("1.500" is 1500 in Spanish).
 */
export function decimalText(raw: string, lang: Locale): string | undefined {
  let text = raw
    .trim()
    .replace(/[\s\u00a0$%]/g, '')
    .replace(/^[A-Z]{3}(?=[-\d])|(?<=\d)[A-Z]{3}$/g, '');
  if (!text) return undefined;
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
  return /^-?\d+(\.\d+)?$/.test(text) ? text.replace(/^(-?)0+(?=\d)/, '$1') : undefined;
}

/** A decimal string written with the language's decimal mark and no grouping, so `decimalText` reads it back. */
export function decimalOut(value: unknown, lang: Locale): string {
  return String(value).replace('.', DECIMAL_MARK[lang]);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function realDate(year: number, month: number, day: number): string | undefined {
  const when = new Date(Date.UTC(year, month - 1, day));
  if (when.getUTCFullYear() !== year || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * YYYY-MM-DD, DD/MM/YYYY or M/D/YYYY (dashes or dots too). Which of the two
 * slash orders a date is follows the language (Spanish day first, English
 * month first) unless one part is over 12 and only the other order fits.
 */
export function dateText(raw: string, lang: Locale): string | undefined {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return realDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!local) return undefined;
  const [a, b, year] = [Number(local[1]), Number(local[2]), Number(local[3])];
  const dayFirst = a > 12 ? true : b > 12 ? false : lang === 'es';
  return dayFirst ? realDate(year, b, a) : realDate(year, a, b);
}

/** A date and time: ISO 8601 (with its offset), or a date as `dateText` reads it with an optional HH:mm[:ss], taken as UTC. */
export function datetimeText(raw: string, lang: Locale): string | undefined {
  const text = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)) {
    const when = new Date(text);
    return Number.isNaN(when.getTime()) ? undefined : when.toISOString();
  }
  const parts = /^(\S+)(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!parts) return undefined;
  const day = dateText(parts[1], lang);
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
