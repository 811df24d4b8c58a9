import type { ErrorSchema } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths, type RecordTab } from '../app/router';
import { ActivitiesTab } from '../activities/ActivitiesTab';
import { recordTitle } from '../definition/field-display';
import { roleField } from '@crm/engine';
import { HistoryTab } from '../history/HistoryTab';
import { hasLivePlugins, livePatch } from '../plugins/live-plugins';
import { useI18n } from '../i18n/i18n';
import { type Conflict, ConflictPanel } from './ConflictPanel';
import { changedValues, createValues, fieldsChangedBetween, toFormData } from './form-values';
import { PluginActions } from './PluginActions';
import { RecordForm } from './RecordForm';
import { MergedRecordNotice } from '../merges/MergedRecordNotice';
import { useRecordWatch } from './record-watch';
import { serverErrors } from './server-errors';
import { TipificarDialog } from './TipificarDialog';

type Values = Record<string, unknown>;

const cloneKey = (module: string) => `crm.clone.${module}`;

/** New values start from a record being cloned (handed over in sessionStorage), else from the definition's defaults. */
function initialValues(definition: ModuleDefinition): Values {
  const cloned = sessionStorage.getItem(cloneKey(definition.key));
  if (cloned) {
    sessionStorage.removeItem(cloneKey(definition.key));
    return JSON.parse(cloned) as Values;
  }
  return Object.fromEntries(definition.fields.filter((f) => !f.archived && f.default !== undefined && f.default !== null).map((f) => [f.key, f.default]));
}

/** One record: its generated form, saved with the optimistic lock, and its history. */
export function RecordPage({ definition, id, tab }: { definition: ModuleDefinition; id: string | null; tab: RecordTab }) {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  const [record, setRecord] = useState<ApiRecord | null>(null);
  const [base, setBase] = useState<Values>({});
  const [values, setValues] = useState<Values>(() => (id ? {} : initialValues(definition)));
  const [loadError, setLoadError] = useState<ApiFailure | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);
  const [historyKey, setHistoryKey] = useState(0);
  const [tipificando, setTipificando] = useState(false);

  useEffect(() => {
    if (!id) return;
    recordsApi.get(definition.key, id).then(
      (loaded) => {
        setRecord(loaded);
        const data = toFormData(definition, loaded);
        setBase(data);
        setValues(data);
      },
      (failure: ApiFailure) => setLoadError(failure),
    );
  }, [definition, id]);

  // Live plugins (quote totals…): rerun after a pause in typing; an older answer never overwrites a newer one.
  const liveRun = useRef(0);
  useEffect(() => {
    if (!hasLivePlugins(definition)) return;
    const run = ++liveRun.current;
    const timer = setTimeout(() => {
      livePatch(definition, values).then(
        (patch) => {
          if (run !== liveRun.current) return;
          const changed = Object.keys(patch).some((key) => JSON.stringify(patch[key] ?? null) !== JSON.stringify(values[key] ?? null));
          if (changed) setValues((current) => ({ ...current, ...patch }));
        },
        () => undefined,
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [definition, values]);

  // Someone else saved this record: take it as is when nothing here is unsaved, otherwise offer the merge.
  useRecordWatch(definition.key, record, (current) => {
    const data = toFormData(definition, current);
    const mine = changedValues(definition, base, values);
    if (Object.keys(mine).length === 0) {
      setRecord(current);
      setBase(data);
      setValues(data);
      setHistoryKey((n) => n + 1);
      notify('ok', t('record.updatedElsewhere'));
    } else if (!conflict || conflict.current.version < current.version) {
      setConflict({ current, theirs: fieldsChangedBetween(definition, base, data), mine, live: true });
    }
  });

  function showFailure(failure: ApiFailure, mine: Values) {
    if (failure.code === 'stale_version' && failure.body.current) {
      const current = failure.body.current as ApiRecord;
      setConflict({ current, theirs: fieldsChangedBetween(definition, base, toFormData(definition, current)), mine });
      return;
    }
    const placed = serverErrors(failure.details, lang);
    setFieldErrors(placed.fields);
    setGeneral([l(failure.text), ...placed.general]);
  }

  async function save(submitted: Values) {
    setSaving(true);
    setFieldErrors({});
    setGeneral([]);
    setConflict(null);
    const mine = record ? changedValues(definition, base, submitted) : createValues(definition, submitted);
    try {
      if (!record) {
        const created = await recordsApi.create(definition.key, mine);
        notify('ok', t('record.created'));
        navigate(paths.record(definition.key, created.id));
        return;
      }
      const saved = await recordsApi.update(definition.key, record.id, { ...mine, version: record.version });
      const data = toFormData(definition, saved);
      setRecord(saved);
      setBase(data);
      setValues(data);
      setHistoryKey((n) => n + 1);
      notify('ok', t('record.saved'));
    } catch (failure) {
      showFailure(failure as ApiFailure, mine);
    } finally {
      setSaving(false);
    }
  }

  /** After a 409: start from the saved version and lay the agent's own changes over it, for them to review and save. */
  function merge() {
    if (!conflict) return;
    const current = conflict.current as ApiRecord;
    const data = toFormData(definition, current);
    setRecord(current);
    setBase(data);
    setValues({ ...data, ...conflict.mine });
    setConflict(null);
  }

  /** Clone (R2): a new record with this one's values, computed and unique fields left for the server to fill or refuse. */
  function clone() {
    const copy = createValues(definition, values);
    for (const field of definition.fields) if (field.unique) delete copy[field.key];
    sessionStorage.setItem(cloneKey(definition.key), JSON.stringify(copy));
    navigate(paths.newRecord(definition.key));
  }

  if (loadError) return loadError.status === 404 && id ? <MergedRecordNotice module={definition.key} id={id} fallback={l(loadError.text)} /> : <p className="error">{l(loadError.text)}</p>;
  if (id && !record) return <p className="muted">{t('shell.loading')}</p>;
  const heading = record ? recordTitle(definition, record) : t('record.new', { module: l(definition.names.singular) });

  return (
    <section className="record-page" data-module={definition.key}>
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.table(definition.key))}>
          ← {t('record.back')}
        </button>
        <span className="spacer" />
        {record && (
          <PluginActions
            definition={definition}
            record={record}
            onDone={(outcome) => {
              // The action saved the record on the server: show it as saved, and its history with the new entries.
              const data = toFormData(definition, outcome.record);
              setRecord(outcome.record);
              setBase(data);
              setValues(data);
              setHistoryKey((n) => n + 1);
            }}
          />
        )}
        {record && (
          <button type="button" onClick={() => setTipificando(true)} data-testid="tipificar">
            {t('tipificar.button')}
          </button>
        )}
        {record && (
          <button type="button" onClick={clone} data-testid="clone-record">
            {t('record.clone')}
          </button>
        )}
      </div>
      <h1 data-testid="record-title">{heading}</h1>
      {tipificando && record && (
        <TipificarDialog
          definition={definition}
          record={record}
          onClose={() => setTipificando(false)}
          onRecord={(saved) => {
            // Only the tipificación changed: keep whatever the agent has not saved yet.
            const data = toFormData(definition, saved);
            setRecord(saved);
            setBase(data);
            const disposition = roleField(definition, 'disposition')?.key;
            setValues((current) => ({ ...current, ...(disposition && data[disposition] !== undefined && { [disposition]: data[disposition] }) }));
          }}
          onDone={() => {
            setHistoryKey((n) => n + 1);
            setTipificando(false);
            navigate(paths.record(definition.key, record.id, 'activities'));
          }}
        />
      )}
      {record && (
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'details'} onClick={() => navigate(paths.record(definition.key, record.id))}>
            {t('record.tabDetails')}
          </button>
          <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => navigate(paths.record(definition.key, record.id, 'history'))} data-testid="tab-history">
            {t('record.tabHistory')}
          </button>
          {definition.role !== 'activities' && (
            <button type="button" role="tab" aria-selected={tab === 'activities'} onClick={() => navigate(paths.record(definition.key, record.id, 'activities'))} data-testid="tab-activities">
              {t('activities.tab')}
            </button>
          )}
        </div>
      )}
      {tab === 'history' && record ? (
        <HistoryTab key={historyKey} definition={definition} id={record.id} />
      ) : tab === 'activities' && record ? (
        <ActivitiesTab key={historyKey} module={definition.key} id={record.id} />
      ) : (
        <>
          {conflict && <ConflictPanel definition={definition} conflict={conflict} onMerge={merge} />}
          {general.length > 0 && (
            <div className="error" role="alert" data-testid="form-errors">
              {general.map((text) => (
                <p key={text}>{text}</p>
              ))}
            </div>
          )}
          <RecordForm definition={definition} values={values} isNew={!record} saving={saving} serverErrors={fieldErrors} onChange={setValues} onSubmit={save} />
        </>
      )}
    </section>
  );
}
