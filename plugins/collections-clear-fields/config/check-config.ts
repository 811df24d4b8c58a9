import type { ModuleDefinition, ModuleField, SubtableField } from '@crm/engine';
import { isComputed } from '@crm/engine';
import { checkGestionLinkConfig } from './check-gestion-link';

const CONFIG_KEYS = ['recordFields', 'obligationsField', 'obligationFields', 'gestionModule', 'gestionLookup'];

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isKey = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Why a field or column cannot be cleared, as the end of a sentence; undefined when it can. */
function notClearable(field: ModuleField): string | undefined {
  if (field.locked) return 'is a fixed (locked) field and cannot be cleared';
  if (field.archived) return 'is archived';
  if (field.required) return 'is required, so clearing it would leave the record invalid';
  if (isComputed(field.type)) return `is a ${field.type} field, computed by the system, and cannot be cleared`;
  return undefined;
}

/** Checks a list of keys: an array of non-empty strings without repeats; returns the valid keys. */
function keyList(value: unknown, name: string, problems: string[]): string[] {
  if (!Array.isArray(value)) {
    problems.push(`"${name}" must be a list of field keys.`);
    return [];
  }
  const seen = new Set<string>();
  value.forEach((key, index) => {
    if (!isKey(key)) problems.push(`"${name}[${index}]" must be a non-empty string.`);
    else if (seen.has(key)) problems.push(`"${name}" lists "${key}" twice.`);
    else seen.add(key);
  });
  return [...seen];
}

/**
 * Checks the config `collections-clear-fields` gets from a definition (the
 * gestión module's `{ collectionLookup }` goes to checkGestionLinkConfig): its
 * shape, that every field and column it names exists, and that each can be
 * cleared (not locked, required, archived or computed). Plain English sentences.
 */
export function checkClearFieldsConfig(config: Record<string, unknown>, definition: ModuleDefinition): string[] {
  if (!isObject(config)) return ['The collections-clear-fields config must be an object.'];
  if ('collectionLookup' in config) return checkGestionLinkConfig(config, definition);
  const problems: string[] = [];
  const fields = new Map(definition.fields.map((f) => [f.key, f]));

  for (const key of Object.keys(config)) {
    if (!CONFIG_KEYS.includes(key)) problems.push(`Unknown config key "${key}"; collections-clear-fields takes ${CONFIG_KEYS.join(', ')}.`);
  }
  for (const key of ['obligationsField', 'gestionModule', 'gestionLookup']) {
    if (!isKey(config[key])) problems.push(`"${key}" must be a non-empty string.`);
  }
  const recordFields = keyList(config.recordFields, 'recordFields', problems);
  const obligationFields = keyList(config.obligationFields, 'obligationFields', problems);
  if (Array.isArray(config.recordFields) && Array.isArray(config.obligationFields) && !config.recordFields.length && !config.obligationFields.length) {
    problems.push('The config clears nothing: recordFields and obligationFields are both empty.');
  }

  for (const key of recordFields) {
    const field = fields.get(key);
    if (!field) problems.push(`Field "${key}" (recordFields) does not exist in module "${definition.key}".`);
    else if (field.type === 'subtable') problems.push(`Field "${key}" (recordFields) is a sub-table; list the obligation columns to clear in obligationFields instead.`);
    else {
      const why = notClearable(field);
      if (why) problems.push(`Field "${key}" (recordFields) ${why}.`);
    }
  }

  if (!isKey(config.obligationsField)) return problems;
  const obligations = fields.get(config.obligationsField);
  if (!obligations) {
    problems.push(`Field "${config.obligationsField}" (obligationsField) does not exist in module "${definition.key}".`);
    return problems;
  }
  if (obligations.type !== 'subtable') {
    problems.push(`Field "${config.obligationsField}" (obligationsField) must be a sub-table, but it is a ${obligations.type} field.`);
    return problems;
  }
  if (obligations.archived) problems.push(`Field "${config.obligationsField}" (obligationsField) is archived.`);
  problems.push(...checkColumns(obligations, obligationFields));
  return problems;
}

function checkColumns(obligations: SubtableField, keys: string[]): string[] {
  const columns = new Map(obligations.columns.map((c) => [c.key, c]));
  return keys.flatMap((key) => {
    const column = columns.get(key);
    if (!column) return [`Sub-table "${obligations.key}" has no column "${key}" (obligationFields).`];
    const why = notClearable(column);
    return why ? [`Column "${obligations.key}.${key}" (obligationFields) ${why}.`] : [];
  });
}
