import { useState } from 'react';
import type { DiffOperation, ModuleDefinition, StorageStep } from '@crm/engine';
import type { DataCheck } from '../api/designer.api';
import { useI18n } from '../i18n/i18n';
import { describeOperation } from './diff-words';

export interface ReviewData {
  fromVersion?: number;
  toVersion?: number;
  operations: DiffOperation[];
  steps: StorageStep[];
  checks?: DataCheck[];
  blocked?: boolean;
}

/** The diff and the storage plan in words, before anything is written (M5). */
export function ChangeSummary({ data, before, after }: { data: ReviewData; before?: ModuleDefinition; after?: ModuleDefinition }) {
  const i18n = useI18n();
  const { t, l } = i18n;
  // A new module without fields has no operation, yet its plan still creates the table.
  if (data.operations.length === 0 && data.steps.length === 0) return <p className="muted">{t('review.noChanges')}</p>;
  const stepsWorthShowing = data.steps.filter((s) => s.kind !== 'updateMetadata' || data.steps.length < 12);
  return (
    <div className="change-summary">
      <h3>{t('review.diff')}</h3>
      <ul className="diff-list" data-testid="review-diff">
        {data.operations.map((op, index) => (
          <li key={index} data-op={op.op}>
            {describeOperation(op, before, after, i18n)}
          </li>
        ))}
      </ul>
      <h3>{t('review.storage')}</h3>
      <ul className="plan-list" data-testid="review-plan">
        {stepsWorthShowing.map((step, index) => (
          <li key={index} data-kind={step.kind} className={step.safety === 'safe' ? undefined : 'needs-check'}>
            {l(step.description)}
            {step.safety !== 'safe' && <span className="badge warn">{t('review.needsCheck')}</span>}
          </li>
        ))}
      </ul>
      {data.checks && data.checks.length > 0 && (
        <>
          <h3>{t('review.checks')}</h3>
          <ul className="plan-list">
            {data.checks.map((check, index) => {
              const step = data.steps.find((s) => s.kind === 'checkValues' && s.column === check.column);
              const what = step ? l(step.description) : check.column;
              return (
                <li key={index} className={check.count > 0 ? 'error' : undefined}>
                  {check.count > 0 ? t('review.checkCount', { count: check.count, what }) : t('review.checkOk', { what })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}

interface Props {
  data: ReviewData;
  before?: ModuleDefinition;
  after?: ModuleDefinition;
  title?: string;
  applying: boolean;
  error?: string | null;
  onApply(keepAside: boolean): void;
  onCancel(): void;
}

/** Plan → review → apply: the one gate every change of a module goes through. */
export function PlanReview({ data, before, after, title, applying, error, onApply, onCancel }: Props) {
  const { t } = useI18n();
  const [keepAside, setKeepAside] = useState(false);
  return (
    <section className="plan-review panel" data-testid="plan-review">
      <h2>{title ?? t('review.title')}</h2>
      {data.fromVersion !== undefined && data.toVersion !== undefined && <p className="muted">{t('review.versions', { from: data.fromVersion, to: data.toVersion })}</p>}
      <ChangeSummary data={data} before={before} after={after} />
      {data.blocked && (
        <label className="check">
          <input type="checkbox" checked={keepAside} onChange={(e) => setKeepAside(e.target.checked)} />
          {t('review.keepAside')}
        </label>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="primary"
          data-testid="apply-change"
          disabled={applying || data.operations.length === 0 || (data.blocked === true && !keepAside)}
          onClick={() => onApply(keepAside)}
        >
          {applying ? t('review.applying') : t('review.apply')}
        </button>
        <button type="button" onClick={onCancel} disabled={applying}>
          {t('review.back')}
        </button>
      </div>
    </section>
  );
}
