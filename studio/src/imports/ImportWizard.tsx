import { useEffect, useReducer } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { navigate, paths } from '../app/router';
import { moduleRight, useRights } from '../designer/profile-rights';
import { useI18n } from '../i18n/i18n';
import { isFinished, useJobProgress } from '../jobs/use-job-progress';
import { formatBytes } from './import-format';
import { canOpen, initialWizard, jobPayload, nextStep, previousStep, WIZARD_STEPS, wizardReducer } from './import-wizard.state';
import { ImportsHead } from './ImportsHead';
import { ImportSummary } from './ImportSummary';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { MappingStep } from './MappingStep';
import { ModeStep } from './ModeStep';
import { PreviewStep } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { UploadStep } from './UploadStep';
import { useImportPreview } from './use-import-preview';
import { ValidatePanel } from './ValidatePanel';
import { ValuesStep } from './ValuesStep';
import '../designer/designer.css';
import './imports.css';

/** The import wizard (issue 10): upload → mapping → values → preview and Validar → mode and Confirmar → progress → summary. */
export function ImportWizard({ definition }: { definition: ModuleDefinition }) {
  const { t, l, locale } = useI18n();
  const rights = useRights();
  const [state, dispatch] = useReducer(wizardReducer, initialWizard);
  const preview = useImportPreview(state, dispatch, definition.key);
  const { job, refused } = useJobProgress(state.jobId);
  const finished = isFinished(job);
  useEffect(() => {
    if (finished) dispatch({ type: 'finished' });
  }, [finished]);

  const module = definition.key;
  const next = nextStep(state);
  const previous = previousStep(state);
  const headers = state.preview?.headers ?? [];

  function body() {
    const { preview: answer, mapping, options } = state;
    if (state.step === 'upload') {
      return <UploadStep module={module} file={state.file} onUploaded={(file) => dispatch({ type: 'uploaded', file })} reading={preview.loading} readError={preview.error} />;
    }
    if (state.step === 'progress' || state.step === 'summary') {
      if (!state.jobId) return null;
      return state.step === 'progress' || !job ? (
        <ProgressStep jobId={state.jobId} job={job} refused={refused} />
      ) : (
        <>
          <JobProgressBar job={job} label={(processed, total) => t('imports.progress.rows', { processed, total })} />
          <ImportSummary job={job} headers={headers} />
          <div className="row-actions">
            <button type="button" className="primary" onClick={() => dispatch({ type: 'restart' })} data-testid="import-again">
              {t('imports.summary.again')}
            </button>
            <button type="button" onClick={() => navigate(paths.table(module))} data-testid="import-records">
              {t('imports.summary.records')}
            </button>
          </div>
        </>
      );
    }
    // Another delimiter or sheet: the columns are being read again.
    if (!answer || !mapping || !options) return preview.error ? <p className="error">{preview.error}</p> : <p className="muted">{t('imports.loading')}</p>;
    switch (state.step) {
      case 'mapping':
        return <MappingStep definition={definition} mapping={mapping} options={options} rows={answer.rows} canCreateField={moduleRight(rights, module, 'settings')} dispatch={dispatch} />;
      case 'values':
        return <ValuesStep preview={answer} source={state.source} options={options} dispatch={dispatch} />;
      case 'preview':
        return (
          <>
            <PreviewStep definition={definition} preview={answer} mapping={mapping} updating={preview.loading} />
            <ValidatePanel
              payload={preview.loading ? null : jobPayload(state, module, true)}
              jobId={state.validationJobId}
              headers={headers}
              onStarted={(jobId) => dispatch({ type: 'validating', jobId })}
            />
          </>
        );
      case 'mode':
        return <ModeStep definition={definition} state={state} dispatch={dispatch} />;
    }
  }

  return (
    <section className="import-wizard" data-module={module} data-step={state.step}>
      <ImportsHead definition={definition} title={t('imports.title', { module: l(definition.names.plural) })} current="import" />
      {rights.loaded && !moduleRight(rights, module, 'import') && <p className="error">{t('imports.forbidden')}</p>}
      <ol className="wizard-steps">
        {WIZARD_STEPS.map((step, index) => (
          <li key={step} className={step === state.step ? 'current' : undefined}>
            <button
              type="button"
              className="link"
              disabled={step === state.step || !canOpen(state, step)}
              onClick={() => dispatch({ type: 'goto', step })}
              data-step={step}
              aria-current={step === state.step ? 'step' : undefined}
            >
              {index + 1}. {t(`imports.step.${step}`)}
            </button>
          </li>
        ))}
      </ol>
      {state.file && state.step !== 'upload' && (
        <p className="muted" data-testid="import-file-line">
          {state.file.name} · {formatBytes(state.file.size, locale)}
        </p>
      )}
      <div className="wizard-body panel">{body()}</div>
      {state.jobId === null && (
        <div className="row-actions wizard-nav">
          <button type="button" disabled={!previous} onClick={() => previous && dispatch({ type: 'goto', step: previous })} data-testid="wizard-previous">
            {t('imports.previous')}
          </button>
          {state.step !== 'mode' && (
            <button type="button" className="primary" disabled={!next} onClick={() => next && dispatch({ type: 'goto', step: next })} data-testid="wizard-next">
              {t('imports.next')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
