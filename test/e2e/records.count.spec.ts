import { startTestServer, type TestServer } from '../support/test-server';

const label = (es: string, en = es) => ({ es, en });

const filas = {
  key: 'filas',
  version: 1,
  names: { singular: label('Fila', 'Row'), plural: label('Filas', 'Rows') },
  icon: 'table',
  fields: [
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), required: true, filterable: true },
    { key: 'par', type: 'boolean', label: label('Par', 'Even'), filterable: true },
  ],
};

/**
 * Lists count their matches only up to a limit (an exact count of a common term
 * reads most of a large table); `count: "exact"` is how the Studio gets the real
 * figure before selecting or exporting every match.
 */
describe('records API: list totals', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const query = (body: Record<string, unknown>) => api('POST', '/api/v1/records/filas/query', { limit: 5, ...body });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('cnt');
    expect((await api('POST', '/api/v1/modules', filas)).status).toBe(201);
    const rows = Array.from({ length: 1_205 }, (_, i) => ({ codigo: `F${String(i).padStart(5, '0')}`, par: i % 2 === 0 }));
    const written = await api('POST', '/api/v1/records/filas/bulk', { rows, mode: 'insert' });
    expect(written.status).toBe(200);
  });
  afterAll(() => t.close());

  it('caps the default total at 1,000 and says so', async () => {
    const answer = await query({});
    expect(answer.status).toBe(200);
    expect([answer.body.total, answer.body.totalCapped, answer.body.items.length]).toEqual([1_000, true, 5]);
  });

  it('counts exactly below the cap, without the flag', async () => {
    const answer = await query({ filter: { field: 'par', op: 'eq', value: false } });
    expect([answer.body.total, answer.body.totalCapped]).toEqual([602, undefined]);
  });

  it('counts every match with count "exact", and skips the count with false', async () => {
    expect((await query({ count: 'exact' })).body).toMatchObject({ total: 1_205 });
    expect((await query({ count: 'exact' })).body.totalCapped).toBeUndefined();
    expect((await query({ count: 'exact', filter: { field: 'par', op: 'eq', value: true } })).body.total).toBe(603);
    expect((await query({ count: false })).body.total).toBeNull();
  });

  it('refuses any other count value with the path', async () => {
    const answer = await query({ count: 'all' });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([expect.objectContaining({ path: 'count', code: 'type' })]);
  });
});
