import { fullFormats } from 'ajv-formats/dist/formats';
import type { ModuleField } from '../definition/module-definition.types';
import { TEXT_OPERATORS } from './field-operators';
import { parsed, plain, refused } from './field-text';
import type { ParseResult } from './field-type';

type Check = RegExp | ((text: string) => boolean);

/** Phone numbers as agents type them: digits with spaces, dashes, dots, parentheses and an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,24}$/;

const CHECKS: Record<'email' | 'uri' | 'uuid' | 'phone', Check> = {
  email: fullFormats.email as RegExp,
  uri: fullFormats.uri as (text: string) => boolean,
  uuid: fullFormats.uuid as RegExp,
  phone: PHONE_PATTERN,
};

/** Whether text has a JSON Schema format, checked with the same definitions the record validator compiles. */
export function hasFormat(format: keyof typeof CHECKS, text: string): boolean {
  const check = CHECKS[format];
  return typeof check === 'function' ? check(text) : check.test(text);
}

/** What e-mail, phone and URL fields share: trimmed text in a text column, refused on import when its format does not fit. */
export function formattedText(format: keyof typeof CHECKS, code: string) {
  return {
    kind: () => 'string' as const,
    computed: false,
    sortable: () => true,
    column: () => 'text',
    operators: () => TEXT_OPERATORS,
    format: (_: ModuleField, value: unknown) => plain(value),
    parse: (_: ModuleField, text: string): ParseResult => {
      const value = text.trim();
      if (value === '') return parsed(null);
      return hasFormat(format, value) ? parsed(value) : refused(code);
    },
    toText: (_: ModuleField, value: unknown) => plain(value),
    designer: { options: [], defaults: () => ({}) },
    form: { widget: 'text' as const },
  };
}
