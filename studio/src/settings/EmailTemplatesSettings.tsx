import { useState } from 'react';
import { useModules } from '../app/modules.context';
import { useRoleModule } from '../definition/use-role-module';
import { useI18n } from '../i18n/i18n';
import { keyFromLabel } from './option-edits';
import { SaveBar } from './SaveBar';
import { TemplateForm } from './TemplateForm';
import { TemplatePreview } from './TemplatePreview';
import { useSection } from './use-section';

/** E-mail templates (used by "send e-mail with template"): a list, the selected one's form and its preview on a record. */
export function EmailTemplatesSettings() {
  const { t } = useI18n();
  const state = useSection('email_templates');
  // A new template starts on the contacts module: most templates write to people.
  const contacts = useRoleModule('contacts');
  const { list } = useModules();
  const start = contacts?.key ?? list[0]?.key ?? '';
  const [selected, setSelected] = useState(0);
  if (!state.draft) return state.error ? <p className="error">{state.error}</p> : <p className="muted">{t('custom.loading')}</p>;
  const items = state.draft.items;
  const current = items[selected];
  const setItems = (next: typeof items) => state.setDraft({ items: next });
  const add = () => {
    const name = t('custom.templates.new');
    setItems([
      ...items,
      {
        key: keyFromLabel(
          name,
          items.map((i) => i.key),
        ),
        name,
        module: start,
        subject: '',
        body: '',
      },
    ]);
    setSelected(items.length);
  };
  return (
    <section className="panel" data-testid="email-templates">
      <div className="templates-columns">
        <div>
          <h3>{t('custom.templates.list')}</h3>
          {items.length === 0 && <p className="muted">{t('custom.templates.empty')}</p>}
          <ul className="template-list">
            {items.map((item, index) => (
              <li key={index} className={index === selected ? 'selected' : undefined}>
                <button type="button" className="link" onClick={() => setSelected(index)}>
                  {item.name || item.key}
                </button>
                <button
                  type="button"
                  className="icon"
                  onClick={() => {
                    setItems(items.filter((_, i) => i !== index));
                    setSelected(0);
                  }}
                >
                  {t('custom.remove')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="template-add" onClick={add}>
            {t('custom.templates.new')}
          </button>
        </div>
        {current && (
          <div>
            <TemplateForm template={current} onChange={(next) => setItems(items.map((item, i) => (i === selected ? next : item)))} />
            <TemplatePreview template={current} />
          </div>
        )}
      </div>
      <SaveBar state={state} />
    </section>
  );
}
