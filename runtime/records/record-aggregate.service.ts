import { type AggregateResult, compileAggregate, type GroupKey, type MeasureValue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import { OperationTimeZoneService } from '../settings/operation-time-zone.service';
import { RecordAccess } from './record-access.policy';
import { RecordAggregateLabels } from './record-aggregate.labels';
import { compileAggregateSql } from './record-aggregate.sql-compiler';
import { withClientErrors } from './record-db.errors';

type Row = Record<string, string | boolean | null>;

/**
 * Aggregations (`POST /records/{module}/aggregate`): one statement per call,
 * over the records the caller sees, never grouping or measuring a field
 * hidden from it (unknown, so 400 with its path), keys labelled afterwards.
 */
@Injectable()
export class RecordAggregateService {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
    @Inject(OperationTimeZoneService) private readonly zones: OperationTimeZoneService,
    @Inject(RecordAggregateLabels) private readonly labels: RecordAggregateLabels,
  ) {}

  async aggregate(operation: OperationRef, module: string, body: unknown, access: RecordAccess = RecordAccess.unrestricted()): Promise<AggregateResult> {
    const stored = await this.definitions.get(operation, module);
    const definition = access.view(stored);
    const compiled = compileAggregate(definition, body);
    if (!compiled.ok) throw ApiError.validation(compiled.issues);
    const aggregate = compiled.value;
    aggregate.filter = access.scopeFilter(aggregate.filter);
    const timeZone = await this.zones.get(operation);
    const sql = compileAggregateSql(operation.schemaName, definition, aggregate, timeZone);
    const found = await withClientErrors(definition, () => sqlRows<Row>(this.db.manager, sql.text, sql.values));
    const truncated = found.length > aggregate.limit;
    const rows = truncated ? found.slice(0, aggregate.limit) : found;

    const keys: GroupKey[][] = rows.map((row) =>
      aggregate.groups.map((group, i) => {
        const value = row[`k${i}`];
        return value === null || value === undefined ? null : group.valueKind === 'number' && !group.bucket ? Number(value) : value;
      }),
    );
    const labelOf = await this.labels.resolve(operation, stored, aggregate.groups, keys, access);
    return {
      groups: aggregate.groups.map((g) => ({ field: g.field, bucket: g.bucket })),
      measures: aggregate.measures.map((m) => ({ op: m.op, field: m.field })),
      timeZone,
      rows: rows.map((row, r) => ({
        keys: aggregate.groups.map((group, i) => ({
          value: keys[r][i],
          label: labelOf[i](keys[r][i]),
          ...(group.bucket && keys[r][i] !== null && { from: String(row[`f${i}`]), to: String(row[`t${i}`]) }),
        })),
        values: aggregate.measures.map((m, i): MeasureValue => {
          const value = row[`m${i}`];
          if (value === null || value === undefined) return null;
          return m.valueKind === 'date' || m.valueKind === 'datetime' ? String(value) : Number(value);
        }),
      })),
      truncated,
    };
  }
}
