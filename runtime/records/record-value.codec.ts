import { columnType, type ModuleField } from '@crm/engine';
import Decimal from 'decimal.js';

/**
 * One representation per field type, shared by what is stored, what the API
 * answers and what the audit keeps, so "did this value change?" has one answer:
 * numeric amounts as decimal strings at the column's scale, bigint as numbers,
 * dates as YYYY-MM-DD, timestamps as ISO 8601 in UTC (milliseconds), uuids in
 * lower case, lists and sub-tables as JSON.
 */
export type StorageShape = 'text' | 'bigint' | 'numeric' | 'date' | 'timestamptz' | 'boolean' | 'text[]' | 'uuid' | 'jsonb';

const shapes = new WeakMap<ModuleField, { shape: StorageShape; scale: number; sqlType: string }>();

function facts(field: ModuleField) {
  let found = shapes.get(field);
  if (!found) {
    const sqlType = columnType(field);
    const shape: StorageShape = sqlType.startsWith('numeric') ? 'numeric' : (sqlType as StorageShape);
    const scale = 'scale' in field && typeof field.scale === 'number' ? field.scale : 2;
    found = { shape, scale, sqlType };
    shapes.set(field, found);
  }
  return found;
}

export function storageShape(field: ModuleField): StorageShape {
  return facts(field).shape;
}

/** The Postgres type of the field's column (`numeric(20,2)`, `text[]`...). */
export function sqlType(field: ModuleField): string {
  return facts(field).sqlType;
}

/** A validated client value (or a computed one) in its canonical form; null for nothing. */
export function canonicalValue(field: ModuleField, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const { shape, scale } = facts(field);
  switch (shape) {
    case 'numeric': {
      try {
        return new Decimal(typeof value === 'number' ? value : String(value)).toFixed(scale);
      } catch {
        return value;
      }
    }
    case 'bigint':
      return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    case 'timestamptz': {
      if (value instanceof Date) return value.toISOString();
      const when = new Date(String(value));
      return Number.isNaN(when.getTime()) ? value : when.toISOString();
    }
    case 'uuid':
      return typeof value === 'string' ? value.toLowerCase() : value;
    default:
      return value;
  }
}

/** A canonical value as a query parameter for its column (jsonb travels as JSON text; pg would send arrays as Postgres arrays). */
export function columnParam(field: ModuleField, canonical: unknown): unknown {
  if (canonical === null || canonical === undefined) return null;
  return facts(field).shape === 'jsonb' ? JSON.stringify(canonical) : canonical;
}

/** A column value as pg returns it (dates already as text by the select list) → its canonical form. */
export function fromColumn(field: ModuleField, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  switch (facts(field).shape) {
    case 'bigint':
      return typeof raw === 'string' ? Number(raw) : raw;
    case 'timestamptz':
      return raw instanceof Date ? raw.toISOString() : new Date(String(raw)).toISOString();
    default:
      return raw;
  }
}
