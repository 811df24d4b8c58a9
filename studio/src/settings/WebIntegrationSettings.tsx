import { useState } from 'react';
import { readSession } from '../api/session.store';
import type { ApiRecord } from '../api/types';
import { useModules } from '../app/modules.context';
import { activeFields } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import { linkValues, linkVariables } from './link-values';
import { RecordPicker } from './RecordPicker';
import { renderPreview } from './render-preview';
import { SaveBar } from './SaveBar';
import type { WebVariable } from '../api/settings.api';
import { useSection } from './use-section';

const SOURCES: WebVariable['source'][] = ['field', 'agent', 'call'];

/** The web-integration link (seed 000 §3.4): a URL with `{id_customer}`-style variables, each taken from a field, the agent or the call. */
export function WebIntegrationSettings() {
  const { t, l } = useI18n();
  const { list, byKey } = useModules();
  const state = useSection('web_integration');
  const [record, setRecord] = useState<ApiRecord | null>(null);
  if (!state.draft) return state.error ? <p className="error">{state.error}</p> : <p className="muted">{t('custom.loading')}</p>;
  const link = state.draft;
  const definition = byKey.get(link.module);
  const set = (patch: Partial<typeof link>) => state.setDraft({ ...link, ...patch });
  const setVariable = (index: number, patch: Partial<WebVariable>) => set({ variables: link.variables.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
  const undeclared = linkVariables(link.url).filter((name) => !link.variables.some((v) => v.name === name));
  const preview = record ? renderPreview(link.url, linkValues(link.variables, record, readSession()?.username ?? t('custom.web.agentSample'), t('custom.web.callSample')), 'url') : null;
  return (
    <section className="panel" data-testid="web-integration">
      <p className="muted">{t('custom.web.help')}</p>
      <label>
        {t('custom.module')}
        <select value={link.module} onChange={(e) => set({ module: e.target.value })} data-testid="web-module">
          {list.map((m) => (
            <option key={m.key} value={m.key}>
              {l(m.names.plural)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('custom.web.url')}
        <input className="wide" data-testid="web-url" value={link.url} onChange={(e) => set({ url: e.target.value })} placeholder="https://…?cliente={id_customer}" />
      </label>
      {undeclared.length > 0 && <p className="error small">{undeclared.map((n) => `{${n}}`).join(', ')}</p>}
      <h3>{t('custom.web.variables')}</h3>
      <table className="custom-table">
        <thead>
          <tr>
            <th>{t('custom.web.variable')}</th>
            <th>{t('custom.web.source')}</th>
            <th>{t('custom.field')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {link.variables.map((v, index) => (
            <tr key={index}>
              <td>
                <input aria-label={t('custom.web.variable')} value={v.name} onChange={(e) => setVariable(index, { name: e.target.value })} />
              </td>
              <td>
                <select value={v.source} onChange={(e) => setVariable(index, { source: e.target.value as WebVariable['source'], field: undefined })}>
                  {SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {t(`custom.web.source.${s}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {v.source === 'field' && (
                  <select value={v.field ?? ''} onChange={(e) => setVariable(index, { field: e.target.value || undefined })}>
                    <option value="" />
                    <option value="id">id</option>
                    {definition &&
                      activeFields(definition).map((f) => (
                        <option key={f.key} value={f.key}>
                          {l(f.label)}
                        </option>
                      ))}
                  </select>
                )}
              </td>
              <td>
                <button type="button" className="icon" onClick={() => set({ variables: link.variables.filter((_, i) => i !== index) })}>
                  {t('custom.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => set({ variables: [...link.variables, { name: `var_${link.variables.length + 1}`, source: 'field' }] })}>
        {t('custom.web.addVariable')}
      </button>
      <h3>{t('custom.preview')}</h3>
      <RecordPicker key={link.module} module={link.module} value={record} onChange={setRecord} />
      {preview &&
        ('error' in preview ? (
          <p className="error">{t('custom.preview.error', { error: preview.error })}</p>
        ) : (
          <p className="preview-url" data-testid="web-preview">
            <code>{preview.text}</code>{' '}
            {/^https?:\/\//.test(preview.text) && (
              <a href={preview.text} target="_blank" rel="noreferrer noopener">
                {t('custom.web.open')}
              </a>
            )}
          </p>
        ))}
      <SaveBar state={state} />
    </section>
  );
}
