import type { ErrorSchema } from '@rjsf/utils';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { activityLink, activityValues } from '@crm/engine';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';
import { RecordForm } from '../form/RecordForm';
import { createValues } from '../form/form-values';
import { serverErrors } from '../form/server-errors';
import { useI18n } from '../i18n/i18n';

/**
 * Mass tasks (R1): one call, task, meeting or note per selected record, filled
 * once in the activities module's form and linked to each record as its own tab would.
 */
export function MassActivityDialog({
  activities,
  module,
  ids,
  onDone,
  onClose,
}: {
  activities: ModuleDefinition;
  module: string;
  ids: () => Promise<string[]>;
  onDone(count: number): void;
  onClose(): void;
}) {
  const { t, l, lang } = useI18n();
  const [values, setValues] = useState<Record<string, unknown>>(() => activityValues(activities, { kind: 'task', status: 'pending', priority: 'normal' }));
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function create(submitted: Record<string, unknown>) {
    setSaving(true);
    setGeneral(null);
    const common = createValues(activities, submitted);
    try {
      const targets = await ids();
      // A few at a time: quick for a selection, gentle on the server.
      for (let i = 0; i < targets.length; i += 5) {
        await Promise.all(targets.slice(i, i + 5).map((id) => recordsApi.create(activities.key, { ...common, ...activityLink(activities, module, id)?.values })));
      }
      onDone(targets.length);
    } catch (failure) {
      const error = failure as ApiFailure;
      setFieldErrors(serverErrors(error.details, lang).fields);
      setGeneral(l(error.text));
      setSaving(false);
    }
  }

  return createPortal(
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-label={t('table.massActivity')} data-testid="mass-activity">
        <div className="view-head">
          <h2>{t('table.massActivity')}</h2>
          <span className="spacer" />
          <button type="button" className="link" onClick={onClose}>
            {t('activities.cancel')}
          </button>
        </div>
        {general && <p className="error">{general}</p>}
        <RecordForm definition={activities} values={values} isNew saving={saving} serverErrors={fieldErrors} onChange={setValues} onSubmit={(v) => void create(v)} />
      </div>
    </div>,
    document.body,
  );
}
