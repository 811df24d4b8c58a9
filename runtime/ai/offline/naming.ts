import { SYSTEM_COLUMN_NAMES, type LocalizedText, type ModuleNames } from '@crm/engine';
import { fold } from './span';
import { capitalize, toEnglish, toSpanish } from './translate';
import { CONNECTORS } from './vocabulary';

export type Language = 'es' | 'en';

/** Column names every module table already has: a field may not take them. */
const RESERVED = new Set(SYSTEM_COLUMN_NAMES);
const MAX_KEY = 63;

/**
 * A valid key from words: ascii snake_case, starting with a letter, at most 63
 * characters. Connectors are left out of field keys ("fecha de compra" → fecha_compra)
 * but kept in option keys ("En proceso" → en_proceso), where they carry meaning.
 */
export function toKey(text: string, options: { keepConnectors?: boolean; fallback?: string } = {}): string {
  const words = fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const content = options.keepConnectors ? words : words.filter((w) => !CONNECTORS.includes(w));
  let key = (content.length ? content : words).join('_');
  if (!key) key = options.fallback ?? 'campo';
  if (!/^[a-z]/.test(key)) key = `${options.fallback ?? 'campo'}_${key}`;
  key = key.slice(0, MAX_KEY).replace(/_+$/, '');
  return RESERVED.has(key) ? `${key}_campo` : key;
}

/** A label in both languages from the words the admin wrote in `language`. */
export function labelFrom(text: string, language: Language): LocalizedText {
  const written = capitalize(text.trim().replace(/\s+/g, ' '));
  return language === 'es' ? { es: written, en: toEnglish(written) } : { es: toSpanish(written), en: written };
}

/** Spanish singular: "garantías" → "garantía", "órdenes" → "orden", "reclamaciones" → "reclamación". */
export function singularEs(word: string): string {
  const w = fold(word);
  if (!w.endsWith('s') || w.length < 4) return word;
  if (w.endsWith('ciones')) return `${word.slice(0, -5)}ón`;
  if (w.endsWith('ces')) return `${word.slice(0, -3)}z`;
  if (/[^aeiou]es$/.test(w) && /[lrndjy]es$/.test(w)) return unaccentLast(word.slice(0, -2));
  return word.slice(0, -1);
}

/** "órdenes" loses its written accent in the singular ("orden"). */
function unaccentLast(word: string): string {
  return word.replace(/[áéíóú](?=[^áéíóú]*$)/, (c) => c.normalize('NFD')[0]);
}

export function pluralEs(word: string): string {
  const w = fold(word);
  if (/[aeiou]$/.test(w)) return `${word}s`;
  if (w.endsWith('z')) return `${word.slice(0, -1)}ces`;
  if (/on$/.test(w) && /ón$/.test(word)) return `${word.slice(0, -2)}ones`;
  return `${word}es`;
}

export function singularEn(word: string): string {
  const w = word.toLowerCase();
  if (w.endsWith('ies') && w.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ses|xes|ches|shes)$/.test(w)) return word.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export function pluralEn(word: string): string {
  const w = word.toLowerCase();
  if (/[^aeiou]y$/.test(w)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(w)) return `${word}es`;
  return `${word}s`;
}

/** Applies a word rule to the head noun of a name: the first word in Spanish, the last in English. */
function onHead(text: string, language: Language, rule: (word: string) => string): string {
  const words = text.trim().split(/\s+/);
  const index = language === 'es' ? 0 : words.length - 1;
  words[index] = rule(words[index]);
  return words.join(' ');
}

export function isPluralWord(text: string, language: Language): boolean {
  const words = fold(text).trim().split(/\s+/);
  const head = language === 'es' ? words[0] : words[words.length - 1];
  return head.endsWith('s') && !head.endsWith('ss');
}

/** Module names from how the admin called it ("Vehículos", "warranty"), singular and plural in both languages. */
export function moduleNames(written: string, language: Language): ModuleNames {
  const text = capitalize(written.trim());
  const plural = isPluralWord(text, language);
  const singularFn = language === 'es' ? singularEs : singularEn;
  const pluralFn = language === 'es' ? pluralEs : pluralEn;
  const singular = capitalize(plural ? onHead(text, language, singularFn) : text);
  const pluralText = capitalize(plural ? text : onHead(text, language, pluralFn));
  if (language === 'es') {
    const singularEnText = toEnglish(singular);
    return { singular: { es: singular, en: singularEnText }, plural: { es: pluralText, en: toEnglish(pluralText) } };
  }
  return { singular: { es: toSpanish(singular), en: singular }, plural: { es: toSpanish(pluralText), en: pluralText } };
}

/** A singular noun as written, for keys like the lookup "contacto" of "relaciona con un contacto". */
export function singularOf(word: string, language: Language): string {
  return language === 'es' ? singularEs(word) : singularEn(word);
}
