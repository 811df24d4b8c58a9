import { fieldTypeOf } from '@crm/engine';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { activeFields } from '../definition/field-display';

/** Types a form draws as a block (rows, long text, attachments): too big for a table cell. */
const BLOCK_WIDGETS = new Set(['rows', 'textarea', 'files']);

/** Columns a table can show: fields whose value fits a cell (sub-tables, long texts and files only in the form). */
export function columnCandidates(definition: ModuleDefinition): ModuleField[] {
  return activeFields(definition).filter((f) => !BLOCK_WIDGETS.has(fieldTypeOf(f).form.widget));
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
