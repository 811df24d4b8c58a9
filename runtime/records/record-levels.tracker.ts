import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';

/** A record and the user who handles it now: its assignee, else its owner. */
export interface HandledRecord {
  id: string;
  owner: string | null;
  assignee: string | null;
}

/**
 * Where each record is handled (seed 003, A3): a record enters the level of
 * the user who creates it or is assigned it, and leaving a level closes the
 * interval. Written in the record's own transaction, so both share one time.
 */
@Injectable()
export class RecordLevelsTracker {
  /** Moves each record to the level of its handler; a record whose level does not change keeps its open interval. */
  async track(db: EntityManager, operation: OperationRef, module: string, records: HandledRecord[]): Promise<void> {
    if (records.length === 0) return;
    const handlers = [...new Set(records.map((r) => r.assignee ?? r.owner).filter((id): id is string => id !== null))];
    const levels = new Map<string, string | null>();
    if (handlers.length) {
      const rows = await sqlRows<{ id: string; level_id: string | null }>(db, `SELECT id, level_id FROM core.users WHERE operation_id = $1 AND id = ANY($2::uuid[])`, [operation.id, handlers]);
      for (const row of rows) levels.set(row.id, row.level_id);
    }
    const ids = records.map((r) => r.id);
    const open = new Map(
      (
        await sqlRows<{ record_id: string; level_id: string }>(
          db,
          `SELECT record_id, level_id FROM core.record_levels WHERE operation_id = $1 AND module = $2 AND record_id = ANY($3::uuid[]) AND left_at IS NULL`,
          [operation.id, module, ids],
        )
      ).map((r) => [r.record_id, r.level_id]),
    );
    const leave: string[] = [];
    const enter: { id: string; level: string }[] = [];
    for (const record of records) {
      const handler = record.assignee ?? record.owner;
      const level = handler ? (levels.get(handler) ?? null) : null;
      const current = open.get(record.id) ?? null;
      if (level === current) continue;
      if (current) leave.push(record.id);
      if (level) enter.push({ id: record.id, level });
    }
    await this.close(db, operation, module, leave);
    if (enter.length) {
      await sqlRows(
        db,
        `INSERT INTO core.record_levels (operation_id, module, record_id, level_id, entered_at)
         SELECT $1, $2, x.id, x.level, now() FROM unnest($3::uuid[], $4::uuid[]) AS x(id, level)`,
        [operation.id, module, enter.map((e) => e.id), enter.map((e) => e.level)],
      );
    }
  }

  /** The records leave their level (deleted): their open intervals end now. */
  async close(db: EntityManager, operation: OperationRef, module: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await sqlRows(db, `UPDATE core.record_levels SET left_at = now() WHERE operation_id = $1 AND module = $2 AND record_id = ANY($3::uuid[]) AND left_at IS NULL`, [operation.id, module, ids]);
  }
}
