import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, any>;
interface HistoryItem {
  id: number;
  at: string;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  userId: string | null;
  userName: string | null;
  jobId: string | null;
}

const label = (es: string, en = es) => ({ es, en });

/** A plain module for the row limit: one unique code, so 10,000 rows stay quick to write and to count. */
const filas = {
  key: 'filas',
  version: 1,
  names: { singular: label('Fila', 'Row'), plural: label('Filas', 'Rows') },
  icon: 'table',
  fields: [
    { key: 'codigo', type: 'text', label: label('Código', 'Code'), required: true, unique: true },
    { key: 'valor', type: 'integer', label: label('Valor', 'Value') },
  ],
};

/** Bulk insert and upsert through POST /records/{module}/bulk, the row limit, and the history (R3) of single and bulk writes. */
describe('records API: bulk writes and history', () => {
  let t: TestServer;
  let op: string;
  let db: DataSource;
  /** A real user (the operation's admin), so history has someone to name. */
  let token: string;
  let adminId: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { token });
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const issues = (error: { row: number; issues: { path: string; code: string }[] }) => [error.row, error.issues.map((i) => [i.path, i.code])];
  const history = async (module: string, id: string): Promise<HistoryItem[]> => {
    const response = await api('GET', `/api/v1/records/${module}/${id}/history?limit=500`);
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(response.body.items.length);
    return response.body.items;
  };
  const byDocumento = async (documento: string): Promise<Row[]> =>
    (await api('POST', '/api/v1/records/contactos/query', { filter: { field: 'documento', op: 'eq', value: documento }, sort: [{ field: 'createdAt', dir: 'asc' }] })).body.items;
  /** Rows in a module's table, deleted ones too: what really landed in storage. */
  const count = async (table: string) => {
    const [{ schema_name: schema }] = await db.query(`SELECT schema_name FROM core.operations WHERE key = $1`, [op]);
    return Number((await db.query(`SELECT count(*) AS n FROM "${schema}"."${table}"`))[0].n);
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('bulk');
    db = t.server.app.get(DataSource);
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Carga-masiva-2026' }, { token: first.body.accessToken });
    if (changed.status !== 200) throw new Error(JSON.stringify(changed.body));
    token = changed.body.accessToken;
    adminId = (await api('GET', '/api/v1/auth/me')).body.id;
    expect(adminId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await platform('POST', '/api/v1/modules', filas)).status).toBe(201);
  });
  afterAll(() => t.close());

  describe('insert', () => {
    it('writes the valid rows and reports each invalid one by its index and field path', async () => {
      const empresa = (await api('POST', '/api/v1/records/empresas', { nombre: 'Cooperativa Lechera del Valle', nit: '890300111-5' })).body;
      const rows: unknown[] = [
        { nombre: 'Camila', apellido: 'Herrera', tipo_documento: 'cc', documento: '1001', email: 'camila@example.co', ciudad: 'Cali', empresa: empresa.id },
        { nombre: 'Jorge', apellido: 'Mejía', tipo_documento: 'cc', documento: '1002', email: 'no-es-correo' },
        { nombre: 'Paula', apellido: 'Ríos', tipo_documento: 'cc', documento: '1003', fecha_nacimiento: '1988-07-04' },
        { apellido: 'Sin Nombre', tipo_documento: 'cc', documento: '1004', edad: 41 },
        'no soy un registro',
        { nombre: 'Intruso', id: '7d1f4a4e-0000-4000-8000-000000000001', documento: '1005' },
        { nombre: 'Fantasma', documento: '1006', empresa: '3f6c1d2e-1111-4222-8333-444455556666' },
        { nombre: 'Tomás', apellido: 'Quintero', tipo_documento: 'ce', documento: '1007', canal_preferido: 'whatsapp', owner: adminId },
      ];
      const before = await count('contactos');
      const result = await api('POST', '/api/v1/records/contactos/bulk', { rows });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ total: 8, inserted: 3, updated: 0, skipped: 5 });
      expect(result.body.errors.map(issues)).toEqual([
        [1, [['email', 'format.email']]],
        [
          3,
          expect.arrayContaining([
            ['nombre', 'required'],
            ['edad', 'unknownField'],
          ]),
        ],
        [4, [['', 'record']]],
        [5, [['id', 'systemField']]],
        [6, [['empresa', 'reference']]],
      ]);
      for (const error of result.body.errors) for (const issue of error.issues) expect(issue.message).toEqual({ es: expect.any(String), en: expect.any(String) });
      expect(await count('contactos')).toBe(before + 3);

      const [camila] = await byDocumento('1001');
      expect(camila).toMatchObject({ nombre: 'Camila', email: 'camila@example.co', ciudad: 'Cali', empresa: empresa.id, version: 1, owner: adminId, createdBy: adminId, autoriza_datos: false });
      expect((await byDocumento('1003'))[0]).toMatchObject({ nombre: 'Paula', fecha_nacimiento: '1988-07-04' });
      expect((await byDocumento('1007'))[0]).toMatchObject({ nombre: 'Tomás', canal_preferido: 'whatsapp' });
      for (const documento of ['1002', '1004', '1005', '1006']) expect(await byDocumento(documento)).toEqual([]);
    });

    it('refuses a unique value taken by a live record or by an earlier row of the same load', async () => {
      expect((await api('POST', '/api/v1/records/empresas', { nombre: 'Ya Existe S.A.S.', nit: '900000001-1' })).status).toBe(201);
      const result = await api('POST', '/api/v1/records/empresas/bulk', {
        rows: [
          { nombre: 'Nueva Uno', nit: '900000002-2' },
          { nombre: 'Choca con la base', nit: '900000001-1' },
          { nombre: 'Repite la fila 0', nit: '900000002-2' },
          { nombre: 'Nueva Dos', nit: '900000003-3' },
        ],
      });
      expect(result.body).toMatchObject({ total: 4, inserted: 2, skipped: 2 });
      expect(result.body.errors.map(issues)).toEqual([
        [1, [['nit', 'unique']]],
        [2, [['nit', 'unique']]],
      ]);
      const nits = (await api('POST', '/api/v1/records/empresas/query', { filter: { field: 'nit', op: 'in', value: ['900000001-1', '900000002-2', '900000003-3'] }, sort: [{ field: 'nit' }] })).body
        .items;
      expect(nits.map((r: Row) => [r.nit, r.nombre])).toEqual([
        ['900000001-1', 'Ya Existe S.A.S.'],
        ['900000002-2', 'Nueva Uno'],
        ['900000003-3', 'Nueva Dos'],
      ]);
    });

    it('runs the same pipeline as single writes: autonumbers, defaults, formulas and rules', async () => {
      const result = await api('POST', '/api/v1/records/casos/bulk', {
        rows: [
          { tipo: 'queja', asunto: 'Cobro doble' },
          { tipo: 'peticion', asunto: 'Solucionado sin solución', estado: 'solucionado' },
          { tipo: 'reclamo', asunto: 'Sin señal', estado: 'en_proceso', prioridad: 'alta' },
        ],
      });
      expect(result.body).toMatchObject({ inserted: 2, skipped: 1 });
      expect(result.body.errors.map(issues)).toEqual([[1, [['solucion', 'required']]]]);
      const casos = (await api('POST', '/api/v1/records/casos/query', { sort: [{ field: 'numero' }] })).body.items;
      // The refused row takes no number.
      expect(casos.map((c: Row) => [c.numero, c.prefijo, c.asunto, c.estado, c.prioridad])).toEqual([
        ['CAS-000001', 'QUE-000001', 'Cobro doble', 'nuevo', 'media'],
        ['CAS-000002', 'REC-000002', 'Sin señal', 'en_proceso', 'alta'],
      ]);
    });
  });

  describe('upsert by a key field', () => {
    it('inserts new keys, updates changed records, leaves unchanged ones alone and reports bad rows', async () => {
      const seed = await api('POST', '/api/v1/records/contactos/bulk', {
        rows: [
          { nombre: 'Rosa', apellido: 'Luna', documento: '2001', ciudad: 'Lima' },
          { nombre: 'Iván', apellido: 'Soto', documento: '2002', ciudad: 'Quito' },
          { nombre: 'Nora', apellido: 'Paz', documento: '2003', ciudad: 'Cusco' },
        ],
      });
      expect(seed.body).toMatchObject({ inserted: 3, errors: [] });
      const [rosa] = await byDocumento('2001');
      const [ivan] = await byDocumento('2002');
      const [nora] = await byDocumento('2003');

      const result = await api('POST', '/api/v1/records/contactos/bulk', {
        mode: 'upsert',
        keyField: 'documento',
        rows: [
          { documento: '2001', ciudad: 'Arequipa', cargo: 'Jefa de compras' },
          { documento: '2002', nombre: 'Iván', ciudad: 'Quito' },
          { documento: '2004', nombre: 'Elsa', apellido: 'Vera', ciudad: 'Sucre' },
          { documento: '2001', ciudad: 'Trujillo' },
          { nombre: 'Sin clave' },
          { documento: '2003', email: 'nora-arroba' },
          { documento: 2005, nombre: 'Clave numérica' },
        ],
      });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ total: 7, inserted: 1, updated: 1, skipped: 5 });
      expect(result.body.errors.map(issues)).toEqual([
        [3, [['documento', 'duplicateKey']]],
        [4, [['documento', 'required']]],
        [5, [['email', 'format.email']]],
        [6, [['documento', 'invalid']]],
      ]);

      const [rosaNow] = await byDocumento('2001');
      expect(rosaNow).toMatchObject({ id: rosa.id, version: 2, nombre: 'Rosa', apellido: 'Luna', ciudad: 'Arequipa', cargo: 'Jefa de compras', updatedBy: adminId });
      expect(await byDocumento('2002')).toEqual([ivan]);
      expect(await byDocumento('2003')).toEqual([nora]);
      const [elsa] = await byDocumento('2004');
      expect(elsa).toMatchObject({ nombre: 'Elsa', apellido: 'Vera', ciudad: 'Sucre', version: 1 });
      expect(await byDocumento('2005')).toEqual([]);

      // Only the real change is history: one entry per changed field, none for the unchanged record.
      const rosaHistory = await history('contactos', rosa.id);
      expect(
        rosaHistory
          .filter((h) => h.action === 'update')
          .map((h) => [h.field, h.oldValue, h.newValue])
          .sort(),
      ).toEqual([
        ['cargo', null, 'Jefa de compras'],
        ['ciudad', 'Lima', 'Arequipa'],
      ]);
      expect((await history('contactos', ivan.id)).map((h) => h.action)).toEqual(['create']);
      expect((await history('contactos', nora.id)).map((h) => h.action)).toEqual(['create']);
    });

    it('refuses a key two live records share, and works on a unique key of another type', async () => {
      await api('POST', '/api/v1/records/contactos', { nombre: 'Gemelo A', documento: '3001' });
      await api('POST', '/api/v1/records/contactos', { nombre: 'Gemelo B', documento: '3001' });
      const ambiguous = await api('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'documento', rows: [{ documento: '3001', ciudad: 'Montevideo' }] });
      expect(ambiguous.body).toMatchObject({ inserted: 0, updated: 0, skipped: 1 });
      expect(ambiguous.body.errors.map(issues)).toEqual([[0, [['documento', 'ambiguousKey']]]]);
      expect((await byDocumento('3001')).map((r) => r.ciudad)).toEqual([null, null]);

      // Once one twin is deleted the key names one live record again.
      const [twinA] = await byDocumento('3001');
      await api('DELETE', `/api/v1/records/contactos/${twinA.id}`);
      const single = await api('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'documento', rows: [{ documento: '3001', ciudad: 'Montevideo' }] });
      expect(single.body).toMatchObject({ inserted: 0, updated: 1, errors: [] });
      expect((await byDocumento('3001')).map((r) => [r.nombre, r.ciudad])).toEqual([['Gemelo B', 'Montevideo']]);

      const codes = await api('POST', '/api/v1/records/filas/bulk', {
        rows: [
          { codigo: 'K1', valor: 1 },
          { codigo: 'K2', valor: 2 },
        ],
      });
      expect(codes.body).toMatchObject({ inserted: 2 });
      const upsert = await api('POST', '/api/v1/records/filas/bulk', {
        mode: 'upsert',
        keyField: 'codigo',
        rows: [
          { codigo: 'K2', valor: 20 },
          { codigo: 'K3', valor: 3 },
        ],
      });
      expect(upsert.body).toMatchObject({ inserted: 1, updated: 1, errors: [] });
      const rows = (await api('POST', '/api/v1/records/filas/query', { filter: { field: 'codigo', op: 'in', value: ['K1', 'K2', 'K3'] }, sort: [{ field: 'codigo' }] })).body.items;
      expect(rows.map((r: Row) => [r.codigo, r.valor, r.version])).toEqual([
        ['K1', 1, 1],
        ['K2', 20, 2],
        ['K3', 3, 1],
      ]);
    });

    it('refuses a bad request as a whole with 400 and writes nothing', async () => {
      const before = await count('contactos');
      const cases: [unknown, [string, string][]][] = [
        [{ mode: 'upsert', rows: [{ documento: '9001', nombre: 'X' }] }, [['keyField', 'required']]],
        [{ mode: 'upsert', keyField: 'apodo', rows: [{ nombre: 'X' }] }, [['keyField', 'unknownField']]],
        [{ mode: 'upsert', keyField: 'descripcion', rows: [{ nombre: 'X', descripcion: 'larga' }] }, [['keyField', 'keyFieldType']]],
        [{ mode: 'upsert', keyField: 'autoriza_datos', rows: [{ nombre: 'X' }] }, [['keyField', 'keyFieldType']]],
      ];
      for (const [body, expected] of cases) {
        const response = await api('POST', '/api/v1/records/contactos/bulk', body);
        expect([body, response.status]).toEqual([body, 400]);
        expect(response.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual(expected);
      }
      const shapes: [unknown, string[]][] = [
        [{ rows: 'x' }, ['rows']],
        [{}, ['rows']],
        [{ rows: [], mode: 'merge' }, ['mode']],
        [{ rows: [], keyField: 7 }, ['keyField']],
        [[{ nombre: 'X' }], ['rows']],
      ];
      for (const [body, paths] of shapes) {
        const response = await api('POST', '/api/v1/records/contactos/bulk', body);
        expect([body, response.status]).toEqual([body, 400]);
        expect(response.body).toMatchObject({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) } });
        expect([body, [...new Set(response.body.details.map((d: { path: string }) => d.path))]]).toEqual([body, expect.arrayContaining(paths)]);
      }
      expect((await api('POST', '/api/v1/records/no_existe/bulk', { rows: [] })).status).toBe(404);
      expect(await count('contactos')).toBe(before);
    });
  });

  describe('row limit', () => {
    it('writes 10,000 rows in one call and refuses 10,001 whole, writing none', async () => {
      const rows = Array.from({ length: 10_001 }, (_, i) => ({ codigo: `L${String(i).padStart(5, '0')}`, valor: i }));
      const before = await count('filas');
      const refused = await api('POST', '/api/v1/records/filas/bulk', { rows });
      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ code: 'too_many_rows', message: { es: expect.stringContaining('10000'), en: expect.stringContaining('10000') } });
      expect(refused.body.details).toEqual([expect.objectContaining({ path: 'rows', code: 'maxItems' })]);
      expect(await count('filas')).toBe(before);

      const accepted = await api('POST', '/api/v1/records/filas/bulk', { rows: rows.slice(0, 10_000) });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ total: 10_000, inserted: 10_000, updated: 0, skipped: 0, errors: [] });
      expect(await count('filas')).toBe(before + 10_000);
      const [last] = (await api('POST', '/api/v1/records/filas/query', { filter: { field: 'codigo', op: 'eq', value: 'L09999' } })).body.items;
      expect(last).toMatchObject({ codigo: 'L09999', valor: 9999, version: 1 });
      const audited = await db.query(
        `SELECT count(*) AS n FROM core.audit a JOIN core.operations o ON o.id = a.operation_id WHERE o.key = $1 AND a.module = 'filas' AND a.action = 'create' AND a.user_id = $2`,
        [op, adminId],
      );
      expect(Number(audited[0].n)).toBeGreaterThanOrEqual(10_000);
    }, 300_000);
  });

  describe('history (R3)', () => {
    it('shows who, when, action, field, old and new value of single writes, through delete and restore', async () => {
      const started = Date.now();
      const created = (await api('POST', '/api/v1/records/contactos', { nombre: 'Hilda', apellido: 'Castro', ciudad: 'Neiva', documento: '5001' })).body;
      const updated = (await api('PATCH', `/api/v1/records/contactos/${created.id}`, { version: 1, ciudad: 'Pitalito', cargo: 'Analista', apellido: 'Castro' })).body;
      expect(updated.version).toBe(2);
      expect((await api('PATCH', `/api/v1/records/contactos/${created.id}`, { version: 2, cargo: null })).body.version).toBe(3);
      expect((await api('DELETE', `/api/v1/records/contactos/${created.id}`)).status).toBe(200);

      // A deleted record keeps its history.
      const afterDelete = await history('contactos', created.id);
      expect(afterDelete.map((h) => h.action)).toEqual(['delete', 'update', 'update', 'update', 'create']);
      expect((await t.api('POST', `/api/v1/records/contactos/${created.id}/restore`, undefined, { operation: op })).status).toBe(200);

      const items = await history('contactos', created.id);
      // Newest first; the restore was made with the platform token, so it has no user.
      expect(items.map((h) => [h.action, h.field, h.oldValue, h.newValue, h.userId])).toEqual([
        ['restore', null, null, null, null],
        ['delete', null, null, null, adminId],
        ['update', 'cargo', 'Analista', null, adminId],
        // One PATCH, one entry per field it changed (written in the definition's field order); the unchanged surname has none.
        ['update', 'ciudad', 'Neiva', 'Pitalito', adminId],
        ['update', 'cargo', null, 'Analista', adminId],
        ['create', null, null, expect.objectContaining({ id: created.id, nombre: 'Hilda', ciudad: 'Neiva', version: 1 }), adminId],
      ]);
      const ids = items.map((h) => h.id);
      expect([...ids].sort((a, b) => b - a)).toEqual(ids);
      for (const item of items) {
        expect(Date.parse(item.at)).toBeGreaterThanOrEqual(started - 1000);
        expect(Date.parse(item.at)).toBeLessThanOrEqual(Date.now() + 1000);
        expect(item.jobId).toBeNull();
        expect(item.userName).toEqual(item.userId ? 'Administrador' : null);
      }
      const ats = items.map((h) => Date.parse(h.at));
      expect([...ats].sort((a, b) => b - a)).toEqual(ats);

      // Pages by cursor, newest first.
      const first = await api('GET', `/api/v1/records/contactos/${created.id}/history?limit=4`);
      expect(first.body).toMatchObject({ total: 6, nextCursor: String(items[3].id) });
      const second = await api('GET', `/api/v1/records/contactos/${created.id}/history?limit=4&cursor=${first.body.nextCursor}`);
      expect([...first.body.items, ...second.body.items].map((h: HistoryItem) => h.id)).toEqual(ids);
      expect(second.body.nextCursor).toBeNull();
      expect((await api('GET', `/api/v1/records/contactos/${created.id}/history?limit=0`)).status).toBe(400);
    });

    it('keeps bulk inserts and bulk upserts in the history with their user', async () => {
      const inserted = await api('POST', '/api/v1/records/contactos/bulk', { rows: [{ nombre: 'Bruna', documento: '6001', ciudad: 'Salta' }] });
      expect(inserted.body.inserted).toBe(1);
      const [bruna] = await byDocumento('6001');
      const upserted = await api('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'documento', rows: [{ documento: '6001', ciudad: 'Jujuy', movil: '+54 9 388 555 0101' }] });
      expect(upserted.body).toMatchObject({ updated: 1, inserted: 0 });

      const items = await history('contactos', bruna.id);
      expect(items.map((h) => [h.action, h.field, h.oldValue, h.newValue, h.userId, h.jobId])).toEqual([
        ['update', 'ciudad', 'Salta', 'Jujuy', adminId, null],
        ['update', 'movil', null, '+54 9 388 555 0101', adminId, null],
        ['create', null, null, expect.objectContaining({ id: bruna.id, nombre: 'Bruna', ciudad: 'Salta', documento: '6001' }), adminId, null],
      ]);
      expect(new Set(items.slice(0, 2).map((h) => h.at)).size).toBe(1);
    });

    it('answers 404 for the history of a record that never existed', async () => {
      const missing = await api('GET', '/api/v1/records/contactos/0e9a1c55-7777-4888-9999-aaaabbbbcccc/history');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ code: 'record_not_found', details: [] });
    });
  });
});
