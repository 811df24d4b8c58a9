import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldState } from '../../../engine/rules/field-state.evaluator';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { activeFields } from '../definition/field-display';
import type { Lang } from '../i18n/i18n';

type Schema = RJSFSchema;


/**
 * The JSON Schema and UI schema react-jsonschema-form draws for one state of a
 * record: only visible fields, `required` from the live field states, widgets
 * by field type. Recomputed on every change so rules apply as the agent types.
 */
export function buildFormSchema(definition: ModuleDefinition, states: Record<string, FieldState>, lang: Lang, isNew: boolean): { schema: Schema; uiSchema: UiSchema } {
  const properties: Record<string, Schema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  for (const field of activeFields(definition)) {
    const state = states[field.key];
    if (!state?.visible) continue;
    // Computed values exist only after the first save.
    if (isNew && (field.type === 'autonumber' || field.type === 'formula')) continue;
    properties[field.key] = fieldSchema(field, lang);
    uiSchema[field.key] = fieldUi(field, lang, state.readOnly);
    if (state.required) required.push(field.key);
  }
  return { schema: { type: 'object', properties, required }, uiSchema };
}

function fieldSchema(field: ModuleField, lang: Lang): Schema {
  const base: Schema = { title: field.label[lang], ...(field.help && { description: field.help[lang] }) };
  switch (field.type) {
    case 'text':
      return { ...base, type: 'string', maxLength: field.maxLength ?? 255, ...(field.pattern && { pattern: field.pattern }) };
    case 'longText':
      return { ...base, type: 'string', ...(field.maxLength && { maxLength: field.maxLength }) };
    case 'integer':
      return { ...base, type: 'integer', ...(field.min !== undefined && { minimum: field.min }), ...(field.max !== undefined && { maximum: field.max }) };
    // Amounts stay decimal strings in the form, as the API sends them, so money is never rounded by floats.
    case 'decimal':
    case 'currency':
    case 'percent':
      return { ...base, type: 'string', pattern: '^-?\\d+(\\.\\d+)?$' };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'datetime':
      return { ...base, type: 'string', format: 'date-time' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'select':
      return { ...base, type: 'string', enum: field.options.filter((o) => !o.archived).map((o) => o.key) };
    case 'multiSelect':
      return { ...base, type: 'array', uniqueItems: true, items: { type: 'string', enum: field.options.filter((o) => !o.archived).map((o) => o.key) } };
    case 'email':
      return { ...base, type: 'string', format: 'email' };
    case 'subtable':
      return {
        ...base,
        type: 'array',
        ...(field.maxRows && { maxItems: field.maxRows }),
        items: {
          type: 'object',
          properties: Object.fromEntries(field.columns.filter((c) => !c.archived && c.type !== 'formula').map((c) => [c.key, fieldSchema(c, lang)])),
          required: field.columns.filter((c) => !c.archived && c.required).map((c) => c.key),
        },
      };
    case 'autonumber':
    case 'formula':
      return { ...base, readOnly: true };
    // Items are the server's file references; FileWidget builds them, the server checks them.
    case 'file':
      return { ...base, type: 'array', maxItems: field.maxFiles ?? 10, items: { type: 'object' } };
    default:
      return { ...base, type: 'string' };
  }
}

function fieldUi(field: ModuleField, lang: Lang, readOnly: boolean): UiSchema {
  const ui: UiSchema = readOnly ? { 'ui:readonly': true } : {};
  switch (field.type) {
    case 'longText':
      return { ...ui, 'ui:widget': 'textarea' };
    case 'decimal':
    case 'currency':
    case 'percent':
      return { ...ui, 'ui:widget': 'decimal', 'ui:options': { fieldType: field.type, currency: field.type === 'currency' ? field.currency : undefined } };
    case 'select':
      return { ...ui, 'ui:widget': 'picklist', 'ui:options': { choices: field.options.filter((o) => !o.archived).map((o) => ({ value: o.key, label: o.label[lang] })) } };
    case 'multiSelect':
      return { ...ui, 'ui:widget': 'multiPicklist', 'ui:options': { choices: field.options.filter((o) => !o.archived).map((o) => ({ value: o.key, label: o.label[lang] })) } };
    case 'lookup':
      return { ...ui, 'ui:widget': 'lookup', 'ui:options': { target: field.target } };
    case 'autonumber':
    case 'formula':
      return { 'ui:field': 'computed', 'ui:options': { computedField: field } };
    case 'user':
      return { ...ui, 'ui:widget': 'user' };
    case 'file':
      return { ...ui, 'ui:field': 'files', 'ui:options': { fileField: field } };
    case 'subtable':
      return {
        ...ui,
        'ui:options': { orderable: false },
        items: Object.fromEntries(field.columns.filter((c) => !c.archived && c.type !== 'formula').map((c) => [c.key, fieldUi(c, lang, readOnly || c.readOnly === true)])),
      };
    default:
      return ui;
  }
}
