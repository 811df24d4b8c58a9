import type { ModuleDefinition, ModuleField, PicklistOption } from '@crm/engine';

/** The `data` fact an editor shows beside each option: a case type's prefix, a priority's hours, a phase's probability. */
export interface OptionFact {
  key: 'prefix' | 'resolutionHours' | 'probability';
  kind: 'text' | 'number';
}

export type SelectField = Extract<ModuleField, { type: 'select' | 'multiSelect' }>;

export const isSelect = (field: ModuleField): field is SelectField => (field.type === 'select' || field.type === 'multiSelect') && !field.archived;

/** The definition with one field's options replaced; everything else stays as stored so the diff names only this change. */
export function withOptions(definition: ModuleDefinition, fieldKey: string, options: PicklistOption[]): ModuleDefinition {
  return { ...definition, fields: definition.fields.map((f) => (f.key === fieldKey && isSelect(f) ? { ...f, options } : f)) };
}

/** A stable key from a label: lower case, no accents, words joined by `_`, unique among `taken`. */
export function keyFromLabel(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'o_$1')
      .slice(0, 50) || 'opcion';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}_${n}`;
  return key;
}

/** Sets (or clears, for an empty input) one fact of an option's `data`. */
export function withFact(option: PicklistOption, fact: OptionFact, raw: string): PicklistOption {
  const data = { ...(option.data ?? {}) };
  if (raw.trim() === '') delete data[fact.key];
  else data[fact.key] = fact.kind === 'number' ? Number(raw) : raw;
  return { ...option, data: Object.keys(data).length ? data : undefined };
}
