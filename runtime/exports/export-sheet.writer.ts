import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { csvCell, CSV_DELIMITER, neutraliseFormula, type Locale, type ModuleField, type RecordValues, spreadsheetCell, spreadsheetColumns, spreadsheetSheetName } from '@crm/engine';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ExportFormat } from './records-export.payload';

/** Writes records as rows into a file on disk, one row at a time; `close` says how many bytes the file took. */
export interface SheetWriter {
  add(record: RecordValues): Promise<void>;
  close(): Promise<number>;
}

export interface SheetLayout {
  /** The sheet's columns, in order. */
  fields: ModuleField[];
  lang: Locale;
  timeZone: string;
  /** The worksheet's name (XLSX). */
  title: string;
}

/**
 * XLSX through exceljs's streaming writer (rows are committed to the zip on
 * disk as they come) or CSV through csv-stringify (UTF-8 with a BOM, the
 * language's delimiter); both type cells by the engine's spreadsheet rules.
 */
export function openSheetWriter(path: string, format: ExportFormat, layout: SheetLayout): SheetWriter {
  return format === 'xlsx' ? xlsxWriter(path, layout) : csvWriter(path, layout);
}

function xlsxWriter(path: string, { fields, lang, timeZone, title }: SheetLayout): SheetWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spreadsheetSheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spreadsheetColumns(fields, lang);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let closed: Promise<number> | undefined;
  return {
    async add(record) {
      sheet.addRow(fields.map((f) => spreadsheetCell(f, record[f.key], lang, timeZone))).commit();
    },
    close() {
      closed ??= (async () => {
        sheet.commit();
        await workbook.commit();
        return (await stat(path)).size;
      })();
      return closed;
    },
  };
}

function csvWriter(path: string, { fields, lang, timeZone }: SheetLayout): SheetWriter {
  const file = createWriteStream(path);
  const csv = stringify({ delimiter: CSV_DELIMITER[lang], bom: true, record_delimiter: 'windows' });
  csv.pipe(file);
  const write = async (cells: string[]) => {
    if (!csv.write(cells)) await once(csv, 'drain');
  };
  let started = false;
  let closed: Promise<number> | undefined;
  return {
    async add(record) {
      if (!started) {
        started = true;
        await write(fields.map((f) => neutraliseFormula(f.label[lang])));
      }
      await write(fields.map((f) => csvCell(f, record[f.key], lang, timeZone)));
    },
    close() {
      closed ??= (async () => {
        if (!started) await write(fields.map((f) => neutraliseFormula(f.label[lang])));
        csv.end();
        await finished(file);
        return (await stat(path)).size;
      })();
      return closed;
    },
  };
}
