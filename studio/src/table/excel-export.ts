import { spreadsheetCell, spreadsheetColumns, spreadsheetSheetName } from '@crm/engine';
import type { ApiRecord, ModuleDefinition, ModuleField } from '../api/types';
import type { Lang } from '../i18n/i18n';

/** Seed 000 §5.1: "Descargar Excel con filtro" stops at 30,000 records or 30 MB. */
export const EXCEL_LIMITS = { records: 30_000, megabytes: 30 } as const;

export type ExcelOutcome = { ok: true; count: number } | { ok: false; reason: 'tooMany' | 'tooBig'; count: number };

/** The browser's time zone: date-times are written as the agent's wall clock, as the table shows them. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Builds the xlsx in the browser with exceljs (loaded only when asked for, so the
 * first screen does not carry it) and hands it to the browser as a download.
 * Cells follow the engine's spreadsheet rules, the same as background exports:
 * numbers as numbers, dates as dates, picklists as labels, formulas neutralised.
 */
export async function downloadExcel(definition: ModuleDefinition, fields: ModuleField[], records: ApiRecord[], lang: Lang): Promise<ExcelOutcome> {
  if (records.length > EXCEL_LIMITS.records) return { ok: false, reason: 'tooMany', count: records.length };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spreadsheetSheetName(definition.names.plural[lang]));
  sheet.columns = spreadsheetColumns(fields, lang);
  sheet.getRow(1).font = { bold: true };
  const timeZone = browserTimeZone();
  for (const record of records) {
    sheet.addRow(fields.map((f) => spreadsheetCell(f, record[f.key], lang, timeZone)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  if (buffer.byteLength > EXCEL_LIMITS.megabytes * 1024 * 1024) return { ok: false, reason: 'tooBig', count: records.length };
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${definition.key}-${new Date().toISOString().slice(0, 10)}.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { ok: true, count: records.length };
}
