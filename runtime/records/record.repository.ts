import type { ModuleDefinition, ModuleField } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { ident, table } from '../database/sql';
import { canCopy, copyIntoStaging, type CopyShape, copyValue } from '../database/sql-copy';
import type { OperationRef } from '../core/operation-ref';
import { activeFields } from './record-fields';
import { type ApiRecord, recordSelect, ROW, rowToRecord } from './record-row.mapper';
import { columnParam, sqlType, storageShape } from './record-value.codec';
import { sqlRows } from '../database/sql-rows';

/** Timestamps are kept to the millisecond, as the API shows them, so a value read back compares equal. */
export const NOW = `date_trunc('milliseconds', now())`;

/** Field values in canonical form (see record-value.codec.ts), by field key. */
export type CanonicalValues = Record<string, unknown>;

export interface NewRow {
  id: string;
  values: CanonicalValues;
  owner: string | null;
  assignee: string | null;
}

export interface RowChange {
  id: string;
  /** The version read when the change was prepared: the optimistic lock. */
  version: number;
  /** Only the fields that change, plus owner / assignee when they change. */
  changes: CanonicalValues;
}

type Db = EntityManager;

/** The staging table of a COPY insert: the session's own, dropped once read. */
const STAGING = 'pg_temp.record_insert_rows';

const SYSTEM_WRITABLE: Record<string, string> = { owner: 'owner', assignee: 'assignee' };

/**
 * The SQL of one module table: rows ↔ API records, inserts, updates under
 * optimistic locking, soft delete and restore. Written by hand: every value is
 * a parameter, every identifier goes through `ident`.
 */
@Injectable()
export class RecordRepository {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  private target(operation: OperationRef, definition: ModuleDefinition): string {
    return `${table(operation.schemaName, definition.key)} AS ${ROW}`;
  }

  async find(db: Db, operation: OperationRef, definition: ModuleDefinition, id: string, options: { includeDeleted?: boolean; lock?: boolean } = {}): Promise<ApiRecord | null> {
    const rows = await sqlRows(
      db,
      `SELECT ${recordSelect(definition)} FROM ${this.target(operation, definition)} WHERE ${ROW}.id = $1${options.includeDeleted ? '' : ` AND ${ROW}.deleted_at IS NULL`}${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows.length ? rowToRecord(rows[0], activeFields(definition)) : null;
  }

  /** Live records among `ids`, locked for the rest of the transaction (a restore, a mass change). */
  async lockByIds(db: Db, operation: OperationRef, definition: ModuleDefinition, ids: string[]): Promise<ApiRecord[]> {
    if (ids.length === 0) return [];
    const rows = await sqlRows(
      db,
      `SELECT ${recordSelect(definition)} FROM ${this.target(operation, definition)} WHERE ${ROW}.id = ANY($1::uuid[]) AND ${ROW}.deleted_at IS NULL ORDER BY ${ROW}.id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /** Deleted records among `ids`, locked for the rest of the transaction (a restore checks their unique values first). */
  async lockDeletedByIds(db: Db, operation: OperationRef, definition: ModuleDefinition, ids: string[]): Promise<ApiRecord[]> {
    if (ids.length === 0) return [];
    const rows = await sqlRows(
      db,
      `SELECT ${recordSelect(definition)} FROM ${this.target(operation, definition)} WHERE ${ROW}.id = ANY($1::uuid[]) AND ${ROW}.deleted_at IS NOT NULL ORDER BY ${ROW}.id FOR UPDATE`,
      [ids],
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /** Live records whose `field` holds one of `values`, locked for the rest of the transaction (bulk upsert). */
  async lockByField(db: Db, operation: OperationRef, definition: ModuleDefinition, field: ModuleField, values: unknown[]): Promise<ApiRecord[]> {
    if (values.length === 0) return [];
    const rows = await sqlRows(
      db,
      `SELECT ${recordSelect(definition)} FROM ${this.target(operation, definition)}
        WHERE ${ROW}.${ident(field.key)} = ANY($1::${sqlType(field)}[]) AND ${ROW}.deleted_at IS NULL
        ORDER BY ${ROW}.id FOR UPDATE`,
      [values.map((v) => columnParam(field, v))],
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /** Ids among `ids` that are live records of the module. */
  async liveIds(db: Db, operation: OperationRef, module: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await sqlRows<{ id: string }>(db, `SELECT id FROM ${table(operation.schemaName, module)} WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [ids]);
    return new Set(rows.map((r) => r.id));
  }

  /** Live records holding one of `values` in `field`: id and value (as JSON), for uniqueness checks. */
  async holders(db: Db, operation: OperationRef, definition: ModuleDefinition, field: ModuleField, values: unknown[]): Promise<{ id: string; value: unknown }[]> {
    if (values.length === 0) return [];
    const column = `${ROW}.${ident(field.key)}`;
    return sqlRows(db, `SELECT ${ROW}.id, to_jsonb(${column}) AS value FROM ${this.target(operation, definition)} WHERE ${column} = ANY($1::${sqlType(field)}[]) AND ${ROW}.deleted_at IS NULL`, [
      values.map((v) => columnParam(field, v)),
    ]);
  }

  /**
   * Many new records in one statement. The rows travel as one JSON array typed
   * by `jsonb_to_recordset`, or, for a large batch on a real Postgres, by COPY
   * into a staging table the same statement then reads (see COPY_MIN_ROWS).
   */
  async insertMany(db: Db, operation: OperationRef, definition: ModuleDefinition, rows: NewRow[], userId: string | null): Promise<ApiRecord[]> {
    if (rows.length === 0) return [];
    const keys = new Set<string>();
    for (const row of rows) for (const key of Object.keys(row.values)) keys.add(key);
    const fields = activeFields(definition).filter((f) => keys.has(f.key));
    const recordType = ['"$id" uuid', '"$owner" uuid', '"$assignee" uuid', ...fields.map((f) => `${ident(f.key)} ${sqlType(f)}`)].join(', ');
    const names = ['id', 'owner', 'assignee', 'created_by', 'updated_by', 'created_at', 'updated_at', ...fields.map((f) => ident(f.key))];
    const values = ['x."$id"', 'x."$owner"', 'x."$assignee"', '$1', '$1', NOW, NOW, ...fields.map((f) => `x.${ident(f.key)}`)];
    const insert = (source: string) => `INSERT INTO ${this.target(operation, definition)} (${names.join(', ')})
       SELECT ${values.join(', ')} FROM ${source}
       RETURNING ${recordSelect(definition)}`;
    let inserted: Record<string, unknown>[];
    if (canCopy(db, this.config.databaseUrl === undefined, rows.length)) {
      const shapes = fields.map((f): CopyShape => (storageShape(f) === 'jsonb' ? 'json' : storageShape(f) === 'text[]' ? 'array' : 'scalar'));
      const lines = function* () {
        for (const row of rows) {
          yield [copyValue(row.id), copyValue(row.owner), copyValue(row.assignee), ...fields.map((f, i) => copyValue(row.values[f.key], shapes[i]))].join('\t');
        }
      };
      await copyIntoStaging(db, STAGING, recordType, lines());
      inserted = await sqlRows(db, insert(`${STAGING} AS x`), [userId]);
      await db.query(`DROP TABLE ${STAGING}`);
    } else {
      const payload = rows.map((row) => {
        const out: Record<string, unknown> = { $id: row.id, $owner: row.owner, $assignee: row.assignee };
        for (const field of fields) out[field.key] = row.values[field.key] ?? null;
        return out;
      });
      inserted = await sqlRows(db, insert(`jsonb_to_recordset($2::jsonb) AS x(${recordType})`), [userId, JSON.stringify(payload)]);
    }
    return inserted.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /**
   * Many updates in one statement, each row changing its own fields: a column
   * takes the new value only for the rows that list it as changed.
   * Returns the rows written; a row whose version moved on is left out.
   */
  async updateMany(db: Db, operation: OperationRef, definition: ModuleDefinition, changes: RowChange[], userId: string | null): Promise<ApiRecord[]> {
    if (changes.length === 0) return [];
    const keys = new Set<string>();
    for (const change of changes) for (const key of Object.keys(change.changes)) keys.add(key);
    const fields = activeFields(definition).filter((f) => keys.has(f.key));
    const systems = Object.keys(SYSTEM_WRITABLE).filter((k) => keys.has(k));
    const payload = changes.map((change) => {
      const out: Record<string, unknown> = { $id: change.id, $version: change.version, $set: Object.keys(change.changes) };
      for (const field of fields) out[field.key] = change.changes[field.key] ?? null;
      for (const key of systems) out[`$${key}`] = change.changes[key] ?? null;
      return out;
    });
    const recordType = ['"$id" uuid', '"$version" integer', '"$set" text[]', ...fields.map((f) => `${ident(f.key)} ${sqlType(f)}`), ...systems.map((k) => `${ident(`$${k}`)} uuid`)].join(', ');
    const params: unknown[] = [JSON.stringify(payload), userId];
    const choose = (key: string, column: string, source: string) => {
      params.push(key);
      return `${column} = CASE WHEN $${params.length} = ANY(x."$set") THEN ${source} ELSE ${ROW}.${column} END`;
    };
    const sets = [
      ...fields.map((f) => choose(f.key, ident(f.key), `x.${ident(f.key)}`)),
      ...systems.map((k) => choose(k, SYSTEM_WRITABLE[k], `x.${ident(`$${k}`)}`)),
      `version = ${ROW}.version + 1`,
      `updated_at = ${NOW}`,
      `updated_by = $2`,
    ];
    const rows = await sqlRows(
      db,
      `UPDATE ${this.target(operation, definition)} SET ${sets.join(', ')}
         FROM jsonb_to_recordset($1::jsonb) AS x(${recordType})
        WHERE ${ROW}.id = x."$id" AND ${ROW}.version = x."$version" AND ${ROW}.deleted_at IS NULL
        RETURNING ${recordSelect(definition)}`,
      params,
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /**
   * Soft delete of many records in one statement; returns those deleted. A
   * target with a `version` is deleted only at that version (the optimistic
   * lock); one already deleted or missing is left out.
   */
  async softDeleteMany(db: Db, operation: OperationRef, definition: ModuleDefinition, targets: { id: string; version?: number }[], userId: string | null): Promise<ApiRecord[]> {
    if (targets.length === 0) return [];
    const payload = targets.map((t) => ({ id: t.id, version: t.version ?? null }));
    const rows = await sqlRows(
      db,
      `UPDATE ${this.target(operation, definition)} SET deleted_at = ${NOW}, version = ${ROW}.version + 1, updated_at = ${NOW}, updated_by = $2
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, version integer)
        WHERE ${ROW}.id = x.id AND ${ROW}.deleted_at IS NULL AND (x.version IS NULL OR ${ROW}.version = x.version)
        RETURNING ${recordSelect(definition)}`,
      [JSON.stringify(payload), userId],
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /** Brings soft-deleted records back in one statement; returns those restored (ids not deleted are left out). */
  async restoreMany(db: Db, operation: OperationRef, definition: ModuleDefinition, ids: string[], userId: string | null): Promise<ApiRecord[]> {
    if (ids.length === 0) return [];
    const rows = await sqlRows(
      db,
      `UPDATE ${this.target(operation, definition)} SET deleted_at = NULL, version = ${ROW}.version + 1, updated_at = ${NOW}, updated_by = $2
        WHERE ${ROW}.id = ANY($1::uuid[]) AND ${ROW}.deleted_at IS NOT NULL
        RETURNING ${recordSelect(definition)}`,
      [ids, userId],
    );
    return rows.map((row) => rowToRecord(row, activeFields(definition)));
  }

  /** Allocates `count` values of an autonumber field's sequence, in order. */
  async nextSequenceValues(db: Db, operation: OperationRef, sequence: string, count: number): Promise<number[]> {
    if (count === 0) return [];
    const rows = await sqlRows<{ n: string }>(db, `SELECT nextval($1::regclass) AS n FROM generate_series(1, $2)`, [`${ident(operation.schemaName)}.${ident(sequence)}`, count]);
    return rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  }
}
