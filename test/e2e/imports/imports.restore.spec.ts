import { startTestServer, type TestServer } from '../../support/test-server';
import { importClient } from './import-client';

type Row = Record<string, any>;
const label = (es: string, en = es) => ({ es, en });

const clientes = {
  key: 'clientes',
  version: 1,
  names: { singular: label('Cliente', 'Customer'), plural: label('Clientes', 'Customers') },
  icon: 'user',
  fields: [
    { key: 'documento', type: 'text', label: label('Documento', 'ID number'), required: true },
    { key: 'pais', type: 'text', label: label('País', 'Country') },
    { key: 'nombre', type: 'text', label: label('Nombre', 'Name') },
    { key: 'saldo', type: 'currency', currency: 'COP', scale: 2, label: label('Saldo', 'Balance') },
    { key: 'telefono', type: 'phone', label: label('Teléfono', 'Phone') },
  ],
};

describe('imports: update by key, backups and exact restore (B2, S3)', () => {
  let t: TestServer;
  let op: string;
  let client: ReturnType<typeof importClient>;
  /** The Colombian customer with that document. */
  const byDocumento = async (documento: string): Promise<Row> =>
    (
      await client.api('POST', '/api/v1/records/clientes/query', {
        filter: {
          and: [
            { field: 'documento', op: 'eq', value: documento },
            { field: 'pais', op: 'eq', value: 'CO' },
          ],
        },
      })
    ).body.items[0];

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('impr');
    client = importClient(t, op);
    expect((await client.api('POST', '/api/v1/modules', clientes)).status).toBe(201);
  }, 120_000);
  afterAll(() => t.close());

  it('updates by two key fields, keeps each changed record in a backup, and restores it exactly', async () => {
    const base = [
      'Documento;País;Nombre;Saldo;Teléfono',
      '100;CO;Ana;1.000,00;3001234567',
      '200;CO;Beto;2.000,00;3002345678',
      '300;CO;Carla;3.000,00;3003456789',
      '100;PE;Ana Lima;50,00;5101234567',
    ].join('\r\n');
    const first = await client.importFile('clientes', 'base.csv', base);
    expect(first.job.result).toMatchObject({ inserted: 4, errorCount: 0, backup: false });
    const before = Object.fromEntries(await Promise.all(['100', '200', '300'].map(async (d) => [d, await byDocumento(d)])));

    // The update names records by documento + país: 100/CO changes, 200/CO empties its phone, 300/CO stays, 999/CO is in no record, 100/PE is untouched.
    const update = ['Documento;País;Nombre;Saldo;Teléfono', '100;CO;Ana María;1.500,00;3001234567', '200;CO;Beto;2.000,00;', '300;CO;Carla;3.000,00;3003456789', '999;CO;Nadie;0;'].join('\r\n');
    const updated = await client.importFile('clientes', 'actualizacion.csv', update, { mode: 'update', keyFields: ['documento', 'pais'] });
    expect(updated.job.state).toBe('completed');
    expect(updated.job.result).toMatchObject({ total: 4, inserted: 0, updated: 2, unchanged: 1, errorCount: 1, backup: true });
    const failures = (await client.api('GET', `/api/v1/imports/${updated.job.id}/failures?format=json`)).body;
    expect(failures.items).toEqual([expect.objectContaining({ line: 5, issues: [expect.objectContaining({ code: 'keyNotFound' })] })]);
    expect(await byDocumento('100')).toMatchObject({ nombre: 'Ana María', saldo: '1500.00' });
    expect((await byDocumento('200')).telefono).toBeNull();

    // A later upsert creates a record and changes one: restoring that load must leave the new record alone.
    const upsert = ['Documento;País;Nombre', '300;CO;Carla Ruiz', '400;CO;Dora'].join('\r\n');
    const upserted = await client.importFile('clientes', 'upsert.csv', upsert, { mode: 'upsert', keyFields: ['documento', 'pais'] });
    expect(upserted.job.result).toMatchObject({ inserted: 1, updated: 1, backup: true });

    const backups = (await client.api('GET', '/api/v1/imports/backups?module=clientes')).body;
    expect(backups.items.map((b: Row) => [b.id, b.records, b.restoredAt])).toEqual([
      [upserted.job.id, 1, null],
      [updated.job.id, 2, null],
    ]);
    expect(backups.items[0].createdBy).toBeNull();

    // Someone edits Ana's phone by hand after the first update: that field is not the load's to put back.
    const ana = await byDocumento('100');
    expect((await client.api('PATCH', `/api/v1/records/clientes/${ana.id}`, { version: ana.version, nombre: 'Ana María Gómez' })).status).toBe(200);

    const restore = await client.api('POST', '/api/v1/jobs', { type: 'records.restore', payload: { backupId: updated.job.id } });
    expect(restore.status).toBe(202);
    const restored = await client.wait(restore.body.id);
    expect(restored.state).toBe('completed');
    expect(restored.result).toMatchObject({ total: 2, restored: 2, conflicts: 1, conflictList: [{ recordId: ana.id, fields: ['nombre'] }] });
    // Ana: the balance goes back; the name someone changed since stays theirs.
    expect(await byDocumento('100')).toMatchObject({ nombre: 'Ana María Gómez', saldo: before['100'].saldo, telefono: before['100'].telefono });
    // Beto: the phone the load emptied comes back exactly.
    expect(await byDocumento('200')).toMatchObject({ nombre: 'Beto', saldo: before['200'].saldo, telefono: '3002345678' });
    // Records of other loads stay as those loads left them.
    expect((await byDocumento('300')).nombre).toBe('Carla Ruiz');
    expect((await byDocumento('400')).nombre).toBe('Dora');

    const history = (await client.api('GET', `/api/v1/records/clientes/${before['200'].id}/history?limit=50`)).body.items as Row[];
    expect(history.filter((h) => h.field === 'telefono').map((h) => [h.oldValue, h.newValue, h.jobId])).toEqual(
      expect.arrayContaining([
        [null, '3002345678', restore.body.id],
        ['3002345678', null, updated.job.id],
      ]),
    );
    const listed = (await client.api('GET', '/api/v1/imports/backups?module=clientes')).body.items.find((b: Row) => b.id === updated.job.id);
    expect(listed).toMatchObject({ restoreJobId: restore.body.id, restoredAt: expect.any(String) });
    const again = await client.api('POST', '/api/v1/jobs', { type: 'records.restore', payload: { backupId: updated.job.id } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('backup_restored');
  }, 120_000);

  it('skips rows whose key is already taken, and rows repeated in the file, as duplicates', async () => {
    const csv = ['Documento;País;Nombre', '200;CO;Beto otra vez', '500;CO;Eva', '500;co;Eva repetida', '600;CO;Fabio'].join('\r\n');
    const { job } = await client.importFile('clientes', 'nuevos.csv', csv, { keyFields: ['documento', 'pais'], skipDuplicates: true });
    expect(job.result).toMatchObject({ total: 4, inserted: 2, duplicates: 2, errorCount: 0 });
    expect((await byDocumento('200')).nombre).toBe('Beto');
  }, 60_000);

  it('refuses a key that two records share, for that row only', async () => {
    // Two records are in Perú: a key of país alone names both.
    const csv = ['País;Nombre', 'PE;Perú actualizado'].join('\r\n');
    const uploaded = await client.upload('pais.csv', csv);
    await client.api('POST', '/api/v1/records/clientes', { documento: '700', pais: 'PE', nombre: 'Otro peruano' });
    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'clientes' });
    const started = await client.start({ fileId: uploaded.body.id, module: 'clientes', mapping: preview.body.mapping, options: preview.body.options, mode: 'update', keyFields: ['pais'] });
    const done = await client.wait(started.body.id);
    expect(done.result).toMatchObject({ updated: 0, errorCount: 1 });
    const failures = (await client.api('GET', `/api/v1/imports/${started.body.id}/failures?format=json`)).body;
    expect(failures.items[0].issues[0]).toMatchObject({ code: 'ambiguousKey', field: 'pais', header: 'País' });
  }, 60_000);
});
