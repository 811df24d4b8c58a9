import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '../support/test-server';

// The embedded default: no DATABASE_URL, no REDIS_URL, whatever the environment says.
const embedded = { databaseUrl: undefined, redisUrl: undefined };

describe('embedded default (PGlite, in-process queue)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps operations, modules and records across a restart', async () => {
    const first = await startTestServer({ ...embedded, dataDir });
    const op = await first.createOperation('smoke');
    const created = await first.api('POST', '/api/v1/records/contactos', { nombre: 'Lucía', apellido: 'Fernández', documento: '1020304050', email: 'lucia@example.com' }, { operation: op });
    expect(created.status).toBe(201);
    await first.close();

    const second = await startTestServer({ ...embedded, dataDir });
    try {
      const read = await second.api('GET', `/api/v1/records/contactos/${created.body.id}`, undefined, { operation: op });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: created.body.id, nombre: 'Lucía', apellido: 'Fernández', email: 'lucia@example.com', version: 1 });
      expect((await second.api('GET', '/api/v1/modules', undefined, { operation: op })).body.total).toBe(15);
    } finally {
      await second.close();
    }
  });
});
