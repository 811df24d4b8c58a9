import { useEffect, useState } from 'react';
import type { ModuleDefinition, PicklistOption } from '@crm/engine';
import { designerApi } from '../api/designer.api';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { PlanReview } from '../designer/PlanReview';
import { useModuleChange } from '../designer/use-module-change';
import { useI18n } from '../i18n/i18n';
import { isSelect, keyFromLabel, type OptionFact, withFact, withOptions } from './option-edits';

interface Props {
  module: string;
  /** The picklist field; when absent the admin picks any picklist of the module. */
  field?: string;
  fact?: OptionFact;
  testId: string;
}

/**
 * One picklist's options (stable keys, es/en labels, colour, a fact such as the
 * priority's resolution hours). Saving goes through the module API: plan → review → apply.
 */
export function OptionsEditor({ module, field: fixedField, fact, testId }: Props) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const modules = useModules();
  const [stored, setStored] = useState<ModuleDefinition | null>(null);
  const [fieldKey, setFieldKey] = useState<string | undefined>(fixedField);
  const [options, setOptions] = useState<PicklistOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const failed = (e: unknown) => setError(failureText(e, l));
  const saving = useModuleChange(module, stored, (definition) => {
    setStored(definition);
    modules.reload();
    notify('ok', t('custom.saved'));
  });
  const { busy } = saving;

  useEffect(() => {
    setStored(null);
    saving.cancel();
    designerApi.module(module).then((definition) => {
      setStored(definition);
      setFieldKey((current) => fixedField ?? (current && definition.fields.some((f) => f.key === current && isSelect(f)) ? current : definition.fields.find(isSelect)?.key));
    }, failed);
    // Reloads only when the module or field changes; `failed` is a fresh closure each render.
  }, [module, fixedField]);

  const field = stored?.fields.find((f) => f.key === fieldKey);
  useEffect(() => setOptions(field && isSelect(field) ? field.options : []), [field]);

  if (!stored) return error ? <p className="error">{error}</p> : <p className="muted">{t('custom.loading')}</p>;
  if (!field || !isSelect(field)) {
    return <p className="muted">{fixedField ? t('custom.missingField', { module, field: fixedField }) : t('custom.noSelect')}</p>;
  }
  const dirty = JSON.stringify(options) !== JSON.stringify(field.options);
  const change = (index: number, next: PicklistOption) => setOptions(options.map((o, i) => (i === index ? next : o)));
  const storedKeys = new Set(field.options.map((o) => o.key));

  const openReview = () => fieldKey && stored && saving.open(withOptions(stored, fieldKey, options));

  if (saving.pending && saving.review) {
    return (
      <PlanReview
        data={saving.review}
        before={stored}
        after={saving.pending.after}
        applying={busy}
        error={saving.error}
        onApply={(keepAside) => void saving.apply(keepAside)}
        onCancel={saving.cancel}
      />
    );
  }

  return (
    <section className="panel custom-options" data-testid={testId}>
      {!fixedField && (
        <label className="inline">
          {t('custom.field')}
          <select value={fieldKey} onChange={(e) => setFieldKey(e.target.value)} data-testid="options-field">
            {stored.fields.filter(isSelect).map((f) => (
              <option key={f.key} value={f.key}>
                {l(f.label)}
              </option>
            ))}
          </select>
        </label>
      )}
      <table className="custom-table">
        <thead>
          <tr>
            <th>{t('custom.key')}</th>
            <th>{t('custom.labelEs')}</th>
            <th>{t('custom.labelEn')}</th>
            {fact && <th>{t(`custom.${fact.key}`)}</th>}
            <th>{t('custom.color')}</th>
            <th>{t('custom.archived')}</th>
          </tr>
        </thead>
        <tbody>
          {options.map((option, index) => (
            <tr key={index} data-option={option.key} className={option.archived ? 'archived' : undefined}>
              <td>
                {/* Stored keys are in records already: only new options take a key. */}
                {storedKeys.has(option.key) ? <code>{option.key}</code> : <input aria-label={t('custom.key')} value={option.key} onChange={(e) => change(index, { ...option, key: e.target.value })} />}
              </td>
              <td>
                <input aria-label={t('custom.labelEs')} value={option.label.es} onChange={(e) => change(index, { ...option, label: { ...option.label, es: e.target.value } })} />
              </td>
              <td>
                <input aria-label={t('custom.labelEn')} value={option.label.en} onChange={(e) => change(index, { ...option, label: { ...option.label, en: e.target.value } })} />
              </td>
              {fact && (
                <td>
                  <input
                    aria-label={t(`custom.${fact.key}`)}
                    data-testid={`fact-${option.key}`}
                    type={fact.kind === 'number' ? 'number' : 'text'}
                    min={fact.kind === 'number' ? 0 : undefined}
                    max={fact.key === 'probability' ? 100 : undefined}
                    value={String(option.data?.[fact.key] ?? '')}
                    onChange={(e) => change(index, withFact(option, fact, e.target.value))}
                  />
                </td>
              )}
              <td>
                <input type="color" aria-label={t('custom.color')} value={option.color ?? '#9e9e9e'} onChange={(e) => change(index, { ...option, color: e.target.value })} />
              </td>
              <td>
                <input type="checkbox" aria-label={t('custom.archived')} checked={option.archived === true} onChange={(e) => change(index, { ...option, archived: e.target.checked || undefined })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {(error ?? saving.error) && (
        <p className="error" role="alert">
          {error ?? saving.error}
        </p>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            const label = t('custom.newOption');
            setOptions([
              ...options,
              {
                key: keyFromLabel(
                  label,
                  options.map((o) => o.key),
                ),
                label: { es: label, en: label },
              },
            ]);
          }}
        >
          {t('custom.addOption')}
        </button>
        <button type="button" className="primary" data-testid="options-review" disabled={!dirty || busy} onClick={() => void openReview()}>
          {t('custom.reviewSave')}
        </button>
        <button type="button" disabled={!dirty || busy} onClick={() => setOptions(field.options)}>
          {t('custom.discard')}
        </button>
      </div>
    </section>
  );
}
