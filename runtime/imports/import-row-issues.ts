import type { ColumnMapping, Issue, RowIssue } from '@crm/engine';

/** A pipeline issue (path = field key) as an import row issue: the column that fed the field, and the cell's text. */
export function rowIssueOf(found: Issue, mapping: readonly ColumnMapping[], cells: readonly string[]): RowIssue {
  const field = found.path.split(/[.[]/)[0] || null;
  const column = field ? mapping.find((entry) => entry.field === field) : undefined;
  return {
    column: column ? column.column : null,
    header: column ? column.header : null,
    field,
    value: column ? (cells[column.column] ?? '') : null,
    code: found.code,
    message: found.message,
  };
}

/** A row's issues as one line of text for the failed-rows file: `header: message` joined. */
export function reasonText(issues: readonly RowIssue[], lang: 'es' | 'en'): string {
  return issues.map((entry) => (entry.header ? `${entry.header}: ${entry.message[lang]}` : entry.message[lang])).join(' | ');
}
