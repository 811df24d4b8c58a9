import { startTestServer, type TestServer } from '../support/test-server';

/**
 * The embedded database is one connection, held by a write's transaction for
 * its whole length: whatever the write reads meanwhile must go through that
 * transaction, or it waits for the connection forever and the server with it.
 */
describe('writes on the single-connection embedded database', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('pool');
  });
  afterAll(() => t.close());

  it('prices a quote whose products module was not read for a while (plugin reads inside the transaction)', async () => {
    const producto = await api('POST', '/api/v1/records/productos', { nombre: 'Licencia', codigo: 'LIC-1', precio_unitario: '1000', impuesto: 19 });
    expect(producto.status).toBe(201);
    // Module definitions are cached for 5 seconds; past that the plugin's read of `productos` goes to the database.
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    let timer: NodeJS.Timeout | undefined;
    const quote = await Promise.race([
      api('POST', '/api/v1/records/cotizaciones', { asunto: 'Después de una pausa', lista_precios: 'General', lineas: [{ producto: producto.body.id, cantidad: 2 }] }),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the write hung')), 15_000))),
    ]).finally(() => clearTimeout(timer));
    expect(quote.status).toBe(201);
    expect(quote.body).toMatchObject({ subtotal: '2000.00', impuesto_total: '380.00', total: '2380.00' });
    expect((await api('GET', '/api/v1/records/productos?q=Licencia')).body.total).toBe(1);
  }, 60_000);
});
