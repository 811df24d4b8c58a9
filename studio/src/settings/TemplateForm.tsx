import { useModules } from '../app/modules.context';
import { activeFields } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import type { EmailTemplate } from '../api/settings.api';

/** One e-mail template's name, module, subject and Handlebars body, with the module's fields to copy from. */
export function TemplateForm({ template, onChange }: { template: EmailTemplate; onChange(next: EmailTemplate): void }) {
  const { t, l } = useI18n();
  const { list, byKey } = useModules();
  const definition = byKey.get(template.module);
  const set = (patch: Partial<EmailTemplate>) => onChange({ ...template, ...patch });
  return (
    <div className="template-form">
      <label>
        {t('custom.templates.name')}
        <input data-testid="template-name" value={template.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        {t('custom.key')}
        <input data-testid="template-key" value={template.key} onChange={(e) => set({ key: e.target.value })} />
      </label>
      <label>
        {t('custom.module')}
        <select data-testid="template-module" value={template.module} onChange={(e) => set({ module: e.target.value })}>
          {list.map((m) => (
            <option key={m.key} value={m.key}>
              {l(m.names.plural)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('custom.templates.subject')}
        <input data-testid="template-subject" value={template.subject} onChange={(e) => set({ subject: e.target.value })} />
      </label>
      <label>
        {t('custom.templates.body')}
        <textarea data-testid="template-body" rows={8} value={template.body} onChange={(e) => set({ body: e.target.value })} />
      </label>
      {definition && (
        <p className="muted small">
          {t('custom.templates.fields')}:{' '}
          {activeFields(definition)
            .map((f) => `{{${f.key}}}`)
            .join(' ')}
        </p>
      )}
    </div>
  );
}
