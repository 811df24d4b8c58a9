import { Readable } from 'node:stream';
import type { Locale } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { moduleRight } from '../core/profile-permissions';
import { sqlRows } from '../database/sql-rows';
import { toJobView } from '../jobs/job.view';
import { JobsService } from '../jobs/jobs.service';
import type { JobRow } from '../jobs/job.store';
import { ImportErrors } from './import.errors';
import { ImportFailuresRepository, type ImportFailure } from './import-failures.repository';
import { ImportFileReader } from './import-file.reader';
import { ImportFilesRepository } from './import-files.repository';
import { reasonText } from './import-row-issues';
import type { RecordsImportPayload } from './records-import.payload';

const onlyOwn = (caller: Caller) => (caller.permissions && !caller.permissions.admin ? (caller.userId ?? '') : undefined);
const importNotFound = (id: string) => ApiError.notFound({ es: `No existe la importación ${id}.`, en: `Import ${id} does not exist.` }, 'import_not_found');

/** Past imports of a module, and the rows each one could not write. */
@Injectable()
export class ImportHistoryService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(JobsService) private readonly jobs: JobsService,
    @Inject(ImportFilesRepository) private readonly files: ImportFilesRepository,
    @Inject(ImportFileReader) private readonly reader: ImportFileReader,
    @Inject(ImportFailuresRepository) private readonly failures: ImportFailuresRepository,
  ) {}

  async list(operation: OperationRef, caller: Caller, module: string, limit: unknown, cursor: unknown) {
    if (caller.permissions && !moduleRight(caller.permissions, module, 'import')) throw ImportErrors.forbidden(module);
    const page = await this.jobs.list(operation, { type: 'records.import', module, limit, cursor }, onlyOwn(caller));
    const names = await this.userNames(page.items.map((row) => row.createdBy).filter((id): id is string => id !== null));
    const items = [];
    for (const row of page.items) {
      const payload = (await this.jobs.describePayload(row)) as RecordsImportPayload | undefined;
      const file = payload ? await this.files.find(operation.id, payload.fileId) : null;
      items.push({
        job: toJobView(row),
        module,
        fileName: file?.name ?? null,
        mode: payload?.mode ?? null,
        validateOnly: payload?.validateOnly ?? false,
        createdAt: row.createdAt,
        createdBy: row.createdBy ? { id: row.createdBy, name: names.get(row.createdBy) ?? '' } : null,
      });
    }
    return { items, total: page.total, nextCursor: page.nextCursor };
  }

  async failurePage(operation: OperationRef, caller: Caller, jobId: string, limit: number, after: number): Promise<{ items: ImportFailure[]; total: number; nextCursor: string | null }> {
    await this.importJob(operation, caller, jobId);
    const page = await this.failures.page(jobId, limit, after);
    const last = page.items[page.items.length - 1];
    return { items: page.items, total: page.total, nextCursor: last && page.items.length === limit ? String(last.line) : null };
  }

  /** Every failed row as CSV: the file's header and cells as they were, plus the reason; UTF-8 with a BOM so Excel reads the accents. */
  async failuresCsv(operation: OperationRef, caller: Caller, jobId: string, lang: Locale): Promise<{ name: string; body: Readable }> {
    const { payload } = await this.importJob(operation, caller, jobId);
    const file = await this.files.find(operation.id, payload.fileId);
    if (!file) throw ImportErrors.fileNotFound(payload.fileId);
    const layout = await this.reader.layout(file, { encoding: payload.encoding, delimiter: payload.delimiter, sheet: payload.sheet });
    let header: string[] = [];
    for await (const row of this.reader.rows(file, layout)) {
      header = row.cells;
      break;
    }
    const delimiter = layout.delimiter ?? (lang === 'es' ? ';' : ',');
    const failures = this.failures.all(jobId);
    const width = header.length;
    const body = Readable.from(
      (async function* () {
        yield '\uFEFF' + stringify([[...header, lang === 'es' ? 'motivo' : 'reason']], { delimiter, record_delimiter: 'windows' });
        for await (const failure of failures) {
          const cells = Array.from({ length: Math.max(width, failure.cells.length) }, (_, i) => failure.cells[i] ?? '');
          yield stringify([[...cells, reasonText(failure.issues, lang)]], { delimiter, record_delimiter: 'windows' });
        }
      })(),
    );
    return { name: `${file.name.replace(/\.[^.]+$/, '')}-${lang === 'es' ? 'errores' : 'errors'}.csv`, body };
  }

  private async importJob(operation: OperationRef, caller: Caller, jobId: string): Promise<{ row: JobRow; payload: RecordsImportPayload }> {
    let row: JobRow;
    try {
      row = await this.jobs.get(operation, jobId, onlyOwn(caller));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) throw importNotFound(jobId);
      throw error;
    }
    const payload = (await this.jobs.describePayload(row)) as RecordsImportPayload | undefined;
    if (row.type !== 'records.import' || !payload) throw importNotFound(jobId);
    if (caller.permissions && !moduleRight(caller.permissions, payload.module, 'import')) throw ImportErrors.forbidden(payload.module);
    return { row, payload };
  }

  private async userNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await sqlRows<{ id: string; display_name: string }>(this.db.manager, `SELECT id, display_name FROM core.users WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]]);
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }
}
