import { useEffect, useMemo, useState } from 'react';
import { diffDefinitions, type ModuleDefinition } from '@crm/engine';
import { designerApi, type ModulePlan, type ModuleVersion } from '../api/designer.api';
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
import { VersionHistory } from './VersionHistory';

interface Review {
  plan: ModulePlan;
  /** The definition the plan was made for. */
  after: ModuleDefinition;
  /** Set when the review is a rollback to this version. */
  rollbackTo?: number;
}

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
  const [review, setReview] = useState<Review | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  async function openReview(after: ModuleDefinition, rollbackTo?: number) {
    setBusy(true);
    setError(null);
    try {
      setReview({ plan: await designerApi.plan(moduleKey, after), after, rollbackTo });
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

  async function apply(keepAside: boolean) {
    if (!review || !stored) return;
    setBusy(true);
    setError(null);
    try {
      const result =
        review.rollbackTo !== undefined
          ? await designerApi.rollback(moduleKey, review.rollbackTo, keepAside)
          : await designerApi.apply(moduleKey, review.after, stored.version, keepAside);
      setStored(result.definition);
      setDraft(result.definition);
      setReview(null);
      modules.reload();
      notify(
        'ok',
        review.rollbackTo !== undefined
          ? t('versions.rolledBack', { from: review.rollbackTo, version: result.definition.version })
          : t('review.applied', { version: result.definition.version, name: l(result.definition.names.plural) }),
      );
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setBusy(false);
    }
  }

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
        <button type="button" className="primary" disabled={!pending.length || busy} onClick={() => void openReview(draft)} data-testid="review-changes">
          {t('designer.review')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="designer-error">
          {error}
        </p>
      )}
      {review ? (
        <PlanReview
          data={{ ...review.plan, steps: review.plan.plan.steps }}
          before={stored}
          after={review.after}
          title={review.rollbackTo !== undefined ? t('versions.rollbackTitle', { version: review.rollbackTo }) : undefined}
          applying={busy}
          onApply={(keepAside) => void apply(keepAside)}
          onCancel={() => setReview(null)}
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
            <VersionHistory moduleKey={moduleKey} currentVersion={stored.version} onRollback={(version: ModuleVersion) => void openReview(version.definition, version.version)} />
          )}
          {tab === 'ai' && aiAllowed && <AiEditPanel stored={stored} hasPending={pending.length > 0} onReview={(definition) => void openReview(definition)} />}
        </>
      )}
    </div>
  );
}
