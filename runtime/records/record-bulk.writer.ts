import { isComputed, isEmptyValue, issue, type Issue, type ModuleDefinition, type ModuleField } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { fieldsRefused, type RecordAccess } from './record-access.policy';
import { withClientErrors } from './record-db.errors';
import { activeField } from './record-fields';
import { isUuid } from './record-id';
import { readWriteInput } from './record-input.reader';
import type { ApiRecord } from './record-row.mapper';
import { canonicalValue, storageShape } from './record-value.codec';
import { RecordWritePipeline, type WriteRow } from './record-write.pipeline';
import { recordIssue, RecordErrors } from './record.errors';
import { RecordRepository } from './record.repository';

/** The most rows one call writes; larger loads are split by the caller (an import job does it per chunk). */
export const BULK_ROW_LIMIT = 10_000;

export interface BulkWriteOptions {
  mode: 'insert' | 'upsert';
  /** Upsert: the field whose value finds the existing record. */
  keyField?: string;
  userId: string | null;
  /** The job writing these rows, kept on every audit entry. */
  jobId?: string | null;
  /** Added to row indexes in errors: the position of this chunk in the whole load. */
  rowOffset?: number;
  /** The caller's transaction; without it the call opens its own. */
  db?: EntityManager;
  locale?: 'es' | 'en';
  /** What the writer may see and change: hidden / read-only fields and assignments above its role refuse the load, records it may not see are not matched. */
  access?: RecordAccess;
}

export interface BulkRowError {
  row: number;
  issues: Issue[];
}

export interface BulkWriteResult {
  total: number;
  inserted: number;
  updated: number;
  /** Rows not written: invalid ones (listed in `errors`) and upserts that change nothing. */
  skipped: number;
  errors: BulkRowError[];
}

const KEY_SHAPES = new Set(['text', 'bigint', 'numeric', 'date', 'timestamptz', 'uuid']);

/** Whether a key value can be compared with its column at all (anything else would be a database error). */
function comparableKey(field: ModuleField, value: unknown): boolean {
  switch (storageShape(field)) {
    case 'text':
      return typeof value === 'string';
    case 'bigint':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'numeric':
      return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^-?\d{1,18}(\.\d+)?$/.test(value));
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) && value >= '0001-01-01';
    case 'timestamptz':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'uuid':
      return isUuid(value);
    default:
      return false;
  }
}

/**
 * Bulk insert / upsert: reads the rows, matches upserts to their records by
 * key (locking them), checks the writer's access, and hands the batch to the
 * write pipeline, which writes the valid rows with multi-row statements.
 * Invalid rows are reported and skipped.
 */
@Injectable()
export class RecordBulkWriter {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(RecordRepository) private readonly records: RecordRepository,
    @Inject(RecordWritePipeline) private readonly pipeline: RecordWritePipeline,
  ) {}

  async write(operation: OperationRef, module: string, rows: unknown[], options: BulkWriteOptions): Promise<BulkWriteResult> {
    if (!Array.isArray(rows)) throw ApiError.validation([issue('rows', 'type', { expected: 'array' })]);
    if (rows.length > BULK_ROW_LIMIT) throw RecordErrors.tooManyRows(rows.length, BULK_ROW_LIMIT);
    if (options.mode !== 'insert' && options.mode !== 'upsert') throw ApiError.validation([issue('mode', 'option', { value: String(options.mode) })]);
    const definition = await this.definitions.get(operation, module, options.db);
    // A field hidden from the writer cannot be a key: matching on it would reveal its values.
    const keyField = options.mode === 'upsert' ? this.keyField(options.access ? options.access.view(definition) : definition, options.keyField) : null;
    const work = (db: EntityManager) => this.run(db, operation, definition, rows, keyField, options);
    return withClientErrors(definition, () => (options.db ? work(options.db) : this.db.transaction(work)));
  }

  private keyField(definition: ModuleDefinition, key: string | undefined): ModuleField {
    if (typeof key !== 'string' || key === '') throw ApiError.validation([issue('keyField', 'required')]);
    const field = activeField(definition, key);
    if (!field) throw ApiError.validation([issue('keyField', 'unknownField', { field: key })]);
    if (!KEY_SHAPES.has(storageShape(field)) || field.type === 'longText') {
      throw ApiError.validation([
        recordIssue(
          'keyField',
          'keyFieldType',
          `El campo «${key}» no sirve como clave: use un campo de texto, número, fecha u opción.`,
          `Field "${key}" cannot be a key: use a text, number, date or option field.`,
        ),
      ]);
    }
    return field;
  }

  private async run(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, rows: unknown[], keyField: ModuleField | null, options: BulkWriteOptions): Promise<BulkWriteResult> {
    const errors = new Map<number, Issue[]>();
    const fail = (index: number, issues: Issue[]) => errors.set(index, [...(errors.get(index) ?? []), ...issues]);
    let pending: WriteRow[] = [];
    rows.forEach((row, index) => {
      const read = readWriteInput(row, 'create');
      if (read.ok) pending.push({ index, input: read.input, previous: null });
      else fail(index, read.issues);
    });

    if (keyField) pending = await this.matchExisting(db, operation, definition, keyField, pending, fail, options.access);
    if (options.access) {
      const refused: Issue[] = [];
      for (const row of pending) refused.push(...(await options.access.writeIssues(definition.key, row.input, row.previous, `rows[${row.index + (options.rowOffset ?? 0)}].`)));
      if (refused.length) throw fieldsRefused(refused);
    }

    const outcome = await this.pipeline.write(db, operation, definition, pending, { userId: options.userId, locale: options.locale ?? 'es', jobId: options.jobId ?? null });
    for (const [index, failure] of outcome.failures) {
      // The rows were locked when matched: a stale one means another writer ignored the lock.
      if (failure.kind === 'stale') throw new Error(`bulk upsert of ${definition.key}: row ${index} changed during the write`);
      fail(index, failure.issues);
    }

    const offset = options.rowOffset ?? 0;
    return {
      total: rows.length,
      inserted: outcome.created,
      updated: outcome.updated,
      skipped: rows.length - outcome.created - outcome.updated,
      errors: [...errors.entries()].sort(([a], [b]) => a - b).map(([index, issues]) => ({ row: index + offset, issues })),
    };
  }

  /** Upsert: finds (and locks) the live record each row's key names; a key missing, repeated in the batch or shared by two records is a row error. */
  private async matchExisting(
    db: EntityManager,
    operation: OperationRef,
    definition: ModuleDefinition,
    keyField: ModuleField,
    pending: WriteRow[],
    fail: (index: number, issues: Issue[]) => void,
    access?: RecordAccess,
  ): Promise<WriteRow[]> {
    const keyOf = new Map<WriteRow, string>();
    const claimed = new Set<string>();
    const keys: unknown[] = [];
    for (const row of pending) {
      const raw = row.input.values[keyField.key];
      if (isEmptyValue(raw)) {
        fail(row.index, [issue(keyField.key, 'required')]);
        continue;
      }
      if (!comparableKey(keyField, raw)) {
        fail(row.index, [issue(keyField.key, 'invalid')]);
        continue;
      }
      const key = String(canonicalValue(keyField, raw));
      if (claimed.has(key)) {
        fail(row.index, [recordIssue(keyField.key, 'duplicateKey', `Otra fila de la carga ya usa la clave «${key}».`, `Another row of the load already uses key "${key}".`)]);
        continue;
      }
      claimed.add(key);
      keyOf.set(row, key);
      keys.push(canonicalValue(keyField, raw));
    }
    const existing = new Map<string, ApiRecord[]>();
    for (const record of await this.records.lockByField(db, operation, definition, keyField, keys)) {
      // A record the writer may not see does not exist for it.
      if (access && !access.canSee(record)) continue;
      const key = String(canonicalValue(keyField, record[keyField.key]));
      existing.set(key, [...(existing.get(key) ?? []), record]);
    }
    const matched: WriteRow[] = [];
    for (const row of pending) {
      const key = keyOf.get(row);
      if (key === undefined) continue;
      const found = existing.get(key) ?? [];
      if (found.length > 1) {
        fail(row.index, [recordIssue(keyField.key, 'ambiguousKey', `Hay ${found.length} registros con la clave «${key}».`, `${found.length} records have key "${key}".`)]);
        continue;
      }
      if (found.length === 1) {
        if (access && !access.canEdit(found[0])) {
          fail(row.index, [
            recordIssue(
              keyField.key,
              'notEditable',
              `Solo puede modificar sus registros y los asignados a usted (clave «${key}»).`,
              `You can only change your own records and those assigned to you (key "${key}").`,
            ),
          ]);
          continue;
        }
        row.previous = found[0];
      } else if (isComputed(keyField.type)) {
        fail(row.index, [recordIssue(keyField.key, 'keyNotFound', `No hay un registro con la clave «${key}».`, `There is no record with key "${key}".`)]);
        continue;
      }
      matched.push(row);
    }
    return matched;
  }
}
