import type { CompiledGroupBy, DateBucket, GroupKey, LocalizedText, ModuleDefinition } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRef } from '../core/operation-ref';
import { sqlRows } from '../database/sql-rows';
import type { RecordAccess } from './record-access.policy';
import { RecordExpander, type ExpandedReference } from './record-expander';

const NO_VALUE: LocalizedText = { es: '(Sin valor)', en: '(No value)' };
/** A lookup target or user the caller may not see, or one that is gone. */
const UNAVAILABLE: LocalizedText = { es: '(No disponible)', en: '(Not available)' };
const YES_NO = { true: { es: 'Sí', en: 'Yes' }, false: { es: 'No', en: 'No' } } as const;
const LOCALE = { es: 'es-CO', en: 'en-US' } as const;

/** A bucket key (`2026-Q1`, `2026-03`, `2026-03-30`, `2026-03-31T23`) in words, in each language's conventions. */
export function bucketLabel(bucket: DateBucket, key: string): LocalizedText {
  const both = (make: (lang: 'es' | 'en') => string): LocalizedText => ({ es: make('es'), en: make('en') });
  const [datePart, hour] = key.split('T');
  const [year, second = '01', third = '01'] = datePart.split('-');
  if (bucket === 'year') return { es: year, en: year };
  if (bucket === 'quarter') return both((lang) => `${lang === 'es' ? 'T' : 'Q'}${second.slice(1)} ${year}`);
  const date = new Date(Date.UTC(Number(year), Number(second) - 1, Number(third), Number(hour ?? 0)));
  const format = (lang: 'es' | 'en', options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', ...options }).format(date);
  switch (bucket) {
    case 'month':
      return both((lang) => format(lang, { month: 'long', year: 'numeric' }));
    case 'week':
      return both((lang) => `${lang === 'es' ? 'Semana del' : 'Week of'} ${format(lang, { dateStyle: 'medium' })}`);
    case 'day':
      return both((lang) => format(lang, { dateStyle: 'medium' }));
    case 'hour':
      return both((lang) => format(lang, { dateStyle: 'medium', timeStyle: 'short' }));
  }
}

/** The labels of a row's group keys: picklist labels, lookup titles, users' display names, yes / no, buckets in words. */
@Injectable()
export class RecordAggregateLabels {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(RecordExpander) private readonly expander: RecordExpander,
  ) {}

  /** One label table per group: at most one query per lookup or user group, for every row at once. */
  async resolve(operation: OperationRef, definition: ModuleDefinition, groups: CompiledGroupBy[], keys: GroupKey[][], access: RecordAccess): Promise<((key: GroupKey) => LocalizedText | null)[]> {
    return Promise.all(
      groups.map(async (group, i) => {
        const values = [...new Set(keys.map((row) => row[i]).filter((v): v is string => typeof v === 'string'))];
        const labels = await this.labels(operation, definition, group, values, access);
        return (key: GroupKey) => (key === null ? NO_VALUE : typeof key === 'boolean' ? YES_NO[`${key}`] : typeof key === 'string' ? (labels?.get(key) ?? (labels ? UNAVAILABLE : null)) : null);
      }),
    );
  }

  private async labels(operation: OperationRef, definition: ModuleDefinition, group: CompiledGroupBy, values: string[], access: RecordAccess): Promise<Map<string, LocalizedText> | null> {
    if (group.bucket) return new Map(values.map((v) => [v, bucketLabel(group.bucket!, v)]));
    if (group.type === 'select') {
      const field = definition.fields.find((f) => f.key === group.field);
      const options = field && 'options' in field ? field.options : [];
      return new Map(values.map((v) => [v, options.find((o) => o.key === v)?.label ?? { es: v, en: v }]));
    }
    if (group.type === 'user') {
      const rows = values.length
        ? await sqlRows<{ id: string; name: string }>(this.db.manager, `SELECT id, coalesce(display_name, username) AS name FROM core.users WHERE operation_id = $1 AND id = ANY($2::uuid[])`, [
            operation.id,
            values,
          ])
        : [];
      return new Map(rows.map((r) => [r.id, { es: r.name, en: r.name }]));
    }
    if (group.type === 'lookup') {
      const items = values.map((id) => ({ [group.field]: id }));
      await this.expander.expand(operation, definition, items, [group.field], access);
      return new Map(
        items.flatMap((item) => {
          const ref = item[group.field] as unknown as ExpandedReference;
          return ref.title === null ? [] : [[ref.id, { es: ref.title, en: ref.title }] as const];
        }),
      );
    }
    return null;
  }
}
