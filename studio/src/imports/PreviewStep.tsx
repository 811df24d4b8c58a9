import type { ModuleDefinition, ModuleField } from '@crm/engine';
import type { ColumnMapping, ImportPreview, RowIssue } from '../api/imports.api';
import { displayValue } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';

interface Props {
  definition: ModuleDefinition;
  preview: ImportPreview;
  mapping: ColumnMapping[];
  updating: boolean;
}

const issuesOf = (issues: RowIssue[], entry: ColumnMapping) =>
  issues.filter((issue) => issue.column === entry.column || (issue.column === null && issue.field !== null && issue.field === entry.field));

/** Step 4: the first rows as they will be stored, each value as its field type shows it, each cell that cannot be read marked with the reason. */
export function PreviewStep({ definition, preview, mapping, updating }: Props) {
  const { t, l, lang, locale } = useI18n();
  const columns = mapping.flatMap((entry) => {
    const field = definition.fields.find((f) => f.key === entry.field);
    return field ? [{ entry, field }] : [];
  });
  const withIssues = preview.rows.filter((row) => row.issues.length > 0).length;
  const label = (field: ModuleField) => l(field.label);
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        {t('imports.preview.title', { count: preview.rows.length.toLocaleString(locale) })}
        {updating && <span className="muted"> · {t('imports.preview.updating')}</span>}
      </p>
      {withIssues > 0 && (
        <p className="error" data-testid="preview-issue-count">
          {t('imports.preview.withIssues', { count: withIssues })}
        </p>
      )}
      {preview.rows.length === 0 ? (
        <p className="muted">{t('imports.preview.noRows')}</p>
      ) : (
        <div className="table-wrap">
          <table className="records preview-table">
            <thead>
              <tr>
                <th>{t('imports.preview.line')}</th>
                {columns.map(({ entry, field }) => (
                  <th key={entry.column} title={entry.header} data-field={field.key}>
                    {label(field)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => {
                // A row-level issue (no column, no field) belongs to the whole row.
                const rowIssues = row.issues.filter((issue) => issue.column === null && issue.field === null);
                return (
                  <tr key={row.line} data-line={row.line} className={rowIssues.length ? 'row-issue' : undefined}>
                    <td title={rowIssues.map((issue) => l(issue.message)).join('\n') || undefined}>{row.line.toLocaleString(locale)}</td>
                    {columns.map(({ entry, field }) => {
                      const issues = issuesOf(row.issues, entry);
                      return (
                        <td key={entry.column} data-field={field.key} className={issues.length ? 'cell-issue' : undefined}>
                          {issues.length ? (
                            <>
                              <span>{row.cells[entry.column] ?? ''}</span>
                              {issues.map((issue, i) => (
                                <small key={i} className="issue-message">
                                  {l(issue.message)}
                                </small>
                              ))}
                            </>
                          ) : (
                            displayValue(field, row.values[field.key], lang)
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
