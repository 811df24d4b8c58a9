import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { table } from '../database/sql';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import type { RecordAccess } from '../records/record-access.policy';
import { recordTitle } from '../records/record-expander';
import { recordSelect, ROW, rowToRecord } from '../records/record-row.mapper';
import { activeFields } from '../records/record-fields';
import { sqlRows } from '../database/sql-rows';

export const LEVELS_REPORT_LIMIT = { default: 50, max: 500 } as const;

/** Time a record (or all of them) spent at one level. */
export interface LevelTime {
  levelId: string;
  name: string;
  /** Times it entered the level. */
  passages: number;
  /** Seconds at the level; an open interval counts until now. */
  seconds: number;
}

export interface RecordLevelsLine {
  id: string;
  title: string;
  /** Distinct levels the record has been handled at. */
  levelsPassed: number;
  /** The level it is handled at now; null when none (deleted, or handled by a user without a level). */
  currentLevelId: string | null;
  seconds: number;
  levels: LevelTime[];
}

export interface LevelsReport {
  module: string;
  items: RecordLevelsLine[];
  /** Records with at least one level interval (visible to the caller). */
  total: number;
  nextCursor: string | null;
  totals: {
    records: number;
    /** Distinct levels any record passed through. */
    levelsPassed: number;
    /** Average of `levelsPassed` per record. */
    averageLevelsPerRecord: number;
    seconds: number;
    levels: (LevelTime & { records: number })[];
  };
}

interface IntervalSum {
  record_id: string;
  level_id: string;
  name: string;
  passages: string;
  seconds: string;
  open: boolean;
}

/**
 * The levels report of a module (seed 003): for each record and in total,
 * how many levels it passed through and the time spent at each, from
 * core.record_levels. Only records the caller sees are counted.
 */
@Injectable()
export class LevelsReportService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  async report(operation: OperationRef, module: string, access: RecordAccess, page: { limit: number; offset: number }): Promise<LevelsReport> {
    const definition = access.view(await this.definitions.get(operation, module));
    const visible = access.visibleUserIds;
    const params: unknown[] = [operation.id, module];
    const scope = visible ? ` AND (${ROW}.owner = ANY($${params.push([...visible])}::uuid[]) OR ${ROW}.assignee = ANY($${params.length}::uuid[]))` : '';
    const from = `core.record_levels rl JOIN ${table(operation.schemaName, module)} AS ${ROW} ON ${ROW}.id = rl.record_id AND ${ROW}.deleted_at IS NULL${scope}
       JOIN core.levels l ON l.id = rl.level_id AND l.operation_id = rl.operation_id
      WHERE rl.operation_id = $1 AND rl.module = $2`;
    const seconds = `extract(epoch FROM (coalesce(rl.left_at, now()) - rl.entered_at))`;
    const db = this.db.manager;

    const totalsRows = await sqlRows<{ level_id: string; name: string; records: string; passages: string; seconds: string; first: string }>(
      db,
      `SELECT rl.level_id, l.name, count(DISTINCT rl.record_id) AS records, count(*) AS passages, sum(${seconds}) AS seconds, min(rl.entered_at) AS first
         FROM ${from} GROUP BY rl.level_id, l.name ORDER BY first, rl.level_id`,
      params,
    );
    const [counts] = await sqlRows<{ records: string; passed: string }>(
      db,
      `SELECT count(*) AS records, coalesce(sum(n), 0) AS passed FROM (SELECT rl.record_id, count(DISTINCT rl.level_id) AS n FROM ${from} GROUP BY rl.record_id) x`,
      params,
    );
    const pageParams = [...params];
    const ids = (
      await sqlRows<{ record_id: string }>(
        db,
        `SELECT rl.record_id FROM ${from} GROUP BY rl.record_id ORDER BY min(rl.entered_at), rl.record_id LIMIT $${pageParams.push(page.limit)} OFFSET $${pageParams.push(page.offset)}`,
        pageParams,
      )
    ).map((r) => r.record_id);

    const items: RecordLevelsLine[] = [];
    if (ids.length) {
      const lineParams = [...params];
      const sums = await sqlRows<IntervalSum>(
        db,
        `SELECT rl.record_id, rl.level_id, l.name, count(*) AS passages, sum(${seconds}) AS seconds, bool_or(rl.left_at IS NULL) AS open, min(rl.entered_at) AS first
           FROM ${from} AND rl.record_id = ANY($${lineParams.push(ids)}::uuid[])
          GROUP BY rl.record_id, rl.level_id, l.name ORDER BY first, rl.level_id`,
        lineParams,
      );
      const rows = await sqlRows(db, `SELECT ${recordSelect(definition)} FROM ${table(operation.schemaName, module)} AS ${ROW} WHERE ${ROW}.id = ANY($1::uuid[])`, [ids]);
      const titles = new Map(
        rows.map((row) => {
          const record = rowToRecord(row, activeFields(definition));
          return [record.id, recordTitle(definition, record)];
        }),
      );
      for (const id of ids) {
        const mine = sums.filter((s) => s.record_id === id);
        const levels = mine.map((s) => ({ levelId: s.level_id, name: s.name, passages: Number(s.passages), seconds: round(Number(s.seconds)) }));
        items.push({
          id,
          title: titles.get(id) ?? id,
          levelsPassed: levels.length,
          currentLevelId: mine.find((s) => s.open)?.level_id ?? null,
          seconds: round(levels.reduce((sum, l) => sum + l.seconds, 0)),
          levels,
        });
      }
    }
    const records = Number(counts.records);
    const levels = totalsRows.map((r) => ({ levelId: r.level_id, name: r.name, records: Number(r.records), passages: Number(r.passages), seconds: round(Number(r.seconds)) }));
    return {
      module,
      items,
      total: records,
      nextCursor: page.offset + items.length < records ? String(page.offset + items.length) : null,
      totals: {
        records,
        levelsPassed: levels.length,
        averageLevelsPerRecord: records ? round(Number(counts.passed) / records) : 0,
        seconds: round(levels.reduce((sum, l) => sum + l.seconds, 0)),
        levels,
      },
    };
  }
}

/** Seconds to the millisecond. */
const round = (value: number) => Math.round(value * 1000) / 1000;
