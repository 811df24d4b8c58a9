import { fieldTypeOf } from '@crm/engine';
import type { ModuleDefinition, ModuleField } from '../api/types';
import type { Lang } from '../i18n/i18n';

/** Active (not archived) fields in definition order. */
export function activeFields(definition: ModuleDefinition): ModuleField[] {
  return definition.fields.filter((f) => !f.archived);
}

/** A value as a person reads it, as its field's type formats it: option labels, Sí/No, amounts with their currency, dates in the chosen language. */
export function displayValue(field: ModuleField | undefined, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  return fieldTypeOf(field).format(field, value, lang);
}

/** A record's title from the definition's template (plain `{{field}}` substitutions), else its first text field. */
export function recordTitle(definition: ModuleDefinition, record: Record<string, unknown>): string {
  if (definition.title) {
    const rendered = definition.title
      .replace(/\{\{\s*([a-z0-9_]+)\s*\}\}/g, (_, key: string) => {
        const value = record[key];
        return value === null || value === undefined ? '' : String(value);
      })
      .replace(/^[\s·\-|]+|[\s·\-|]+$/g, '')
      .trim();
    if (rendered) return rendered;
  }
  const first = activeFields(definition).find((f) => f.type === 'text' && typeof record[f.key] === 'string' && record[f.key] !== '');
  return first ? String(record[first.key]) : String(record.id ?? '');
}
