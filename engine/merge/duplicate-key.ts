/**
 * Duplicate keys (B3): how two values of a field are compared when looking for
 * duplicates. The runtime compiles the same rules to SQL (one `translate` and
 * one `regexp_replace` over the column) with these very tables, so the groups
 * Postgres finds are the ones `duplicateKey` would find.
 */

import type { FieldType } from '../definition/module-definition.types';

/** The field types duplicates can be looked for by: a scalar column (not sub-tables, files, multi-selects or formulas). */
export const DUPLICATE_KEY_TYPES: readonly FieldType[] = [
  'text',
  'longText',
  'email',
  'url',
  'phone',
  'integer',
  'decimal',
  'currency',
  'percent',
  'date',
  'datetime',
  'boolean',
  'select',
  'lookup',
  'user',
  'autonumber',
];

/** `exact`: the stored value; `normalised`: case, accents and spaces ignored, phones (and chosen fields) by their digits only. */
export type DuplicateMode = 'exact' | 'normalised';

/** How one field's values are compared. */
export type KeyNormalisation = 'exact' | 'text' | 'digits';

/** Accented letters (both cases), non-breaking spaces and A–Z, in the order `KEY_FOLD_TO` maps them. */
export const KEY_FOLD_FROM = 'áàäâãåéèëêíìïîóòöôõúùüûñçýÿÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇÝ\u00a0\u2007\u202fABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const KEY_FOLD_TO = 'aaaaaaeeeeiiiiooooouuuuncyyaaaaaaeeeeiiiiooooouuuuncy   abcdefghijklmnopqrstuvwxyz';

/** Runs of white space (ASCII), the one definition both sides use. */
export const KEY_SPACES = '[ \t\n\r\f\v]+';
/** Anything that is not a digit, removed for `digits`. */
export const KEY_NOT_DIGITS = '[^0-9]';

const FOLD = new Map([...KEY_FOLD_FROM].map((char, i) => [char, KEY_FOLD_TO[i]]));
const SPACES = new RegExp(KEY_SPACES, 'g');
const NOT_DIGITS = new RegExp(KEY_NOT_DIGITS, 'g');

/** Field types whose values are text, so `normalised` folds them; other types always compare exactly. */
export const TEXT_KEY_TYPES: readonly string[] = ['text', 'longText', 'email', 'url', 'phone'];

/** How a field of `type` is compared in `mode`; `digitsOnly` marks text fields (documents) compared by their digits. */
export function keyNormalisation(type: string, mode: DuplicateMode, digitsOnly = false): KeyNormalisation {
  if (mode === 'exact' || !TEXT_KEY_TYPES.includes(type)) return 'exact';
  return type === 'phone' || digitsOnly ? 'digits' : 'text';
}

/** The key a value groups under; null when the value takes part in no group (empty, or no digits at all). */
export function duplicateKey(value: unknown, how: KeyNormalisation): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : String(value);
  let key: string;
  if (how === 'exact') key = text;
  else if (how === 'digits') key = text.replace(NOT_DIGITS, '');
  else {
    let folded = '';
    for (const char of text) folded += FOLD.get(char) ?? char;
    key = folded.replace(SPACES, ' ').replace(/^ +| +$/g, '');
  }
  return key === '' ? null : key;
}
