import { type ColumnMapping, convertRow, detectValueOptions, type ImportValueOptions, matchColumns, type ModuleDefinition, type RowIssue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { moduleRight } from '../core/profile-permissions';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { RecordsService } from '../records/records.service';
import type { PreviewImportDto } from './dto/preview-import.dto';
import { ImportErrors } from './import.errors';
import { type FileLayout, type FileRow, ImportFileReader } from './import-file.reader';
import { type ImportFile, ImportFilesRepository } from './import-files.repository';
import { chunkLookups } from './import-lookups';
import { rowIssueOf } from './import-row-issues';
import { mappingEntryIssues, optionsIssues, requestIssues } from './records-import.payload';

/** Rows a preview shows. */
export const PREVIEW_ROWS = 50;

export interface PreviewRow {
  line: number;
  cells: string[];
  values: Record<string, unknown>;
  issues: RowIssue[];
}

export interface ImportPreview extends FileLayout {
  file: Omit<ImportFile, 'createdBy'>;
  headers: string[];
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  rows: PreviewRow[];
}

/**
 * The wizard's look before anything is written: how the file is read
 * (encoding, delimiter, sheet), which column fills which field, how values are
 * read, and the first 50 rows as they will be stored with every issue the
 * conversion and the write pipeline's checks find (nothing is written).
 */
@Injectable()
export class ImportPreviewService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ImportFilesRepository) private readonly files: ImportFilesRepository,
    @Inject(ImportFileReader) private readonly reader: ImportFileReader,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordsService) private readonly records: RecordsService,
  ) {}

  async preview(operation: OperationRef, caller: Caller, body: PreviewImportDto): Promise<ImportPreview> {
    if (caller.permissions && !moduleRight(caller.permissions, body.module, 'import')) throw ImportErrors.forbidden(body.module);
    const definition = await this.definitions.get(operation, body.module);
    const file = await this.files.find(operation.id, body.fileId);
    if (!file) throw ImportErrors.fileNotFound(body.fileId);
    const layout = await this.reader.layout(file, { encoding: body.encoding, delimiter: body.delimiter, sheet: body.sheet });
    const [header, ...sample] = await this.firstRows(file, layout);
    if (!header) throw ImportErrors.empty();
    if (sample.length === 0) throw ImportErrors.headerOnly();

    const issues = [...(body.mapping ?? []).flatMap((entry, i) => mappingEntryIssues(entry, `mapping[${i}]`)), ...(body.options ? optionsIssues(body.options, 'options') : [])];
    if (issues.length) throw ApiError.validation(issues);
    const mapping = matchColumns(header.cells, definition, body.mapping);
    const known = requestIssues(definition, mapping, 'insert', [], '').filter((found) => found.code !== 'emptyMapping');
    if (known.length) throw ApiError.validation(known);
    const options =
      body.options ??
      detectValueOptions(
        sample.map((row) => row.cells),
        mapping,
        definition,
        { lang: caller.locale, delimiter: layout.delimiter },
      );
    return {
      file: { id: file.id, name: file.name, size: file.size, format: file.format },
      ...layout,
      headers: header.cells,
      mapping,
      options,
      rows: await this.convert(operation, caller, definition, mapping, options, sample),
    };
  }

  private async firstRows(file: ImportFile, layout: FileLayout): Promise<FileRow[]> {
    const rows: FileRow[] = [];
    for await (const row of this.reader.rows(file, layout)) {
      rows.push(row);
      if (rows.length > PREVIEW_ROWS) break;
    }
    return rows;
  }

  private async convert(operation: OperationRef, caller: Caller, definition: ModuleDefinition, mapping: ColumnMapping[], options: ImportValueOptions, sample: FileRow[]): Promise<PreviewRow[]> {
    const lookups = await chunkLookups(
      this.db.manager,
      operation,
      definition,
      this.definitions,
      mapping,
      sample.map((row) => row.cells),
    );
    const rows: PreviewRow[] = sample.map((row) => {
      const converted = convertRow(row.cells, mapping, definition, { lang: caller.locale, ...options }, lookups);
      return { line: row.line, cells: row.cells, values: converted.values, issues: converted.issues };
    });
    const clean = rows.filter((row) => row.issues.length === 0);
    if (clean.length && mapping.some((m) => m.field !== null)) {
      const checked = await this.records.bulkWrite(
        operation,
        definition.key,
        clean.map((row) => row.values),
        { mode: 'insert', validateOnly: true, userId: caller.userId, locale: caller.locale },
      );
      for (const error of checked.errors) clean[error.row].issues.push(...error.issues.map((found) => rowIssueOf(found, mapping, clean[error.row].cells)));
    }
    return rows;
  }
}
