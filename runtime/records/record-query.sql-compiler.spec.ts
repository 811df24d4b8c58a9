import { type CompiledQuery, compileQuery, encodeCursor, type ModuleDefinition } from '@crm/engine';
import fc from 'fast-check';
import { COUNT_LIMIT, compileRecordQuery, containsPattern, cursorFits, filterSql, SqlParams } from './record-query.sql-compiler';

const label = (es: string) => ({ es, en: es });
const options = (...keys: string[]) => keys.map((key) => ({ key, label: label(key) }));

/** A module with a field of every filterable type. */
const pruebas: ModuleDefinition = {
  key: 'pruebas',
  version: 1,
  names: { singular: label('Prueba'), plural: label('Pruebas') },
  icon: 'flask',
  title: '{{nombre}}',
  fields: [
    { key: 'nombre', type: 'text', label: label('Nombre'), searchable: true },
    { key: 'notas', type: 'longText', label: label('Notas') },
    { key: 'cantidad', type: 'integer', label: label('Cantidad') },
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto') },
    { key: 'fecha', type: 'date', label: label('Fecha') },
    { key: 'momento', type: 'datetime', label: label('Momento') },
    { key: 'activo', type: 'boolean', label: label('Activo') },
    { key: 'estado', type: 'select', options: options('a', 'b', 'c'), label: label('Estado') },
    { key: 'etiquetas', type: 'multiSelect', options: options('x', 'y', 'z'), label: label('Etiquetas') },
    { key: 'contacto', type: 'lookup', target: 'contactos', label: label('Contacto') },
    { key: 'adjuntos', type: 'file', accept: ['pdf'], label: label('Adjuntos') },
    { key: 'doble', type: 'formula', resultType: 'integer', formula: { '*': [{ var: 'cantidad' }, 2] }, label: label('Doble') },
    { key: 'viejo', type: 'text', label: label('Viejo'), archived: true },
  ],
};

const ID = '5b0f6c1e-8f0a-4c4e-9a55-1d1f7f0b9a11';

function compiled(input: unknown): CompiledQuery {
  const result = compileQuery(pruebas, input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function where(filter: unknown): { sql: string; params: unknown[] } {
  const params = new SqlParams();
  const sql = filterSql(pruebas, compiled({ filter }).filter, params);
  return { sql, params: params.values };
}

describe('record query SQL compiler', () => {
  // One row per field type and operator: [filter, SQL, parameters].
  const table: [unknown, string, unknown[]][] = [
    // text
    [{ field: 'nombre', op: 'contains', value: 'Ana_50%' }, `r."nombre" ILIKE $1`, ['%Ana\\_50\\%%']],
    [{ field: 'nombre', op: 'notContains', value: 'a\\b' }, `(r."nombre" IS NULL OR r."nombre" NOT ILIKE $1)`, ['%a\\\\b%']],
    [{ field: 'nombre', op: 'eq', value: 'Ana' }, `r."nombre" = $1::text`, ['Ana']],
    [{ field: 'nombre', op: 'eq', value: '' }, `FALSE`, []],
    [{ field: 'nombre', op: 'neq', value: 'Ana' }, `r."nombre" IS DISTINCT FROM $1::text`, ['Ana']],
    [{ field: 'nombre', op: 'neq', value: '' }, `TRUE`, []],
    [{ field: 'nombre', op: 'in', value: ['Ana', '', 'Luz'] }, `r."nombre" = ANY($1::text[])`, [['Ana', 'Luz']]],
    [{ field: 'nombre', op: 'in', value: [''] }, `FALSE`, []],
    [{ field: 'nombre', op: 'empty' }, `(r."nombre" IS NULL OR r."nombre" = '')`, []],
    [{ field: 'notas', op: 'notEmpty' }, `(r."notas" IS NOT NULL AND r."notas" <> '')`, []],
    // numbers: the column's own type when the value fits it, so its index serves
    [{ field: 'cantidad', op: 'gt', value: 5 }, `r."cantidad" > $1::bigint`, [5]],
    [{ field: 'cantidad', op: 'gte', value: '2.5' }, `r."cantidad" >= $1::numeric`, [2.5]],
    [{ field: 'cantidad', op: 'between', value: [1, 10] }, `r."cantidad" BETWEEN $1::bigint AND $2::bigint`, [1, 10]],
    [{ field: 'cantidad', op: 'in', value: [1, 2] }, `r."cantidad" = ANY($1::bigint[])`, [[1, 2]]],
    [{ field: 'cantidad', op: 'empty' }, `r."cantidad" IS NULL`, []],
    [{ field: 'monto', op: 'lte', value: 1000.5 }, `r."monto" <= $1::numeric`, [1000.5]],
    [{ field: 'monto', op: 'lt', value: 3 }, `r."monto" < $1::numeric`, [3]],
    [{ field: 'monto', op: 'eq', value: 3 }, `r."monto" = $1::numeric`, [3]],
    [{ field: 'monto', op: 'neq', value: 3 }, `r."monto" IS DISTINCT FROM $1::numeric`, [3]],
    [{ field: 'monto', op: 'notEmpty' }, `r."monto" IS NOT NULL`, []],
    [{ field: 'doble', op: 'gt', value: 4 }, `r."doble" > $1::bigint`, [4]],
    // dates and timestamps
    [{ field: 'fecha', op: 'between', value: ['2026-01-01', '2026-12-31'] }, `r."fecha" BETWEEN $1::date AND $2::date`, ['2026-01-01', '2026-12-31']],
    [{ field: 'fecha', op: 'eq', value: '2026-03-01' }, `r."fecha" = $1::date`, ['2026-03-01']],
    [{ field: 'momento', op: 'gte', value: '2026-11-23T08:00:00-05:00' }, `r."momento" >= $1::timestamptz`, ['2026-11-23T13:00:00.000Z']],
    [{ field: 'momento', op: 'empty' }, `r."momento" IS NULL`, []],
    // boolean and options
    [{ field: 'activo', op: 'eq', value: true }, `r."activo" = $1::boolean`, [true]],
    [{ field: 'activo', op: 'neq', value: true }, `r."activo" IS DISTINCT FROM $1::boolean`, [true]],
    [{ field: 'estado', op: 'in', value: ['a', 'c'] }, `r."estado" = ANY($1::text[])`, [['a', 'c']]],
    [{ field: 'estado', op: 'neq', value: 'b' }, `r."estado" IS DISTINCT FROM $1::text`, ['b']],
    [{ field: 'estado', op: 'empty' }, `(r."estado" IS NULL OR r."estado" = '')`, []],
    // multi-select (text[])
    [{ field: 'etiquetas', op: 'contains', value: 'x' }, `r."etiquetas" @> ARRAY[$1::text]`, ['x']],
    [{ field: 'etiquetas', op: 'notContains', value: 'y' }, `(r."etiquetas" IS NULL OR NOT (r."etiquetas" @> ARRAY[$1::text]))`, ['y']],
    [{ field: 'etiquetas', op: 'in', value: ['x', 'z'] }, `r."etiquetas" && $1::text[]`, [['x', 'z']]],
    [{ field: 'etiquetas', op: 'empty' }, `(r."etiquetas" IS NULL OR cardinality(r."etiquetas") = 0)`, []],
    [{ field: 'etiquetas', op: 'notEmpty' }, `coalesce(cardinality(r."etiquetas"), 0) > 0`, []],
    // references and JSON
    [{ field: 'contacto', op: 'eq', value: ID.toUpperCase() }, `r."contacto" = $1::uuid`, [ID]],
    [{ field: 'contacto', op: 'in', value: [ID] }, `r."contacto" = ANY($1::uuid[])`, [[ID]]],
    [{ field: 'contacto', op: 'empty' }, `r."contacto" IS NULL`, []],
    [{ field: 'adjuntos', op: 'empty' }, `(r."adjuntos" IS NULL OR r."adjuntos" IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`, []],
    [{ field: 'adjuntos', op: 'notEmpty' }, `(r."adjuntos" IS NOT NULL AND r."adjuntos" NOT IN ('null'::jsonb, '[]'::jsonb, '""'::jsonb))`, []],
    // system fields live in their columns
    [{ field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-02-01'] }, `r.created_at BETWEEN $1::timestamptz AND $2::timestamptz`, ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']],
    [{ field: 'updatedAt', op: 'lt', value: '2026-05-01T00:00:00Z' }, `r.updated_at < $1::timestamptz`, ['2026-05-01T00:00:00.000Z']],
    [{ field: 'version', op: 'gte', value: 2 }, `r.version >= $1::bigint`, [2]],
    [{ field: 'owner', op: 'eq', value: ID }, `r.owner = $1::uuid`, [ID]],
    [{ field: 'assignee', op: 'empty' }, `r.assignee IS NULL`, []],
    [{ field: 'createdBy', op: 'neq', value: ID }, `r.created_by IS DISTINCT FROM $1::uuid`, [ID]],
  ];

  it.each(table)('compiles %j', (filter, sql, params) => {
    expect(where(filter)).toEqual({ sql, params });
  });

  it('covers every operator the engine offers', () => {
    const ops = new Set(table.map(([filter]) => (filter as { op: string }).op));
    expect([...ops].sort()).toEqual(['between', 'contains', 'empty', 'eq', 'gt', 'gte', 'in', 'lt', 'lte', 'neq', 'notContains', 'notEmpty']);
  });

  it('nests AND / OR with parentheses; an empty AND holds and an empty OR does not', () => {
    const tree = {
      and: [
        { field: 'estado', op: 'eq', value: 'a' },
        {
          or: [
            { field: 'nombre', op: 'contains', value: 'Ana' },
            { field: 'notas', op: 'empty' },
          ],
        },
      ],
    };
    expect(where(tree)).toEqual({ sql: `(r."estado" = $1::text AND (r."nombre" ILIKE $2 OR (r."notas" IS NULL OR r."notas" = '')))`, params: ['a', '%Ana%'] });
    expect(where({ and: [] }).sql).toBe('TRUE');
    expect(where({ or: [] }).sql).toBe('FALSE');
    expect(where({ or: [{ and: [] }] }).sql).toBe('(TRUE)');
  });

  it('escapes LIKE wildcards and its escape character', () => {
    expect(containsPattern('100%_x\\y')).toBe('%100\\%\\_x\\\\y%');
  });

  it('never puts a value in the SQL text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('contains', 'notContains', 'eq', 'neq', 'in'), (tail, op) => {
        const value = `zqx${tail}`;
        const { sql, params } = where({ field: 'nombre', op, value: op === 'in' ? [value] : value });
        expect(sql).not.toContain('zqx');
        expect(JSON.stringify(params)).toContain('zqx');
      }),
    );
  });

  it('builds the page and the count: live records, the filter, order with the id last, one row more than the limit', () => {
    const sql = compileRecordQuery('op_demo', pruebas, compiled({ filter: { field: 'estado', op: 'eq', value: 'a' }, sort: [{ field: 'fecha', dir: 'desc' }], limit: 20 }));
    expect(sql.page.text).toContain(`FROM "op_demo"."pruebas" AS r WHERE r.deleted_at IS NULL AND r."estado" = $1::text ORDER BY r."fecha" DESC NULLS FIRST, r.id ASC LIMIT $2`);
    expect(sql.page.values).toEqual(['a', 21]);
    expect(sql.page.text).toContain(`to_char(r."fecha", 'YYYY-MM-DD') AS "$s0"`);
    expect(sql.page.text).not.toContain('"viejo"');
    expect(sql.sortAliases).toEqual(['$s0']);
    expect(sql.count).toEqual({
      text: `SELECT count(*) AS total FROM (SELECT 1 FROM "op_demo"."pruebas" AS r WHERE r.deleted_at IS NULL AND r."estado" = $1::text LIMIT ${COUNT_LIMIT + 1}) AS counted`,
      values: ['a'],
    });
  });

  it('skips the count on request, pages by offset, and shows deleted records only when asked', () => {
    const query = compiled({ offset: 40, limit: 10 });
    const sql = compileRecordQuery('op_demo', pruebas, query, { count: false, deleted: 'only' });
    expect(sql.count).toBeNull();
    expect(sql.page.text).toContain('WHERE r.deleted_at IS NOT NULL AND TRUE ORDER BY r.created_at DESC NULLS FIRST, r.id ASC LIMIT $1 OFFSET $2');
    expect(sql.page.values).toEqual([11, 40]);
    expect(compileRecordQuery('op_demo', pruebas, query, { deleted: 'include' }).count!.text).toContain('WHERE TRUE AND TRUE');
  });

  it('selects only the projected fields (system fields always)', () => {
    const sql = compileRecordQuery('op_demo', pruebas, compiled({ fields: ['nombre'] }));
    expect(sql.page.text).toMatch(/^SELECT r\.id, r\.version, .*r\.deleted_at, r\."nombre", to_char\(r\.created_at AT TIME ZONE 'UTC'/);
    expect(sql.page.text).not.toContain('r."monto"');
  });

  it('continues after a cursor: each key past it with the earlier keys equal, empty values last ascending and first descending', () => {
    const asc = compiled({ sort: [{ field: 'fecha', dir: 'asc' }], cursor: encodeCursor({ values: ['2026-03-01'], id: ID }) });
    const page = compileRecordQuery('s', pruebas, asc).page;
    expect(page.text).toContain(`AND (((r."fecha" > $1::date OR r."fecha" IS NULL)) OR (r."fecha" = $1::date AND r.id > $2::uuid)) ORDER BY`);
    expect(page.values).toEqual(['2026-03-01', ID, 51]);

    const ascAtEmpty = compiled({ sort: [{ field: 'fecha', dir: 'asc' }], cursor: encodeCursor({ values: [null], id: ID }) });
    expect(compileRecordQuery('s', pruebas, ascAtEmpty).page.text).toContain(`AND ((r."fecha" IS NULL AND r.id > $1::uuid)) ORDER BY`);

    const desc = compiled({
      sort: [
        { field: 'monto', dir: 'desc' },
        { field: 'nombre', dir: 'asc' },
      ],
      cursor: encodeCursor({ values: [null, 'Ana'], id: ID }),
    });
    expect(compileRecordQuery('s', pruebas, desc).page.text).toContain(
      `AND ((r."monto" IS NOT NULL) OR (r."monto" IS NULL AND (r."nombre" > $1::text OR r."nombre" IS NULL)) OR (r."monto" IS NULL AND r."nombre" = $1::text AND r.id > $2::uuid))`,
    );
    const stamps = compiled({ sort: [{ field: 'createdAt', dir: 'desc' }], cursor: encodeCursor({ values: ['2026-11-23T08:00:00.123456Z'], id: ID }) });
    const stamped = compileRecordQuery('s', pruebas, stamps).page;
    expect(stamped.text).toContain(`((r.created_at < $1::timestamptz) OR (r.created_at = $1::timestamptz AND r.id > $2::uuid))`);
    expect(stamped.text).toContain(`to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "$s0"`);
  });

  it('tells a forged cursor whose values do not fit the sort columns', () => {
    const at = (sort: unknown, values: unknown[]) => compiled({ sort, cursor: encodeCursor({ values, id: ID }) });
    expect(cursorFits(pruebas, at([{ field: 'fecha' }], ['2026-03-01']))).toBe(true);
    expect(cursorFits(pruebas, at([{ field: 'fecha' }], [null]))).toBe(true);
    expect(cursorFits(pruebas, at([{ field: 'fecha' }], ['mañana']))).toBe(false);
    expect(cursorFits(pruebas, at([{ field: 'monto' }], ['12.50']))).toBe(true);
    expect(cursorFits(pruebas, at([{ field: 'monto' }], ['doce']))).toBe(false);
    expect(cursorFits(pruebas, at([{ field: 'activo' }], ['true']))).toBe(false);
    expect(cursorFits(pruebas, at([{ field: 'createdAt' }], ['2026-11-23T08:00:00.123456Z']))).toBe(true);
    expect(cursorFits(pruebas, at([{ field: 'createdAt' }], ['ayer']))).toBe(false);
  });
});
