import { isComputed, isEmptyValue, issue, type Issue, type ModuleDefinition, type ModuleField } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { fieldsRefused, type RecordAccess } from './record-access.policy';
import { withClientErrors } from './record-db.errors';
import { activeField } from './record-fields';
import { isUuid } from '../core/uuid';
import { readWriteInput } from './record-input.reader';
import type { ApiRecord } from './record-row.mapper';
import { canonicalValue, storageShape } from './record-value.codec';
import { RecordWritePipeline, type WriteRow } from './record-write.pipeline';
import { recordIssue, RecordErrors } from './record.errors';
import { RecordRepository } from './record.repository';

/** The most rows one call writes; larger loads are split by the caller (an import job does it per chunk). */
export const BULK_ROW_LIMIT = 10_000;

export interface BulkWriteOptions {
  /** `insert` new records; `update` only records found by key (a key found nowhere is a row error); `upsert` either. */
  mode: 'insert' | 'upsert' | 'update';
  /** Upsert: the field whose value finds the existing record (the single-key form of `keyFields`). */
  keyField?: string;
  /** The fields whose values together find the existing record (B2: one or more). */
  keyFields?: string[];
  /** Insert with keys: a row whose key an existing record holds is skipped as a duplicate, not written. */
  skipExisting?: boolean;
  /** Runs every check of the pipeline and writes nothing (an import's "Validar"). */
  validateOnly?: boolean;
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
  /** Rows not written: invalid ones (listed in `errors`), duplicates and upserts that change nothing. */
  skipped: number;
  /** Rows skipped because an existing record holds their key (`skipExisting`). */
  duplicates: number;
  errors: BulkRowError[];
  /** Each updated record before and after the write (what a backup keeps), by row index. */
  changes: { row: number; before: ApiRecord; after: ApiRecord }[];
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
    if (options.mode !== 'insert' && options.mode !== 'upsert' && options.mode !== 'update') throw ApiError.validation([issue('mode', 'option', { value: String(options.mode) })]);
    const definition = await this.definitions.get(operation, module, options.db);
    // A field hidden from the writer cannot be a key: matching on it would reveal its values.
    const visible = options.access ? options.access.view(definition) : definition;
    const keyNames = options.keyFields ?? (options.keyField !== undefined ? [options.keyField] : []);
    const keyed = options.mode !== 'insert' || (options.skipExisting === true && keyNames.length > 0);
    const keyFields = keyed ? (keyNames.length ? keyNames : [undefined]).map((key, i) => this.keyField(visible, key, options.keyFields ? `keyFields[${i}]` : 'keyField')) : [];
    const work = (db: EntityManager) => this.run(db, operation, definition, rows, keyFields, options);
    return withClientErrors(definition, () => (options.db ? work(options.db) : this.db.transaction(work)));
  }

  private keyField(definition: ModuleDefinition, key: string | undefined, path: string): ModuleField {
    if (typeof key !== 'string' || key === '') throw ApiError.validation([issue(path, 'required')]);
    const field = activeField(definition, key);
    if (!field) throw ApiError.validation([issue(path, 'unknownField', { field: key })]);
    if (!KEY_SHAPES.has(storageShape(field)) || field.type === 'longText') {
      throw ApiError.validation([
        recordIssue(
          path,
          'keyFieldType',
          `El campo «${key}» no sirve como clave: use un campo de texto, número, fecha u opción.`,
          `Field "${key}" cannot be a key: use a text, number, date or option field.`,
        ),
      ]);
    }
    return field;
  }

  private async run(db: EntityManager, operation: OperationRef, definition: ModuleDefinition, rows: unknown[], keyFields: ModuleField[], options: BulkWriteOptions): Promise<BulkWriteResult> {
    const errors = new Map<number, Issue[]>();
    const fail = (index: number, issues: Issue[]) => errors.set(index, [...(errors.get(index) ?? []), ...issues]);
    let pending: WriteRow[] = [];
    rows.forEach((row, index) => {
      const read = readWriteInput(row, 'create');
      if (read.ok) pending.push({ index, input: read.input, previous: null });
      else fail(index, read.issues);
    });

    let duplicates = 0;
    if (keyFields.length) {
      pending = await this.matchExisting(db, operation, definition, keyFields, pending, fail, options);
      if (options.mode === 'insert') {
        // skipExisting: a row whose key is already taken is a duplicate, counted and left out.
        duplicates = pending.filter((row) => row.previous).length;
        pending = pending.filter((row) => !row.previous);
      }
    }
    if (options.access) {
      const refused: Issue[] = [];
      for (const row of pending) refused.push(...(await options.access.writeIssues(definition.key, row.input, row.previous, `rows[${row.index + (options.rowOffset ?? 0)}].`)));
      if (refused.length) throw fieldsRefused(refused);
    }

    const outcome = await this.pipeline.write(db, operation, definition, pending, {
      userId: options.userId,
      locale: options.locale ?? 'es',
      jobId: options.jobId ?? null,
      validateOnly: options.validateOnly ?? false,
    });
    for (const [index, failure] of outcome.failures) {
      // The rows were locked when matched: a stale one means another writer ignored the lock.
      if (failure.kind === 'stale') throw new Error(`bulk upsert of ${definition.key}: row ${index} changed during the write`);
      fail(index, failure.issues);
    }

    const offset = options.rowOffset ?? 0;
    const changes: BulkWriteResult['changes'] = [];
    for (const row of pending) {
      const after = outcome.saved.get(row.index);
      if (row.previous && after && after.version !== row.previous.version) changes.push({ row: row.index + offset, before: row.previous, after });
    }
    return {
      total: rows.length,
      inserted: outcome.created,
      updated: outcome.updated,
      skipped: rows.length - outcome.created - outcome.updated,
      duplicates,
      errors: [...errors.entries()].sort(([a], [b]) => a - b).map(([index, issues]) => ({ row: index + offset, issues })),
      changes,
    };
  }

  /**
   * Finds (and locks) the live record each row's key names; a key missing,
   * repeated in the batch or shared by two records is a row error, and so is a
   * key found nowhere in `update` mode.
   */
  private async matchExisting(
    db: EntityManager,
    operation: OperationRef,
    definition: ModuleDefinition,
    keyFields: ModuleField[],
    pending: WriteRow[],
    fail: (index: number, issues: Issue[]) => void,
    options: BulkWriteOptions,
  ): Promise<WriteRow[]> {
    const access = options.access;
    const keyOf = new Map<WriteRow, string>();
    const claimed = new Set<string>();
    const firstKeys: unknown[] = [];
    const tupleOf = (values: Record<string, unknown>) => JSON.stringify(keyFields.map((field) => String(canonicalValue(field, values[field.key]))));
    const shown = (key: string) => (JSON.parse(key) as string[]).join(' · ');
    for (const row of pending) {
      const missing = keyFields.filter((field) => isEmptyValue(row.input.values[field.key]));
      if (missing.length) {
        fail(
          row.index,
          missing.map((field) => issue(field.key, 'required')),
        );
        continue;
      }
      const bad = keyFields.filter((field) => !comparableKey(field, row.input.values[field.key]));
      if (bad.length) {
        fail(
          row.index,
          bad.map((field) => issue(field.key, 'invalid')),
        );
        continue;
      }
      const key = tupleOf(row.input.values);
      if (claimed.has(key)) {
        fail(row.index, [recordIssue(keyFields[0].key, 'duplicateKey', `Otra fila de la carga ya usa la clave «${shown(key)}».`, `Another row of the load already uses key "${shown(key)}".`)]);
        continue;
      }
      claimed.add(key);
      keyOf.set(row, key);
      firstKeys.push(canonicalValue(keyFields[0], row.input.values[keyFields[0].key]));
    }
    const existing = new Map<string, ApiRecord[]>();
    for (const record of await this.records.lockByField(db, operation, definition, keyFields[0], firstKeys)) {
      // A record the writer may not see does not exist for it.
      if (access && !access.canSee(record)) continue;
      const key = tupleOf(record);
      if (!claimed.has(key)) continue;
      existing.set(key, [...(existing.get(key) ?? []), record]);
    }
    const matched: WriteRow[] = [];
    for (const row of pending) {
      const key = keyOf.get(row);
      if (key === undefined) continue;
      const found = existing.get(key) ?? [];
      if (found.length > 1) {
        fail(row.index, [recordIssue(keyFields[0].key, 'ambiguousKey', `Hay ${found.length} registros con la clave «${shown(key)}».`, `${found.length} records have key "${shown(key)}".`)]);
        continue;
      }
      if (found.length === 1) {
        if (access && !access.canEdit(found[0])) {
          fail(row.index, [
            recordIssue(
              keyFields[0].key,
              'notEditable',
              `Solo puede modificar sus registros y los asignados a usted (clave «${shown(key)}»).`,
              `You can only change your own records and those assigned to you (key "${shown(key)}").`,
            ),
          ]);
          continue;
        }
        row.previous = found[0];
      } else if (options.mode === 'update' || keyFields.some((field) => isComputed(field.type))) {
        fail(row.index, [recordIssue(keyFields[0].key, 'keyNotFound', `No hay un registro con la clave «${shown(key)}».`, `There is no record with key "${shown(key)}".`)]);
        continue;
      }
      matched.push(row);
    }
    return matched;
  }
}
