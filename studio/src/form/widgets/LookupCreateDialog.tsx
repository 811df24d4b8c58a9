import type { ErrorSchema } from '@rjsf/utils';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { ApiFailure } from '../../api/api-error';
import { recordsApi } from '../../api/records.api';
import type { ApiRecord, ModuleDefinition } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { createValues } from '../form-values';
import type { StudioFormContext } from '../form-context';
import { serverErrors } from '../server-errors';

/**
 * "Crear un nuevo registro" from a lookup: the target module's own generated
 * form in a dialog; the new record becomes the lookup's value. A portal keeps
 * the dialog's form out of the record's form in the page.
 */
export function LookupCreateDialog({
  target,
  initial,
  RecordForm,
  onCreated,
  onClose,
}: {
  target: ModuleDefinition;
  initial: Record<string, unknown>;
  RecordForm: StudioFormContext['RecordForm'];
  onCreated(record: ApiRecord): void;
  onClose(): void;
}) {
  const { t, l, lang } = useI18n();
  const [values, setValues] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function create(submitted: Record<string, unknown>) {
    setSaving(true);
    setGeneral(null);
    try {
      onCreated(await recordsApi.create(target.key, createValues(target, submitted)));
    } catch (failure) {
      const error = failure as ApiFailure;
      setFieldErrors(serverErrors(error.details, lang).fields);
      setGeneral(l(error.text));
      setSaving(false);
    }
  }

  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('lookup.createTitle', { module: l(target.names.singular) })} data-testid="lookup-create">
        <div className="view-head">
          <h2>{t('lookup.createTitle', { module: l(target.names.singular) })}</h2>
          <span className="spacer" />
          <button type="button" className="link" onClick={onClose}>
            {t('activities.cancel')}
          </button>
        </div>
        {general && <p className="error">{general}</p>}
        <RecordForm definition={target} values={values} isNew saving={saving} serverErrors={fieldErrors} onChange={setValues} onSubmit={(v) => void create(v)} />
      </div>
    </div>,
    document.body,
  );
}
