import fc from 'fast-check';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Whatever a client sends, the answer is never a 5xx and always has the error
 * shape. Random JSON bodies, ids and module keys against every route that
 * takes input.
 */
describe('client input never causes a server error', () => {
  let t: TestServer;
  let op: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('fuzz');
    const created = await t.api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Prueba', estado: 'nuevo', prioridad: 'media' }, { operation: op });
    caseId = created.body?.id;
  });
  afterAll(() => t.close());

  const segment = fc.oneof(fc.constantFrom('casos', 'contactos', 'nada', '', '%00', '..', 'a'.repeat(300)), fc.string({ maxLength: 20 }));
  const id = () => fc.oneof(fc.constant(caseId), fc.uuid(), fc.string({ maxLength: 40 }));
  const routes: [string, (m: string, i: string) => string][] = [
    ['POST', (m) => `/api/v1/records/${m}`],
    ['PATCH', (m, i) => `/api/v1/records/${m}/${i}`],
    ['GET', (m, i) => `/api/v1/records/${m}/${i}`],
    ['DELETE', (m, i) => `/api/v1/records/${m}/${i}`],
    ['POST', (m, i) => `/api/v1/records/${m}/${i}/restore`],
    ['POST', (m) => `/api/v1/records/${m}/query`],
    ['POST', (m) => `/api/v1/records/${m}/bulk`],
    ['GET', (m, i) => `/api/v1/records/${m}/${i}/history`],
    ['POST', () => '/api/v1/modules'],
    ['PUT', (m) => `/api/v1/modules/${m}`],
    ['POST', (m) => `/api/v1/modules/${m}/plan`],
    ['POST', (m) => `/api/v1/modules/${m}/rollback`],
    ['POST', () => '/api/v1/operations'],
    ['GET', (_m, i) => `/api/v1/jobs/${i}`],
    ['POST', () => '/api/v1/jobs'],
  ];

  it('answers random bodies on every route with a 2xx or a 4xx in the error shape', async () => {
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, id(), fc.jsonValue({ maxDepth: 4 }), async ([method, path], module, recordId, body) => {
        const url = path(encodeURIComponent(module), encodeURIComponent(recordId));
        const response = await t.api(method, url, method === 'GET' || method === 'DELETE' ? undefined : body, { operation: op });
        calls++;
        expect([method, url, response.status]).toEqual([method, url, expect.any(Number)]);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.body).toEqual(expect.objectContaining({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) } }));
        }
      }),
      { numRuns: 400 },
    );
    expect(calls).toBe(400);
  });

  it('answers filters built from random trees on a real module without a 5xx', async () => {
    const fields = ['asunto', 'estado', 'prioridad', 'numero', 'createdAt', 'contacto', 'nada', 'tipo'];
    const ops = ['contains', 'notContains', 'eq', 'neq', 'empty', 'notEmpty', 'gt', 'gte', 'lt', 'lte', 'between', 'in', 'like'];
    const leaf = fc.record({ field: fc.constantFrom(...fields), op: fc.constantFrom(...ops), value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined)) });
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.record({ and: fc.array(tie('node'), { maxLength: 3 }) }), fc.record({ or: fc.array(tie('node'), { maxLength: 3 }) })),
    })).node;
    await fc.assert(
      fc.asyncProperty(tree, fc.array(fc.record({ field: fc.constantFrom(...fields), dir: fc.constantFrom('asc', 'desc', 'up') }), { maxLength: 2 }), async (filter, sort) => {
        const response = await t.api('POST', '/api/v1/records/casos/query', { filter, sort, limit: 10 }, { operation: op });
        expect(response.status).toBeLessThan(500);
        if (response.status === 200) expect(Array.isArray(response.body.items)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
