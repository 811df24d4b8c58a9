import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { type ActionOutcome, type OfferedAction, recordActionsApi } from '../api/record-actions.api';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { type Lang, useI18n } from '../i18n/i18n';
import { serverErrors } from './server-errors';

type Values = Record<string, unknown>;

/** The action's input schema as the form shows it: titles in the user's language, the plugin's `x-` hints taken out. */
export function actionFormSchema(schema: Record<string, unknown>, lang: Lang): RJSFSchema {
  const localize = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(localize);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'x-label' && value && typeof value === 'object') out.title = (value as Record<string, string>)[lang] || (value as Record<string, string>).es;
      else if (!key.startsWith('x-')) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Values).map(([k, v]) => [k, localize(v)])) : localize(value);
    }
    return out;
  };
  return localize(schema) as RJSFSchema;
}

const hasInputs = (action: OfferedAction) => Object.keys((action.inputSchema?.properties as Values | undefined) ?? {}).length > 0;

/**
 * M6: the actions the module's plugins offer, as buttons on the record page.
 * An action with inputs opens a form built from its `inputSchema`; the server
 * validates it again and runs the action in one transaction.
 */
export function PluginActions({ definition, record, onDone }: { definition: ModuleDefinition; record: ApiRecord; onDone(outcome: ActionOutcome): void }) {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  const [actions, setActions] = useState<OfferedAction[]>([]);
  const [open, setOpen] = useState<OfferedAction | null>(null);
  const [input, setInput] = useState<Values>({});
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<ErrorSchema>({});
  const [general, setGeneral] = useState<string[]>([]);

  useEffect(() => {
    if (!definition.plugins?.length) {
      setActions([]);
      return;
    }
    recordActionsApi.offered(definition.key).then(
      (offered) => setActions(offered.actions),
      () => setActions([]),
    );
  }, [definition]);

  async function run(action: OfferedAction, values: Values) {
    setBusy(true);
    setFieldErrors({});
    setGeneral([]);
    try {
      const outcome = await recordActionsApi.run(definition.key, record.id, action.key, values);
      notify('ok', outcome.message ? l(outcome.message) : t('actions.done'));
      setOpen(null);
      onDone(outcome);
    } catch (failure) {
      const { details, text } = failure as ApiFailure;
      // Input errors come back as `input.<field>`; the rest (the records the action writes) are shown as sentences.
      const placed = serverErrors(
        details.filter((d) => d.path.startsWith('input.')).map((d) => ({ ...d, path: d.path.slice('input.'.length) })),
        lang,
      );
      setFieldErrors(placed.fields);
      const others = details.filter((d) => !d.path.startsWith('input.')).map((d) => `${d.path ? `${d.path}: ` : ''}${d.message[lang] || d.message.es}`);
      setGeneral([l(text), ...placed.general, ...others]);
      if (!open) notify('error', l(text));
    } finally {
      setBusy(false);
    }
  }

  if (actions.length === 0) return null;
  return (
    <>
      <span role="group" aria-label={t('actions.group')} className="plugin-actions">
        {actions.map((action) => (
          <button
            key={`${action.plugin}.${action.key}`}
            type="button"
            disabled={busy}
            data-testid={`action-${action.key}`}
            onClick={() => {
              if (!hasInputs(action)) return void run(action, {});
              setInput({});
              setFieldErrors({});
              setGeneral([]);
              setOpen(action);
            }}
          >
            {l(action.label)}
          </button>
        ))}
      </span>
      {open && (
        <div className="dialog-backdrop" role="presentation">
          <div className="dialog small" role="dialog" aria-modal="true" aria-label={l(open.label)} data-testid="action-dialog">
            <h2>{l(open.label)}</h2>
            {general.length > 0 && (
              <div className="error" role="alert" data-testid="action-errors">
                {general.map((text) => (
                  <p key={text}>{text}</p>
                ))}
              </div>
            )}
            <Form
              schema={actionFormSchema(open.inputSchema ?? {}, lang)}
              formData={input}
              validator={validator}
              extraErrors={fieldErrors}
              showErrorList={false}
              disabled={busy}
              onChange={(event) => setInput((event.formData ?? {}) as Values)}
              onSubmit={(event) => void run(open, (event.formData ?? {}) as Values)}
            >
              <div className="view-head">
                <span className="spacer" />
                <button type="button" onClick={() => setOpen(null)} disabled={busy}>
                  {t('actions.cancel')}
                </button>
                <button type="submit" className="primary" disabled={busy} data-testid="action-submit">
                  {busy ? t('actions.running') : t('actions.run')}
                </button>
              </div>
            </Form>
          </div>
        </div>
      )}
    </>
  );
}
