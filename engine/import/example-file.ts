import type { ImportValueOptions } from './import.types';
import { fieldTypeOf } from '../definition/field-type.registry';
import type { Locale, LocalizedText, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import { importableFields } from './column-matcher';

/** What a module's example import file holds: its headers, one sample row, and the values each picklist column allows. */
export interface ExampleSheet {
  headers: string[];
  sample: string[];
  allowedValues: { header: string; values: string[] }[];
}

const SAMPLE_TEXT: LocalizedText = { es: 'Texto de ejemplo', en: 'Sample text' };
const SAMPLE_TITLE: LocalizedText = { es: 'Nombre del registro', en: 'Record name' };
const SAMPLE_USER = 'Ana Pérez';

const amount = (whole: string, scale: number | undefined) => (scale === 0 ? whole : `${whole}.${'5'.padEnd(scale ?? 2, '0')}`);

/** A plausible stored value of the field, which its type's `toText` then writes as a person would read it. */
function sampleValue(field: ModuleField, lang: Locale): unknown {
  switch (field.type) {
    case 'text':
    case 'longText':
      return SAMPLE_TEXT[lang];
    case 'integer':
      return 42;
    case 'decimal':
      return amount('1234', field.scale);
    case 'currency':
      return amount('150000', field.scale);
    case 'percent':
      return amount('15', field.scale);
    case 'date':
      return '2026-01-15';
    case 'datetime':
      return '2026-01-15T09:30:00.000Z';
    case 'boolean':
      return true;
    case 'select':
      return field.options.find((o) => !o.archived)?.key ?? null;
    case 'multiSelect':
      return field.options
        .filter((o) => !o.archived)
        .slice(0, 2)
        .map((o) => o.key);
    case 'email':
      return 'ana.perez@example.com';
    case 'phone':
      return '+57 300 123 4567';
    case 'url':
      return 'https://example.com';
    // Lookups and users are matched by the target's title, so the sample is a name, not an id.
    case 'lookup':
      return SAMPLE_TITLE[lang];
    case 'user':
      return SAMPLE_USER;
    case 'subtable':
      return [];
    default:
      return null;
  }
}

/** The example file of a module in a language: the labels of the fields an import fills, a sample row, and each picklist's allowed labels. */
/** `options`: how the file will write its cells (a CSV delimited by `;` separates options with `,`). */
export function exampleSheet(definition: ModuleDefinition, lang: Locale, options?: Partial<ImportValueOptions>): ExampleSheet {
  const fields = importableFields(definition);
  return {
    headers: fields.map((field) => field.label[lang]),
    sample: fields.map((field) => fieldTypeOf(field).toText(field, sampleValue(field, lang), lang, options)),
    allowedValues: fields.flatMap((field) =>
      field.type === 'select' || field.type === 'multiSelect' ? [{ header: field.label[lang], values: field.options.filter((o) => !o.archived).map((o) => o.label[lang]) }] : [],
    ),
  };
}
