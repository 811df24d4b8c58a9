import type { ModuleDefinition } from '@crm/engine';
import type { ApiRecord } from '../api/types';
import { displayValue, recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import { defaultSource, differingFields, type GroupChoice } from './merge-choices';

interface Props {
  definition: ModuleDefinition;
  records: ApiRecord[];
  choice: GroupChoice;
  onChange(choice: GroupChoice): void;
}

/** One group side by side: a column per record with "Conservar", and per differing field a radio for the value that survives. */
export function GroupDetail({ definition, records, choice, onChange }: Props) {
  const { t, l, lang, locale } = useI18n();
  const fields = differingFields(definition, records);
  const byKey = new Map(definition.fields.map((f) => [f.key, f]));
  const when = (iso: string) => new Date(iso).toLocaleString(locale);
  const pick = (field: string, source: string | null) => {
    const values = { ...choice.values };
    if (source === null) delete values[field];
    else values[field] = source;
    onChange({ ...choice, values });
  };
  return (
    <div className="group-detail" data-testid="group-detail">
      <p className="muted">{t('merges.groupHint')}</p>
      <table className="records">
        <thead>
          <tr>
            <th>{t('merges.field')}</th>
            {records.map((record) => (
              <th key={record.id} className={record.id === choice.keep ? 'kept' : undefined} data-record={record.id}>
                <label>
                  <input type="radio" name="merge-keep" checked={record.id === choice.keep} onChange={() => onChange({ keep: record.id, values: choice.values })} data-testid={`keep-${record.id}`} />{' '}
                  {record.id === choice.keep ? t('merges.kept') : t('merges.keep')}
                </label>
                <div>{recordTitle(definition, record)}</div>
                <div className="muted">
                  {t('merges.created.at')}: {when(record.createdAt)}
                </div>
                <div className="muted">
                  {t('merges.updated.at')}: {when(record.updatedAt)}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {fields.length === 0 && (
            <tr>
              <td colSpan={records.length + 1} className="muted">
                {t('merges.sameValues')}
              </td>
            </tr>
          )}
          {fields.map((field) => {
            const fallback = defaultSource(field, records, choice.keep);
            const chosen = choice.values[field.key] ?? fallback;
            const definitionField = byKey.get(field.key);
            return (
              <tr key={field.key} data-field={field.key}>
                <th scope="row">
                  {definitionField ? l(definitionField.label) : field.key}
                  {field.kind === 'files' && (
                    <label className="muted">
                      <input
                        type="radio"
                        name={`value-${field.key}`}
                        checked={chosen === 'joined'}
                        disabled={fallback !== 'joined'}
                        onChange={() => pick(field.key, null)}
                        data-testid={`value-${field.key}-joined`}
                      />{' '}
                      {t('merges.joined')}
                    </label>
                  )}
                </th>
                {records.map((record) => {
                  const text = displayValue(definitionField, record[field.key], lang);
                  return (
                    <td key={record.id} className={[record.id === choice.keep ? 'kept' : '', chosen === record.id ? 'chosen' : ''].join(' ').trim() || undefined}>
                      <label>
                        <input
                          type="radio"
                          name={`value-${field.key}`}
                          checked={chosen === record.id}
                          onChange={() => pick(field.key, record.id === fallback ? null : record.id)}
                          data-testid={`value-${field.key}-${record.id}`}
                        />
                        <span>{text || t('merges.empty')}</span>
                      </label>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
