import { useEffect, useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { designerApi } from '../api/designer.api';
import { useModules } from '../app/modules.context';
import { failureText } from '../designer/failure-text';
import { PlanReview } from '../designer/PlanReview';
import { useModuleChange } from '../designer/use-module-change';
import { useI18n } from '../i18n/i18n';
import { withFieldForHeader } from './mapping-edits';

interface Props {
  module: string;
  header: string;
  /** The change is applied: `key` is the new field's. */
  onCreated(key: string, label: string): void;
  onCancel(): void;
}

/**
 * "Crear campo" for a column no field matches: a text field named after the
 * header, through the designer's plan → review → apply, so the admin sees the
 * storage plan before the column is added.
 */
export function CreateFieldReview({ module, header, onCreated, onCancel }: Props) {
  const { t, l } = useI18n();
  const modules = useModules();
  const [stored, setStored] = useState<ModuleDefinition | null>(null);
  const [planned, setPlanned] = useState<{ definition: ModuleDefinition; key: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const change = useModuleChange(module, stored, () => {
    modules.reload();
    if (planned) onCreated(planned.key, header);
  });

  useEffect(() => {
    let live = true;
    designerApi.module(module).then(
      (definition) => {
        if (!live) return;
        const next = withFieldForHeader(
          definition,
          header,
          modules.list.map((m) => m.key),
        );
        setStored(definition);
        setPlanned(next);
        void change.open(next.definition);
      },
      (failure) => live && setError(failureText(failure, l)),
    );
    return () => {
      live = false;
    };
    // Planned once per column: the flow is opened for one header.
  }, [module, header]); // eslint-disable-line react-hooks/exhaustive-deps

  if (change.review && change.pending) {
    return (
      <PlanReview
        data={change.review}
        before={stored ?? undefined}
        after={change.pending.after}
        title={t('imports.mapping.createTitle', { name: header })}
        applying={change.busy}
        error={change.error}
        onApply={(keepAside) => void change.apply(keepAside)}
        onCancel={() => {
          change.cancel();
          onCancel();
        }}
      />
    );
  }
  const problem = error ?? change.error;
  return (
    <div className="panel">
      {problem ? (
        <>
          <p className="error" role="alert">
            {problem}
          </p>
          <button type="button" onClick={onCancel}>
            {t('review.back')}
          </button>
        </>
      ) : (
        <p className="muted">{t('shell.loading')}</p>
      )}
    </div>
  );
}
