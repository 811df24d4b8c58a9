import type { ModuleDefinition, ModuleField } from '../api/types';
import { activeFields } from '../definition/field-display';

/** Columns a table can show: scalar fields (sub-tables and long texts only in the form). */
export function columnCandidates(definition: ModuleDefinition): ModuleField[] {
  return activeFields(definition).filter((f) => f.type !== 'subtable' && f.type !== 'longText' && f.type !== 'file');
}

const storageKey = (module: string) => `crm.columns.${module}`;

/** The columns chosen before for this module, else the first seven fields of the definition. */
export function loadColumns(definition: ModuleDefinition): string[] {
  const candidates = columnCandidates(definition).map((f) => f.key);
  try {
    const saved = JSON.parse(localStorage.getItem(storageKey(definition.key)) ?? 'null') as string[] | null;
    const kept = saved?.filter((key) => candidates.includes(key));
    if (kept && kept.length) return kept;
  } catch {
    // a broken saved value falls back to the default columns
  }
  return candidates.slice(0, 7);
}

export function saveColumns(module: string, keys: string[]): void {
  localStorage.setItem(storageKey(module), JSON.stringify(keys));
}
