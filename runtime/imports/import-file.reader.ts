import { Transform, type Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { type CsvDelimiter, type CsvEncoding, detectDelimiter, detectEncoding, sampleText } from './csv-layout.detector';
import { IMPORT_MAX_COLUMNS, ImportErrors } from './import.errors';
import { type ImportFile, ImportFilesRepository } from './import-files.repository';

/** How a file is read: detected, then overridable by the user. */
export interface FileLayout {
  encoding: CsvEncoding | null;
  delimiter: CsvDelimiter | null;
  /** XLSX: every sheet's name, and the one read (the first unless chosen). */
  sheets: string[];
  sheet: string | null;
}

export interface LayoutChoice {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  sheet?: string;
}

/** One row of the file: its 1-based line as a spreadsheet numbers it (the header is 1) and its cells as text. */
export interface FileRow {
  line: number;
  cells: string[];
}

/** A single cell larger than this is not data (1 MB). */
const MAX_CELL_CHARS = 1024 * 1024;

function decoder(encoding: CsvEncoding): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/** An XLSX cell as text the field types read: dates ISO (UTC), numbers with a point, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The rows of CSV bytes: decoded, then parsed by csv-parse (quotes, multi-line cells, CRLF, BOM); `line` is the record's number, the header being 1. */
export async function* csvRows(source: Readable, layout: Pick<FileLayout, 'encoding' | 'delimiter'>): AsyncGenerator<FileRow> {
  const parser = parse({
    delimiter: layout.delimiter ?? ',',
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_CELL_CHARS,
    info: true,
  });
  const text = source.pipe(decoder(layout.encoding ?? 'utf-8'));
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      // A row of empty cells (";;;;" at the end of an Excel export) is a blank line, as in the workbook reader.
      if (record.every((cell) => cell.trim() === '')) continue;
      // The record's number, as a spreadsheet numbers its rows: a quoted multi-line cell is still one row.
      yield { line: info.records, cells: record };
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('CSV_')) throw ImportErrors.unreadable(error.message);
    throw error;
  } finally {
    source.destroy();
  }
}

/**
 * Reads import files as rows of text cells, streaming: CSV through csv-parse
 * (any of the four delimiters, quoted multi-line cells, CRLF, BOM) after
 * decoding, XLSX through exceljs's streaming reader. Nothing holds the file whole.
 */
@Injectable()
export class ImportFileReader {
  constructor(@Inject(ImportFilesRepository) private readonly files: ImportFilesRepository) {}

  async layout(file: ImportFile, choice: LayoutChoice = {}): Promise<FileLayout> {
    if (file.format === 'xlsx') {
      const sheets = await this.sheetNames(file);
      if (choice.sheet !== undefined && !sheets.includes(choice.sheet)) throw ImportErrors.noSheet(choice.sheet);
      return { encoding: null, delimiter: null, sheets, sheet: choice.sheet ?? sheets[0] ?? null };
    }
    const head = await this.files.head(file.id);
    const encoding = choice.encoding ?? detectEncoding(head);
    return { encoding, delimiter: choice.delimiter ?? detectDelimiter(sampleText(head, encoding)), sheets: [], sheet: null };
  }

  /** Every row, header first. Rows with more than IMPORT_MAX_COLUMNS cells make the file unreadable. */
  async *rows(file: ImportFile, layout: FileLayout): AsyncGenerator<FileRow> {
    const source = file.format === 'xlsx' ? this.xlsxRows(file, layout.sheet) : csvRows(this.files.stream(file.id), layout);
    for await (const row of source) {
      if (row.cells.length > IMPORT_MAX_COLUMNS) throw ImportErrors.tooManyColumns(row.line, row.cells.length);
      yield row;
    }
  }

  private async *xlsxRows(file: ImportFile, sheet: string | null): AsyncGenerator<FileRow> {
    const source = this.files.stream(file.id);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
    try {
      let first = true;
      for await (const worksheet of workbook) {
        const name = (worksheet as unknown as { name: string }).name;
        if (sheet !== null ? name !== sheet : !first) continue;
        first = false;
        for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
          const values = Array.isArray(row.values) ? row.values.slice(1) : [];
          const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i] as ExcelJS.CellValue));
          if (cells.every((cell) => cell.trim() === '')) continue;
          yield { line: row.number, cells };
        }
        return;
      }
    } catch (error) {
      if (error instanceof Error && /zip|signature|end of central|invalid/i.test(error.message)) throw ImportErrors.unreadable(error.message);
      throw error;
    } finally {
      source.destroy();
    }
  }

  private async sheetNames(file: ImportFile): Promise<string[]> {
    const names: string[] = [];
    const source = this.files.stream(file.id);
    const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'ignore', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
    try {
      for await (const worksheet of workbook) {
        names.push((worksheet as unknown as { name: string }).name);
        // The rows of a sheet must be read (or skipped) before the next one comes.
        for await (const _row of worksheet as AsyncIterable<unknown>) void _row;
      }
    } catch (error) {
      throw ImportErrors.unreadable(error instanceof Error ? error.message : String(error));
    } finally {
      source.destroy();
    }
    return names;
  }
}
