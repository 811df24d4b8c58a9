import Form from '@rjsf/core';
import type { ErrorTransformer, RJSFValidationError } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { useMemo } from 'react';
import { addRecordKeywords, fieldStates } from '@crm/engine';
import { useModules } from '../app/modules.context';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import type { RecordFormProps, StudioFormContext } from './form-context';
import { buildFormSchema } from './form-schema';
import { formButtons } from './FormButtons';
import { SectionsTemplate } from './SectionsTemplate';
import { studioFields, studioWidgets } from './widgets';

const MESSAGE_BY_RULE: Record<string, MessageKey> = {
  required: 'validation.required',
  format: 'validation.format',
  pattern: 'validation.format',
  'x-decimal': 'validation.number',
  type: 'validation.invalid',
  maxLength: 'validation.tooLong',
  minimum: 'validation.range',
  maximum: 'validation.range',
};

/** The form checks values with the server's own keywords (exact decimals, phone format, lengths in characters). */
const validator = customizeValidator({ extenderFn: addRecordKeywords });

/**
 * R2: the form of any module, generated from its definition. The engine's
 * field-state rules (the same the server runs) decide on every change which
 * fields show and which are required.
 */
export function RecordForm({ definition, values, isNew, saving, serverErrors, onChange, onSubmit }: RecordFormProps) {
  const { t, lang } = useI18n();
  const { byKey } = useModules();
  const states = useMemo(() => fieldStates(definition.fields, values), [definition, values]);
  // The schema changes only when a field's state does, not on every keystroke.
  const signature = JSON.stringify(states);
  const { schema, uiSchema } = useMemo(() => buildFormSchema(definition, states, lang, isNew), [definition, signature, lang, isNew]);
  const context: StudioFormContext = useMemo(
    (): StudioFormContext => ({ definition, sections: definition.sections ?? [], definitions: byKey, lang, otherLabel: t('record.other'), RecordForm }),
    [definition, byKey, lang, t],
  );
  const transformErrors: ErrorTransformer = (errors: RJSFValidationError[]) => errors.map((error) => ({ ...error, message: t(MESSAGE_BY_RULE[error.name ?? ''] ?? 'validation.invalid') }));

  return (
    <Form
      className="record-form"
      schema={schema}
      uiSchema={{ ...uiSchema, 'ui:submitButtonOptions': { norender: true } }}
      formData={values}
      validator={validator}
      widgets={studioWidgets}
      fields={studioFields}
      templates={{ ObjectFieldTemplate: SectionsTemplate, ButtonTemplates: formButtons }}
      formContext={context}
      extraErrors={serverErrors}
      transformErrors={transformErrors}
      showErrorList={false}
      noHtml5Validate
      onChange={(event) => onChange((event.formData ?? {}) as Record<string, unknown>)}
      onSubmit={(event) => onSubmit((event.formData ?? {}) as Record<string, unknown>)}
    >
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving} data-testid="save-record">
          {saving ? t('record.saving') : t('record.save')}
        </button>
      </div>
    </Form>
  );
}
