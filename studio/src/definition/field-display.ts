import type { ModuleDefinition, ModuleField } from '../api/types';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import type { Lang } from '../i18n/i18n';

/** Formatting runs outside React too (Excel export), so it reads the dictionaries directly. */
const TEXTS = { es, en } as const;

const LOCALES: Record<Lang, string> = { es: 'es-CO', en: 'en-US' };

/** Active (not archived) fields in definition order. */
export function activeFields(definition: ModuleDefinition): ModuleField[] {
  return definition.fields.filter((f) => !f.archived);
}

/** A value as a person reads it: option labels, Sí/No, amounts with their currency, dates in the chosen language. */
export function displayValue(field: ModuleField | undefined, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '';
  const locale = LOCALES[lang];
  if (!field) return typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (field.type) {
    case 'select': {
      const option = field.options.find((o) => o.key === value);
      return option ? option.label[lang] : String(value);
    }
    case 'multiSelect':
      return Array.isArray(value) ? value.map((v) => field.options.find((o) => o.key === v)?.label[lang] ?? String(v)).join(', ') : String(value);
    case 'boolean':
      return value === true ? TEXTS[lang]['value.yes'] : value === false ? TEXTS[lang]['value.no'] : String(value);
    case 'currency': {
      const amount = Number(value);
      if (Number.isNaN(amount)) return String(value);
      return new Intl.NumberFormat(locale, { style: 'currency', currency: field.currency || 'COP', maximumFractionDigits: field.scale ?? 2 }).format(amount);
    }
    case 'percent': {
      const amount = Number(value);
      return Number.isNaN(amount) ? String(value) : `${new Intl.NumberFormat(locale, { maximumFractionDigits: field.scale ?? 2 }).format(amount)} %`;
    }
    case 'integer':
    case 'decimal': {
      const amount = Number(value);
      return Number.isNaN(amount) ? String(value) : new Intl.NumberFormat(locale, { maximumFractionDigits: 'scale' in field ? (field.scale ?? 2) : 0 }).format(amount);
    }
    case 'date': {
      // Dates travel as YYYY-MM-DD; reading them as UTC keeps the day from shifting.
      const when = new Date(`${String(value)}T00:00:00Z`);
      return Number.isNaN(when.getTime()) ? String(value) : when.toLocaleDateString(locale, { timeZone: 'UTC' });
    }
    case 'datetime': {
      const when = new Date(String(value));
      return Number.isNaN(when.getTime()) ? String(value) : when.toLocaleString(locale);
    }
    case 'lookup':
      if (value && typeof value === 'object' && 'id' in value) {
        const ref = value as { id: string; title?: string | null };
        return ref.title ?? ref.id;
      }
      return String(value);
    case 'subtable':
      return Array.isArray(value) ? TEXTS[lang]['value.rows'].replace('{count}', String(value.length)) : '';
    case 'file':
      return Array.isArray(value) ? value.map((f: { name?: string }) => f.name ?? '').join(', ') : '';
    case 'formula':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
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
