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
  // The field's type file formats a formula like its result (a currency formula as money…).
  const shown = displayValue(field, formData, context.lang);
  return (
    <output id={fieldPathId.$id} className="computed">
      {shown || '—'}
    </output>
  );
}
