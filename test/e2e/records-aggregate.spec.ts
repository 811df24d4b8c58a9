import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { JobsConfig } from '../../runtime/jobs/jobs.options';
import { PHASES, SALES_MODULE, salesOpportunities, type SaleRow } from '../fixtures/sales-opportunities';
import { startTestServer, type TestServer } from '../support/test-server';

interface Key {
  value: string | number | boolean | null;
  label: { es: string; en: string } | null;
  from?: string;
  to?: string;
}
interface Result {
  rows: { keys: Key[]; values: (number | string | null)[] }[];
  truncated: boolean;
  timeZone: string;
}

/**
 * Aggregations on a real Postgres (issue 12, items 1 and 6): every measure,
 * group, bucket and order on a hand-made set whose answers are worked out
 * by hand; quarters across the Bogotá / UTC boundary; the access policy;
 * a year of sales checked against a hand-written GROUP BY; kanban counts
 * on 10,000 records.
 */
describe('records API: aggregate', () => {
  let t: TestServer;
  let op: string;
  let db: DataSource;
  let schema: string;
  let admin: string;
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const clients: string[] = [];
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const aggregate = async (module: string, body: unknown, token?: string): Promise<Result> => {
    const response = token ? await t.api('POST', `/api/v1/records/${module}/aggregate`, body, { token }) : await platform('POST', `/api/v1/records/${module}/aggregate`, body);
    if (response.status !== 200) throw new Error(`aggregate ${JSON.stringify(body)}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Result;
  };
  const refused = async (module: string, body: unknown, token?: string) => {
    const response = token ? await t.api('POST', `/api/v1/records/${module}/aggregate`, body, { token }) : await platform('POST', `/api/v1/records/${module}/aggregate`, body);
    expect(response.status).toBe(400);
    expect(response.body.message.es).toBeTruthy();
    expect(response.body.message.en).toBeTruthy();
    return (response.body.details as { path: string; code: string; message: { es: string; en: string } }[]).map((d) => [d.path, d.code]);
  };
  /** Rows as [key values…, measure values…]. */
  const flat = (result: Result) => result.rows.map((row) => [...row.keys.map((k) => k.value), ...row.values]);
  const load = async (module: string, rows: unknown[]) => {
    const loaded = await platform('POST', `/api/v1/records/${module}/bulk`, { rows });
    expect([loaded.status, loaded.body.failed?.length ?? 0]).toEqual([200, 0]);
  };

  beforeAll(async () => {
    t = await startTestServer({ jobs: { prefix: `crm-e2e-aggregate-${Date.now().toString(36)}` } } as JobsConfig);
    db = t.server.app.get(DataSource);
    op = await t.createOperation('agg');
    [{ schema }] = await db.query(`SELECT schema_name AS schema FROM core.operations WHERE key = $1`, [op]);
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Agregado-1' }, { token: first.body.accessToken })).body.accessToken;
    const top = (await t.api('GET', '/api/v1/roles', undefined, { token: admin })).body.items[0].id;
    const agents = (await t.api('POST', '/api/v1/roles', { name: 'Agentes', parentId: top }, { token: admin })).body.id;
    const rights = { view: true, create: true, edit: true, delete: true, import: true, massDelete: false, massDuplicate: false, settings: false };
    const own = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Agente de ventas',
        permissions: { modules: { '*': rights }, fields: { pequenos: { unidades: 'hidden' } }, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false },
      },
      { token: admin },
    );
    expect(own.status).toBe(201);
    for (const [username, displayName] of [
      ['ana', 'Ana Gómez'],
      ['luis', 'Luis Pérez'],
      ['marta', 'Marta Ruiz'],
    ]) {
      const created = await t.api('POST', '/api/v1/users', { username, displayName, profileId: own.body.id, roleId: agents }, { token: admin });
      expect(created.status).toBe(201);
      users[username] = created.body.id;
      const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
      tokens[username] = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2026' }, { token: login.body.accessToken })).body.accessToken;
    }
    for (const [nombre, apellido] of [
      ['Lucía', 'Pérez'],
      ['Mateo', 'Rojas'],
    ]) {
      clients.push((await platform('POST', '/api/v1/records/contactos', { nombre, apellido })).body.id);
    }
    for (const key of ['pequenos', 'negocios']) {
      const created = await platform('POST', '/api/v1/modules', { ...SALES_MODULE, key });
      if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    }
  });
  afterAll(() => t.close());

  describe('on a hand-made set', () => {
    beforeAll(async () => {
      const { ana, luis } = users;
      const [c1, c2] = clients;
      await load('pequenos', [
        { nombre: 'A', region: 'andina', fase: 'ganada', monto: '100.50', unidades: 2, fecha_cierre: '2026-01-15', cerrada_en: '2026-03-31T23:30:00-05:00', owner: ana, vendedor: ana, cliente: c1 },
        { nombre: 'B', region: 'andina', fase: 'perdida', monto: 200, unidades: 3, fecha_cierre: '2026-02-10', cerrada_en: '2026-02-10T15:00:00Z', owner: luis, vendedor: luis, cliente: c2 },
        { nombre: 'C', region: 'caribe', fase: 'ganada', monto: '50.25', unidades: 5, fecha_cierre: '2026-04-01', cerrada_en: '2026-04-01T03:00:00Z', owner: ana, vendedor: ana },
        { nombre: 'D', region: 'caribe', fase: 'propuesta', monto: 1000, unidades: 1, fecha_cierre: '2026-07-20', owner: luis },
        { nombre: 'E', region: 'pacifico', fase: 'ganada', monto: 10, unidades: 10, fecha_cierre: '2026-12-31', cerrada_en: '2026-12-31T12:00:00Z', owner: ana, cliente: c1 },
        { nombre: 'F', fase: 'propuesta', fecha_cierre: '2026-07-21' },
      ]);
    });

    it('counts every record with no groups, and answers one row when nothing matches', async () => {
      expect(flat(await aggregate('pequenos', {}))).toEqual([[6]]);
      expect(flat(await aggregate('pequenos', { filter: { field: 'nombre', op: 'eq', value: 'Z' }, measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }] }))).toEqual([[0, null]]);
    });

    it('computes count, sum, average, minimum and maximum of numbers and dates', async () => {
      const body = (op: string, field?: string) => ({ measures: [{ op, ...(field && { field }) }] });
      expect(flat(await aggregate('pequenos', body('sum', 'monto')))).toEqual([[1360.75]]);
      expect(flat(await aggregate('pequenos', body('avg', 'monto')))).toEqual([[272.15]]);
      expect(flat(await aggregate('pequenos', body('min', 'monto')))).toEqual([[10]]);
      expect(flat(await aggregate('pequenos', body('max', 'monto')))).toEqual([[1000]]);
      expect(flat(await aggregate('pequenos', body('sum', 'unidades')))).toEqual([[21]]);
      expect(flat(await aggregate('pequenos', body('avg', 'probabilidad')))).toEqual([[null]]);
      expect(
        flat(
          await aggregate('pequenos', {
            measures: [
              { op: 'min', field: 'fecha_cierre' },
              { op: 'max', field: 'fecha_cierre' },
            ],
          }),
        ),
      ).toEqual([['2026-01-15', '2026-12-31']]);
      expect(
        flat(
          await aggregate('pequenos', {
            measures: [
              { op: 'min', field: 'cerrada_en' },
              { op: 'max', field: 'cerrada_en' },
            ],
          }),
        ),
      ).toEqual([['2026-02-10T15:00:00.000Z', '2026-12-31T12:00:00.000Z']]);
    });

    it('groups by a picklist with its labels in both languages, in the options order, empty last', async () => {
      const result = await aggregate('pequenos', {
        groups: [{ field: 'region' }],
        measures: [
          { op: 'sum', field: 'monto' },
          { op: 'avg', field: 'monto' },
        ],
      });
      expect(flat(result)).toEqual([
        ['andina', 300.5, 150.25],
        ['caribe', 1050.25, 525.125],
        ['pacifico', 10, 10],
        [null, null, null],
      ]);
      expect(result.rows.map((r) => r.keys[0].label)).toEqual([
        { es: 'Andina', en: 'Andean' },
        { es: 'Caribe', en: 'Caribbean' },
        { es: 'Pacífico', en: 'Pacific' },
        { es: '(Sin valor)', en: '(No value)' },
      ]);
      expect(result.truncated).toBe(false);
    });

    it('orders by label or by value, ascending or descending, ties by label, and limits the groups', async () => {
      const by = (order: unknown, limit?: number) =>
        aggregate('pequenos', { groups: [{ field: 'region' }], measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }], order, ...(limit && { limit }) });
      expect(flat(await by({ by: 'label', dir: 'desc' })).map((r) => r[0])).toEqual(['pacifico', 'caribe', 'andina', null]);
      expect(flat(await by({ by: 'value', measure: 1, dir: 'desc' })).map((r) => r[0])).toEqual(['caribe', 'andina', 'pacifico', null]);
      expect(flat(await by({ by: 'value', measure: 1, dir: 'asc' })).map((r) => r[0])).toEqual(['pacifico', 'andina', 'caribe', null]);
      expect(flat(await by({ by: 'value', dir: 'desc' }))).toEqual([
        ['andina', 2, 300.5],
        ['caribe', 2, 1050.25],
        ['pacifico', 1, 10],
        [null, 1, null],
      ]);
      const limited = await by({ by: 'value', dir: 'desc' }, 2);
      expect([flat(limited).map((r) => r[0]), limited.truncated]).toEqual([['andina', 'caribe'], true]);
    });

    it('groups by two fields', async () => {
      const result = await aggregate('pequenos', { groups: [{ field: 'fase' }, { field: 'region' }], filter: { field: 'fase', op: 'in', value: ['ganada', 'propuesta'] } });
      expect(flat(result)).toEqual([
        ['propuesta', 'caribe', 1],
        ['propuesta', null, 1],
        ['ganada', 'andina', 1],
        ['ganada', 'caribe', 1],
        ['ganada', 'pacifico', 1],
      ]);
      expect(result.rows[2].keys.map((k) => k.label?.en)).toEqual(['Closed won', 'Andean']);
    });

    it('groups by users with their display names and by lookups with the target title', async () => {
      const owners = await aggregate('pequenos', { groups: [{ field: 'owner' }], order: { by: 'value', dir: 'desc' } });
      expect(owners.rows.map((r) => [r.keys[0].label?.es, r.values[0]])).toEqual([
        ['Ana Gómez', 3],
        ['Luis Pérez', 2],
        ['(Sin valor)', 1],
      ]);
      expect(owners.rows[0].keys[0].value).toBe(users.ana);
      const sellers = await aggregate('pequenos', { groups: [{ field: 'vendedor' }], order: { by: 'value', dir: 'desc' } });
      expect(sellers.rows.map((r) => [r.keys[0].label?.en, r.values[0]])).toEqual([
        ['(No value)', 3],
        ['Ana Gómez', 2],
        ['Luis Pérez', 1],
      ]);
      const customers = await aggregate('pequenos', { groups: [{ field: 'cliente' }], measures: [{ op: 'sum', field: 'monto' }], order: { by: 'value', dir: 'desc' } });
      expect(customers.rows.map((r) => [r.keys[0].value, r.keys[0].label?.es, r.values[0]])).toEqual([
        [null, '(Sin valor)', 1050.25],
        [clients[1], 'Mateo Rojas', 200],
        [clients[0], 'Lucía Pérez', 110.5],
      ]);
    });

    it('buckets dates by year, quarter, month, week and day', async () => {
      const bucket = async (bucket: string) => flat(await aggregate('pequenos', { groups: [{ field: 'fecha_cierre', bucket }] }));
      expect(await bucket('year')).toEqual([['2026', 6]]);
      expect(await bucket('quarter')).toEqual([
        ['2026-Q1', 2],
        ['2026-Q2', 1],
        ['2026-Q3', 2],
        ['2026-Q4', 1],
      ]);
      expect(await bucket('month')).toEqual([
        ['2026-01', 1],
        ['2026-02', 1],
        ['2026-04', 1],
        ['2026-07', 2],
        ['2026-12', 1],
      ]);
      expect(await bucket('week')).toEqual([
        ['2026-01-12', 1],
        ['2026-02-09', 1],
        ['2026-03-30', 1],
        ['2026-07-20', 2],
        ['2026-12-28', 1],
      ]);
      expect((await bucket('day')).map((r) => r[0])).toEqual(['2026-01-15', '2026-02-10', '2026-04-01', '2026-07-20', '2026-07-21', '2026-12-31']);
      const months = await aggregate('pequenos', { groups: [{ field: 'fecha_cierre', bucket: 'month' }], order: { by: 'label', dir: 'desc' }, limit: 1 });
      expect(months.rows[0].keys[0]).toEqual({ value: '2026-12', label: { es: 'diciembre de 2026', en: 'December 2026' }, from: '2026-12-01', to: '2027-01-01' });
    });

    it('buckets datetimes in the operation time zone: 23:30 on 31 March in Bogotá is Q1 there and Q2 in UTC', async () => {
      const quarters = () => aggregate('pequenos', { groups: [{ field: 'cerrada_en', bucket: 'quarter' }] });
      expect((await platform('GET', '/api/v1/settings/time-zone')).body).toEqual({ timeZone: 'America/Bogota' });
      const bogota = await quarters();
      expect([bogota.timeZone, flat(bogota)]).toEqual([
        'America/Bogota',
        [
          ['2026-Q1', 3],
          ['2026-Q4', 1],
          [null, 2],
        ],
      ]);
      expect(bogota.rows[0].keys[0]).toEqual({ value: '2026-Q1', label: { es: 'T1 2026', en: 'Q1 2026' }, from: '2026-01-01T05:00:00.000Z', to: '2026-04-01T05:00:00.000Z' });
      const hours = await aggregate('pequenos', { groups: [{ field: 'cerrada_en', bucket: 'hour' }], filter: { field: 'nombre', op: 'eq', value: 'A' } });
      expect(flat(hours)).toEqual([['2026-03-31T23', 1]]);
      const days = await aggregate('pequenos', { groups: [{ field: 'cerrada_en', bucket: 'day' }], filter: { field: 'nombre', op: 'in', value: ['A', 'C'] } });
      expect(flat(days)).toEqual([['2026-03-31', 2]]);

      expect((await t.api('PUT', '/api/v1/settings/time-zone', { timeZone: 'UTC' }, { token: admin })).status).toBe(200);
      try {
        expect(flat(await quarters())).toEqual([
          ['2026-Q1', 1],
          ['2026-Q2', 2],
          ['2026-Q4', 1],
          [null, 2],
        ]);
      } finally {
        await t.api('PUT', '/api/v1/settings/time-zone', { timeZone: 'America/Bogota' }, { token: admin });
      }
    });

    it('refuses a time zone that is not an IANA name, and agents may not change it', async () => {
      for (const timeZone of ['GMT-5', 'Bogota', 'America/Nowhere', '-05:00']) {
        const response = await t.api('PUT', '/api/v1/settings/time-zone', { timeZone }, { token: admin });
        expect([response.status, response.body.details?.[0]?.path]).toEqual([400, 'timeZone']);
      }
      expect((await t.api('PUT', '/api/v1/settings/time-zone', { timeZone: 'America/Mexico_City' }, { token: tokens.ana })).status).toBe(403);
      expect((await t.api('GET', '/api/v1/settings/time-zone', undefined, { token: tokens.ana })).body).toEqual({ timeZone: 'America/Bogota' });
    });

    it('refuses bad input with a code, a message in both languages and the path', async () => {
      expect(await refused('pequenos', { groups: [{ field: 'nada' }] })).toEqual([['groups[0].field', 'aggregate.unknownField']]);
      expect(await refused('pequenos', { groups: [{ field: 'fecha_cierre' }] })).toEqual([['groups[0].bucket', 'aggregate.bucket']]);
      expect(await refused('pequenos', { groups: [{ field: 'fecha_cierre', bucket: 'hour' }] })).toEqual([['groups[0].bucket', 'aggregate.bucket']]);
      expect(await refused('pequenos', { groups: [{ field: 'region', bucket: 'month' }] })).toEqual([['groups[0].bucket', 'aggregate.noBucket']]);
      expect(await refused('pequenos', { groups: [{ field: 'region' }, { field: 'fase' }, { field: 'owner' }] })).toEqual([['groups', 'aggregate.shape']]);
      expect(await refused('pequenos', { measures: [{ op: 'count' }, { op: 'sum', field: 'nombre' }] })).toEqual([['measures[1].field', 'aggregate.measureType']]);
      expect(await refused('pequenos', { measures: [{ op: 'avg', field: 'fecha_cierre' }] })).toEqual([['measures[0].field', 'aggregate.measureType']]);
      expect(await refused('pequenos', { measures: [{ op: 'median', field: 'monto' }] })).toEqual([['measures[0].op', 'aggregate.measureOp']]);
      expect(await refused('pequenos', { order: { by: 'value', measure: 1 } })).toEqual([['order.measure', 'aggregate.orderMeasure']]);
      expect(await refused('pequenos', { limit: 0 })).toEqual([['limit', 'aggregate.limit']]);
      expect(await refused('pequenos', { filter: { field: 'monto', op: 'gt', value: 'mucho' } })).toEqual([['filter.value', 'query.value']]);
      expect(await refused('pequenos', { group: [] })).toEqual([['group', 'aggregate.shape']]);
    });

    it('obeys the access policy: an agent with visibility own sums only its records, and a hidden field is refused', async () => {
      expect(flat(await aggregate('pequenos', { measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }] }, tokens.ana))).toEqual([[3, 160.75]]);
      expect(flat(await aggregate('pequenos', { measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }] }, tokens.luis))).toEqual([[2, 1200]]);
      expect(flat(await aggregate('pequenos', { groups: [{ field: 'region' }] }, tokens.ana))).toEqual([
        ['andina', 1],
        ['caribe', 1],
        ['pacifico', 1],
      ]);
      expect(await refused('pequenos', { measures: [{ op: 'sum', field: 'unidades' }] }, tokens.ana)).toEqual([['measures[0].field', 'aggregate.unknownField']]);
      expect(await refused('pequenos', { groups: [{ field: 'unidades' }] }, tokens.ana)).toEqual([['groups[0].field', 'aggregate.unknownField']]);
      expect(await refused('pequenos', { filter: { field: 'unidades', op: 'gt', value: 1 } }, tokens.ana)).toEqual([['filter.field', 'query.unknownField']]);
      // A lookup target the agent cannot see has no title.
      const customers = await aggregate('pequenos', { groups: [{ field: 'cliente' }] }, tokens.ana);
      expect(customers.rows.map((r) => r.keys[0].label?.en)).toEqual(['(Not available)', '(No value)']);
    });
  });

  describe('on any input', () => {
    it('answers random and half-right bodies with a 200 or a 4xx in the error shape, never a 5xx', async () => {
      const fields = ['region', 'fase', 'monto', 'unidades', 'fecha_cierre', 'cerrada_en', 'owner', 'cliente', 'nombre', 'nada', 'createdAt', 'id'];
      const part = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.jsonValue({ maxDepth: 2 }));
      const half = fc.record(
        {
          groups: part(
            fc.array(fc.record({ field: fc.constantFrom(...fields), bucket: fc.option(fc.constantFrom('year', 'quarter', 'hour', 'siglo'), { nil: undefined }) }, { requiredKeys: ['field'] }), {
              maxLength: 3,
            }),
          ),
          measures: part(
            fc.array(fc.record({ op: fc.constantFrom('count', 'sum', 'avg', 'min', 'max', 'median'), field: fc.option(fc.constantFrom(...fields), { nil: undefined }) }, { requiredKeys: ['op'] }), {
              maxLength: 3,
            }),
          ),
          order: part(fc.record({ by: fc.constantFrom('label', 'value', 'x'), measure: fc.integer({ min: -1, max: 2 }), dir: fc.constantFrom('asc', 'desc', 'up') }, { requiredKeys: ['by'] })),
          limit: part(fc.integer({ min: -1, max: 20_000 })),
          filter: part(fc.record({ field: fc.constantFrom(...fields), op: fc.constantFrom('eq', 'gt', 'in', 'empty', 'contains'), value: fc.jsonValue({ maxDepth: 1 }) })),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(half, fc.jsonValue({ maxDepth: 3 })), async (body) => {
          const response = await platform('POST', '/api/v1/records/pequenos/aggregate', body);
          expect(response.status).toBeLessThan(500);
          if (response.status === 200) expect(Array.isArray(response.body.rows)).toBe(true);
          else expect(response.body).toEqual(expect.objectContaining({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) } }));
        }),
        { numRuns: 300 },
      );
    });

    it('is documented in OpenAPI with the JSON Schema of its body and answer', async () => {
      const doc = (await t.api('GET', '/api/docs-json')).body;
      const route = doc.paths['/api/v1/records/{module}/aggregate'].post;
      expect(Object.keys(route.requestBody.content['application/json'].schema.properties)).toEqual(['filter', 'groups', 'measures', 'order', 'limit']);
      expect(route.responses['200'].content['application/json'].schema.properties.rows.type).toBe('array');
      expect(doc.paths['/api/v1/settings/time-zone'].put).toBeDefined();
    });
  });

  describe('on a year of sales (10,000 opportunities)', () => {
    let sales: SaleRow[];

    beforeAll(async () => {
      sales = salesOpportunities(10_000, [users.ana, users.luis, users.marta], clients);
      await load('negocios', sales);
    }, 120_000);

    it('the won value by quarter equals a hand-written GROUP BY over the same rows', async () => {
      const api = await aggregate('negocios', {
        filter: { field: 'fase', op: 'eq', value: 'ganada' },
        groups: [{ field: 'fecha_cierre', bucket: 'quarter' }],
        measures: [{ op: 'sum', field: 'monto' }, { op: 'count' }],
      });
      const sql: { quarter: string; won: string; deals: string }[] = await db.query(
        `SELECT extract(year FROM fecha_cierre) || '-Q' || extract(quarter FROM fecha_cierre) AS quarter, sum(monto)::text AS won, count(*)::text AS deals
           FROM "${schema}".negocios WHERE fase = 'ganada' AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
      );
      expect(sql).toHaveLength(4);
      expect(flat(api)).toEqual(sql.map((r) => [r.quarter, Number(r.won), Number(r.deals)]));
      // And the generator's own sum, to the cent.
      const byHand = new Map<string, number>();
      for (const s of sales.filter((s) => s.fase === 'ganada')) {
        const quarter = `2026-Q${Math.ceil(Number(s.fecha_cierre.slice(5, 7)) / 3)}`;
        byHand.set(quarter, (byHand.get(quarter) ?? 0) + Math.round(Number(s.monto) * 100));
      }
      expect(api.rows.map((r) => Math.round((r.values[0] as number) * 100))).toEqual([...byHand.entries()].sort().map(([, cents]) => cents));
    });

    it('two groups and two measures equal the hand-written SQL (region × owner, won value and average probability)', async () => {
      const api = await aggregate('negocios', {
        filter: { field: 'fecha_cierre', op: 'between', value: ['2026-04-01', '2026-09-30'] },
        groups: [{ field: 'region' }, { field: 'owner' }],
        measures: [
          { op: 'sum', field: 'monto' },
          { op: 'avg', field: 'probabilidad' },
        ],
        order: { by: 'value', dir: 'desc' },
      });
      const sql: { region: string; owner: string; total: string; probability: string }[] = await db.query(
        `SELECT region, owner::text, sum(monto)::text AS total, avg(probabilidad)::text AS probability FROM "${schema}".negocios
          WHERE fecha_cierre BETWEEN '2026-04-01' AND '2026-09-30' AND deleted_at IS NULL GROUP BY 1, 2 ORDER BY sum(monto) DESC`,
      );
      expect(flat(api)).toEqual(sql.map((r) => [r.region, r.owner, Number(r.total), Number(r.probability)]));
    });

    it('kanban column counts come from the aggregation, on 10,000 records, and the table total is exact on request', async () => {
      const columns = await aggregate('negocios', { groups: [{ field: 'fase' }], measures: [{ op: 'count' }, { op: 'sum', field: 'monto' }] });
      const expected = PHASES.map((phase) => [phase, sales.filter((s) => s.fase === phase).length]);
      expect(columns.rows.map((r) => [r.keys[0].value, r.values[0]])).toEqual(expected);
      expect(columns.rows.find((r) => r.keys[0].value === 'ganada')!.keys[0].label).toEqual({ es: 'Cerrada ganada', en: 'Closed won' });
      expect((columns.rows.find((r) => r.keys[0].value === 'ganada')!.values[0] as number) > 1000).toBe(true);
      const exact = await platform('POST', '/api/v1/records/negocios/query', { filter: { field: 'fase', op: 'eq', value: 'ganada' }, limit: 20, count: 'exact' });
      expect(exact.body.total).toBe(expected.find(([phase]) => phase === 'ganada')![1]);
      expect(exact.body.totalCapped).toBeUndefined();
      const capped = await platform('POST', '/api/v1/records/negocios/query', { limit: 20 });
      expect([capped.body.total, capped.body.totalCapped]).toEqual([1000, true]);
      // An agent's kanban counts its own records only.
      const mine = await aggregate('negocios', { groups: [{ field: 'fase' }] }, tokens.marta);
      expect(mine.rows.map((r) => [r.keys[0].value, r.values[0]])).toEqual(PHASES.map((phase) => [phase, sales.filter((s) => s.fase === phase && s.owner === users.marta).length]));
    });
  });
});
