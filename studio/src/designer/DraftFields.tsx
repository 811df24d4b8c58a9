import type { ModuleField } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { typeName } from './diff-words';

/** The fields of an AI draft as a table the admin can read at a glance. */
export function DraftFields({ fields }: { fields: ModuleField[] }) {
  const { t, l } = useI18n();
  return (
    <table className="records draft-fields" data-testid="draft-fields">
      <thead>
        <tr>
          <th>{t('field.label')}</th>
          <th>{t('designer.key')}</th>
          <th>{t('designer.fieldType')}</th>
          <th>{t('field.required')}</th>
        </tr>
      </thead>
      <tbody>
        {fields
          .filter((f) => !f.archived)
          .map((field) => (
            <tr key={field.key} data-field={field.key}>
              <td>{l(field.label)}</td>
              <td>
                <code>{field.key}</code>
              </td>
              <td>
                {typeName(t, field.type)}
                {'options' in field && <span className="muted"> · {t('ai.options', { options: field.options.map((o) => l(o.label)).join(', ') })}</span>}
                {field.type === 'lookup' && <span className="muted"> → {field.target}</span>}
              </td>
              <td>{field.required ? t('value.yes') : t('value.no')}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}
