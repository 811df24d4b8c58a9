import { compileAggregate, type ModuleDefinition } from '@crm/engine';
import { compileAggregateSql } from './record-aggregate.sql-compiler';

const label = (es: string) => ({ es, en: es });

const ventas: ModuleDefinition = {
  key: 'ventas',
  version: 1,
  names: { singular: label('Venta'), plural: label('Ventas') },
  icon: 'coins',
  fields: [
    { key: 'nombre', type: 'text', label: label('Nombre') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto') },
    { key: 'fase', type: 'select', label: label('Fase'), options: ['nueva', 'ganada'].map((key) => ({ key, label: label(key) })) },
    { key: 'momento', type: 'datetime', label: label('Momento') },
  ],
};

const sql = (input: unknown, zone = 'America/Bogota') => {
  const compiled = compileAggregate(ventas, input);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.issues));
  return compileAggregateSql('op_x', ventas, compiled.value, zone);
};

describe('aggregation SQL compiler', () => {
  it('compiles two groups, two measures and a filter to one statement whose values are all parameters', () => {
    const statement = sql({
      filter: { field: 'nombre', op: 'contains', value: "O'Brien; DROP" },
      groups: [{ field: 'momento', bucket: 'quarter' }, { field: 'fase' }],
      measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }],
      order: { by: 'value', measure: 1, dir: 'desc' },
      limit: 20,
    });
    expect(statement.text).toBe(
      `SELECT to_char(a.g0, 'YYYY-"Q"Q') AS k0, ` +
        `to_char((a.g0 AT TIME ZONE $1::text) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS f0, ` +
        `to_char(((a.g0 + interval '3 months') AT TIME ZONE $1::text) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS t0, a.g1 AS k1, a.m0::text AS m0, a.m1::text AS m1 ` +
        `FROM (SELECT date_trunc('quarter', (r."momento" AT TIME ZONE $1::text)) AS g0, NULLIF(r."fase", '') AS g1, count(*) AS m0, sum(r."monto") AS m1 ` +
        `FROM "op_x"."ventas" AS r WHERE r.deleted_at IS NULL AND r."nombre" ILIKE $2 GROUP BY 1, 2) AS a ` +
        `ORDER BY a.m1 DESC NULLS LAST, a.g0 ASC NULLS LAST, array_position($3::text[], a.g1) ASC NULLS LAST, a.g1 ASC NULLS LAST LIMIT $4`,
    );
    expect(statement.values).toEqual(['America/Bogota', "%O'Brien; DROP%", ['nueva', 'ganada'], 21]);
  });

  it('takes no time-zone parameter when no datetime is bucketed, and no GROUP BY without groups', () => {
    expect(sql({ measures: [{ op: 'max', field: 'momento' }] })).toMatchObject({
      text: `SELECT to_char(a.m0 AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS m0 FROM (SELECT max(r."momento") AS m0 FROM "op_x"."ventas" AS r WHERE r.deleted_at IS NULL AND TRUE) AS a LIMIT $1`,
      values: [1001],
    });
  });
});
