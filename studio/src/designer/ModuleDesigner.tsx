import { useEffect, useMemo, useState } from 'react';
import { diffDefinitions, type ModuleDefinition } from '@crm/engine';
import { designerApi, type ModuleVersion } from '../api/designer.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { DESIGNER_TABS, type DesignerTab, navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { AiEditPanel } from './AiEditPanel';
import { replaceField, setFieldSection } from './definition-edits';
import { failureText } from './failure-text';
import { FieldEditor } from './FieldEditor';
import { FieldList } from './FieldList';
import { FormPreview } from './FormPreview';
import { PlanReview } from './PlanReview';
import { SectionsEditor } from './SectionsEditor';
import { useModuleChange } from './use-module-change';
import { VersionHistory } from './VersionHistory';

/**
 * S1: one module's designer. Edits go to a working copy; nothing reaches the
 * server until the admin reviews the plan (diff + storage plan) and applies it.
 */
export function ModuleDesigner({ moduleKey, tab, aiAllowed }: { moduleKey: string; tab: DesignerTab; aiAllowed: boolean }) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const modules = useModules();
  const [stored, setStored] = useState<ModuleDefinition | null>(null);
  const [draft, setDraft] = useState<ModuleDefinition | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = useModuleChange(moduleKey, stored, (definition, applied) => {
    setStored(definition);
    setDraft(definition);
    modules.reload();
    notify(
      'ok',
      applied.rollbackTo !== undefined
        ? t('versions.rolledBack', { from: applied.rollbackTo, version: definition.version })
        : t('review.applied', { version: definition.version, name: l(definition.names.plural) }),
    );
  });
  const { busy, pending: review } = change;

  useEffect(() => {
    designerApi.module(moduleKey).then(
      (definition) => {
        setStored(definition);
        setDraft(definition);
      },
      (failure) => setError(failureText(failure, l)),
    );
  }, [moduleKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const pending = useMemo(() => (stored && draft ? diffDefinitions(stored, draft) : []), [stored, draft]);

  if (!stored || !draft) return error ? <p className="error">{error}</p> : <p className="muted">{t('designer.loading')}</p>;

  const tabs = DESIGNER_TABS.filter((name) => name !== 'ai' || aiAllowed);
  const field = selected ? draft.fields.find((f) => f.key === selected && !f.archived) : undefined;

  return (
    <div className="module-designer" data-module={moduleKey}>
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.modules())}>
          ← {t('designer.back')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => navigate(paths.table(moduleKey))} data-testid="open-records">
          {t('designer.openRecords')}
        </button>
      </div>
      <h1>
        {l(stored.names.plural)} <span className="muted small">{t('designer.versionN', { version: stored.version })}</span>
      </h1>
      <div className="pending-bar" data-testid="pending-bar">
        <span>{pending.length ? t('designer.pending', { count: pending.length }) : t('designer.noPending')}</span>
        <span className="spacer" />
        <button type="button" disabled={!pending.length || busy} onClick={() => setDraft(stored)} data-testid="discard-changes">
          {t('designer.discard')}
        </button>
        <button type="button" className="primary" disabled={!pending.length || busy} onClick={() => void change.open(draft)} data-testid="review-changes">
          {t('designer.review')}
        </button>
      </div>
      {(error ?? (!review && change.error)) && (
        <p className="error" role="alert" data-testid="designer-error">
          {error ?? change.error}
        </p>
      )}
      {review && change.review ? (
        <PlanReview
          data={change.review}
          before={stored}
          after={review.after}
          title={review.rollbackTo !== undefined ? t('versions.rollbackTitle', { version: review.rollbackTo }) : undefined}
          applying={busy}
          error={change.error}
          onApply={(keepAside) => void change.apply(keepAside)}
          onCancel={change.cancel}
        />
      ) : (
        <>
          <div className="tabs" role="tablist">
            {tabs.map((name) => (
              <button key={name} type="button" role="tab" aria-selected={tab === name} data-testid={`designer-tab-${name}`} onClick={() => navigate(paths.module(moduleKey, name))}>
                {t(`designer.tab.${name}`)}
              </button>
            ))}
          </div>
          {tab === 'fields' && (
            <div className="designer-columns">
              <FieldList draft={draft} stored={stored} selected={selected} modules={modules.list.map((m) => m.key)} onSelect={setSelected} onChange={setDraft} />
              {field ? (
                <FieldEditor
                  key={field.key}
                  field={field}
                  draft={draft}
                  stored={stored.fields.find((f) => f.key === field.key)}
                  modules={modules.list}
                  onChange={(next) => setDraft(replaceField(draft, field.key, next))}
                  onSection={(section) => setDraft(setFieldSection(draft, field.key, section))}
                />
              ) : (
                <p className="muted">{t('designer.chooseField')}</p>
              )}
            </div>
          )}
          {tab === 'sections' && <SectionsEditor draft={draft} onChange={setDraft} />}
          {tab === 'preview' && <FormPreview definition={draft} />}
          {tab === 'versions' && (
            <VersionHistory moduleKey={moduleKey} currentVersion={stored.version} onRollback={(version: ModuleVersion) => void change.open(version.definition, version.version)} />
          )}
          {tab === 'ai' && aiAllowed && <AiEditPanel stored={stored} hasPending={pending.length > 0} onReview={(definition) => void change.open(definition)} />}
        </>
      )}
    </div>
  );
}
