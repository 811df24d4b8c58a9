import { useEffect, useState } from 'react';
import { activityLink, activityValues, roleField } from '@crm/engine';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { displayValue } from '../definition/field-display';
import { useRoleModule } from '../definition/use-role-module';
import { RecordForm } from '../form/RecordForm';
import { createValues } from '../form/form-values';
import { serverErrors } from '../form/server-errors';
import { useI18n } from '../i18n/i18n';
import type { ErrorSchema } from '@rjsf/utils';
import { activityFlag } from './activity-flag';

/** Columns of the tab, by field role. */
const SHOWN = ['kind', 'subject', 'priority', 'status', 'due'] as const;

/** R4 on a record: its calls, meetings, tasks and notes with due-date flags, and a new one through the activities module's form. */
export function ActivitiesTab({ module, id }: { module: string; id: string }) {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  const activities = useRoleModule('activities');
  const [items, setItems] = useState<ApiRecord[] | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema>({});
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  const link = activities ? activityLink(activities, module, id) : null;

  useEffect(() => {
    if (!activities || !link) return;
    const due = roleField(activities, 'due');
    recordsApi.query(activities.key, { filter: link.filter, sort: [{ field: due?.key ?? 'createdAt', dir: 'asc' }], limit: 200 }).then(
      (page) => setItems(page.items),
      (failure: ApiFailure) => setError(failure),
    );
  }, [activities, module, id, reload]);

  if (!activities || !link) return <p className="muted">{t('activities.unavailable')}</p>;
  if (error) return <p className="error">{l(error.text)}</p>;
  const fields = SHOWN.map((role) => roleField(activities, role)).filter((f) => f !== undefined);

  async function create(submitted: Record<string, unknown>, definition: ModuleDefinition) {
    setSaving(true);
    setFieldErrors({});
    try {
      await recordsApi.create(definition.key, { ...createValues(definition, submitted), ...link!.values });
      notify('ok', t('record.created'));
      setAdding(false);
      setReload((n) => n + 1);
    } catch (failure) {
      const placed = serverErrors((failure as ApiFailure).details, lang);
      setFieldErrors(placed.fields);
      notify('error', l((failure as ApiFailure).text));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="activities" data-testid="activities">
      <div className="view-head">
        <h2>{t('activities.title')}</h2>
        <span className="spacer" />
        {!adding && (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setValues({ ...activityValues(activities, { status: 'pending', priority: 'normal', kind: 'task' }), ...link.values });
              setAdding(true);
            }}
            data-testid="new-activity"
          >
            {t('activities.new')}
          </button>
        )}
      </div>
      {adding && (
        <div className="inline-form">
          <RecordForm definition={activities} values={values} isNew saving={saving} serverErrors={fieldErrors} onChange={setValues} onSubmit={(v) => void create(v, activities)} />
          <button type="button" className="link" onClick={() => setAdding(false)}>
            {t('activities.cancel')}
          </button>
        </div>
      )}
      {items === null ? (
        <p className="muted">{t('shell.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('activities.empty')}</p>
      ) : (
        <table className="records">
          <thead>
            <tr>
              <th>{t('activities.flag')}</th>
              {fields.map((f) => (
                <th key={f.key}>{l(f.label)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const flag = activityFlag(item, activities);
              return (
                <tr key={item.id} data-id={item.id} data-flag={flag} onDoubleClick={() => navigate(paths.record(activities.key, item.id))}>
                  <td>
                    <span className={`flag flag-${flag}`} title={t(`activities.flag.${flag}`)} aria-label={t(`activities.flag.${flag}`)} />
                  </td>
                  {fields.map((f) => (
                    <td key={f.key}>{displayValue(f, item[f.key], lang)}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
