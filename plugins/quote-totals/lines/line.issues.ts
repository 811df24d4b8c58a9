import type { Issue } from '@crm/engine';
import type { MessageKey, MessageParams } from '../locale/messages';
import { text } from '../locale/messages';

export type LineIssueCode = 'inactiveProduct' | 'unknownProduct' | 'noProduct' | 'missingPrice' | 'invalidNumber';

/** An issue on one column of one quote line: path `lineas[i].column`, code `quoteTotals.<code>`, message es/en. */
export function lineIssue(linesField: string, index: number, column: string, code: LineIssueCode, params: MessageParams = {}): Issue {
  return {
    path: `${linesField}[${index}].${column}`,
    code: `quoteTotals.${code}`,
    message: text(`issue.${code}` as MessageKey, { line: index + 1, ...params }),
  };
}
