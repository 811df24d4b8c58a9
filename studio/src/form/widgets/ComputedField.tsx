import type { FieldProps } from '@rjsf/utils';
import type { ModuleField } from '../../api/types';
import { displayValue } from '../../definition/field-display';
import type { StudioFormContext } from '../form-context';

/**
 * Autonumbers and formulas: the server computes them on save; the form only
 * shows the result. A custom field (not a widget) because a formula's value has
 * no single JSON type the form could declare.
 */
export function ComputedField({ fieldPathId, formData, uiSchema, registry }: FieldProps) {
  const context = registry.formContext as StudioFormContext;
  const field = uiSchema?.['ui:options']?.computedField as ModuleField;
  const shown = displayValue(field.type === 'formula' ? formulaAsField(field) : field, formData, context.lang);
  return (
    <output id={fieldPathId.$id} className="computed">
      {shown || '—'}
    </output>
  );
}

/** A formula displays like the type of its result (a currency formula as money…). */
function formulaAsField(field: ModuleField): ModuleField {
  if (field.type !== 'formula') return field;
  return { ...field, type: field.resultType, currency: field.currency ?? 'COP' } as unknown as ModuleField;
}
