import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { type FieldState, fieldTypeOf, fieldValueSchema, isComputed } from '@crm/engine';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { activeFields } from '../definition/field-display';
import type { Lang } from '../i18n/i18n';

type Schema = RJSFSchema;

/**
 * The JSON Schema and UI schema react-jsonschema-form draws for one state of a
 * record. Each field's schema is the engine's (the one the server validates
 * with); the form adds only what the live rules decide (visible fields,
 * `required`) and UI hints: which widget draws each type, in the user's language.
 */
export function buildFormSchema(definition: ModuleDefinition, states: Record<string, FieldState>, lang: Lang, isNew: boolean): { schema: Schema; uiSchema: UiSchema } {
  const properties: Record<string, Schema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  for (const field of activeFields(definition)) {
    const state = states[field.key];
    if (!state?.visible) continue;
    // Computed values exist only after the first save.
    if (isNew && isComputed(field.type)) continue;
    properties[field.key] = formFieldSchema(field, lang);
    uiSchema[field.key] = fieldUi(field, lang, state.readOnly);
    if (state.required) required.push(field.key);
  }
  return { schema: { type: 'object', properties, required }, uiSchema };
}

/** The engine's schema; sub-table rows also say which columns must be filled (a rule the server checks per row). */
function formFieldSchema(field: ModuleField, lang: Lang): Schema {
  const schema = fieldValueSchema(field, lang) as Schema;
  // Amounts stay decimal strings in the form, as the API sends them, so money is never rounded by floats
  // (as a number-or-string schema the form would draw a number field, without its label under a custom field).
  if (fieldTypeOf(field).form.widget === 'decimal') return { ...schema, type: ['string', 'null'] };
  if (field.type !== 'subtable') return schema;
  const items = schema.items as Schema;
  return { ...schema, items: { ...items, required: field.columns.filter((c) => !c.archived && c.required).map((c) => c.key) } };
}

const choices = (field: ModuleField, lang: Lang) => ('options' in field ? field.options.filter((o) => !o.archived).map((o) => ({ value: o.key, label: o.label[lang] })) : []);

function fieldUi(field: ModuleField, lang: Lang, readOnly: boolean): UiSchema {
  const ui: UiSchema = readOnly ? { 'ui:readonly': true } : {};
  switch (fieldTypeOf(field).form.widget) {
    case 'text':
      return ui;
    case 'textarea':
      return { ...ui, 'ui:widget': 'textarea' };
    case 'decimal':
      return { ...ui, 'ui:widget': 'decimal', 'ui:options': { amountField: field } };
    case 'picklist':
      return { ...ui, 'ui:widget': 'picklist', 'ui:options': { choices: choices(field, lang) } };
    case 'multiPicklist':
      return { ...ui, 'ui:widget': 'multiPicklist', 'ui:options': { choices: choices(field, lang) } };
    case 'lookup':
      return { ...ui, 'ui:widget': 'lookup', 'ui:options': { target: 'target' in field ? field.target : undefined } };
    case 'user':
      return { ...ui, 'ui:widget': 'user' };
    case 'computed':
      return { 'ui:field': 'computed', 'ui:options': { computedField: field } };
    case 'files':
      return { ...ui, 'ui:field': 'files', 'ui:options': { fileField: field } };
    case 'rows':
      return {
        ...ui,
        'ui:options': { orderable: false },
        items: {
          // Row ids are the server's: they keep a row's history, nobody types them.
          id: { 'ui:widget': 'hidden' },
          ...(field.type === 'subtable' && Object.fromEntries(field.columns.filter((c) => !c.archived).map((c) => [c.key, fieldUi(c, lang, readOnly || c.readOnly === true)]))),
        },
      };
  }
}
