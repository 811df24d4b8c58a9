import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

/** Record CRUD on catalog modules through HTTP: validation, optimistic locking, soft delete, autonumbers, formulas, plugins. */
describe('records API: create, read, update, delete, restore', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const paths = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => [d.path, d.code]);

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('crud');
  });
  afterAll(() => t.close());

  it('creates a contact with its system fields and reads it back in the API shapes', async () => {
    const created = await api('POST', '/api/v1/records/contactos', {
      nombre: 'Valentina',
      apellido: 'Ospina Restrepo',
      tipo_documento: 'cc',
      documento: '1036654321',
      fecha_nacimiento: '1991-02-28',
      email: 'valentina.ospina@example.co',
      movil: '+57 300 555 1234',
      canal_preferido: 'whatsapp',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      version: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updatedAt: created.body.createdAt,
      createdBy: null,
      owner: null,
      assignee: null,
      nombre: 'Valentina',
      fecha_nacimiento: '1991-02-28',
      // defaults of the definition
      autoriza_datos: false,
      no_contactar: false,
    });
    const read = await api('GET', `/api/v1/records/contactos/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it('answers invalid values with 400 and the path of each field', async () => {
    const bad = await api('POST', '/api/v1/records/contactos', { apellido: 'Sin Nombre', email: 'no-es-correo', fecha_nacimiento: '1990-13-01', tipo_documento: 'cc', edad: 30 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(paths(bad.body)).toEqual(
      expect.arrayContaining([
        ['nombre', 'required'],
        ['email', 'format.email'],
        ['fecha_nacimiento', 'format.date'],
        ['edad', 'unknownField'],
        // documento is required because tipo_documento is filled
        ['documento', 'required'],
      ]),
    );
    expect(bad.body.details[0].message).toEqual({ es: expect.any(String), en: expect.any(String) });
    const list = await api('POST', '/api/v1/records/contactos/query', { filter: { field: 'apellido', op: 'eq', value: 'Sin Nombre' } });
    expect(list.body.total).toBe(0);

    const notObject = await api('POST', '/api/v1/records/contactos', ['nombre']);
    expect(notObject.status).toBe(400);
    expect(paths(notObject.body)).toEqual([['', 'record']]);
  });

  it('refuses system fields in the body by name; version is only the lock token of PATCH', async () => {
    for (const key of ['id', 'createdAt', 'updatedBy', 'version', 'deletedAt']) {
      const refused = await api('POST', '/api/v1/records/contactos', { nombre: 'Sistema', [key]: key === 'version' ? 3 : 'x' });
      expect([key, refused.status]).toEqual([key, 400]);
      expect(paths(refused.body)).toEqual([[key, 'systemField']]);
    }
  });

  it('updates with the version as lock, and a stale version gets 409 with the current record and changes nothing', async () => {
    const created = (await api('POST', '/api/v1/records/contactos', { nombre: 'Martín', apellido: 'Gómez', ciudad: 'Córdoba', pais: 'Argentina' })).body;
    const noVersion = await api('PATCH', `/api/v1/records/contactos/${created.id}`, { ciudad: 'Rosario' });
    expect(noVersion.status).toBe(400);
    expect(paths(noVersion.body)).toEqual([['version', 'required']]);
    const badVersion = await api('PATCH', `/api/v1/records/contactos/${created.id}`, { ciudad: 'Rosario', version: 'uno' });
    expect(paths(badVersion.body)).toEqual([['version', 'type']]);

    const updated = await api('PATCH', `/api/v1/records/contactos/${created.id}`, { version: 1, ciudad: 'Rosario', cargo: 'Supervisor' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, ciudad: 'Rosario', cargo: 'Supervisor', nombre: 'Martín', createdAt: created.createdAt });
    expect(Date.parse(updated.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

    const historyBefore = (await api('GET', `/api/v1/records/contactos/${created.id}/history`)).body.total;
    const stale = await api('PATCH', `/api/v1/records/contactos/${created.id}`, { version: 1, ciudad: 'Mendoza' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2, current: { id: created.id, version: 2, ciudad: 'Rosario' } });
    expect(stale.body.message).toEqual({ es: expect.any(String), en: expect.any(String) });
    const after = await api('GET', `/api/v1/records/contactos/${created.id}`);
    expect(after.body).toEqual(updated.body);
    expect((await api('GET', `/api/v1/records/contactos/${created.id}/history`)).body.total).toBe(historyBefore);

    // Sending the stored values again changes nothing: same version, no history.
    const same = await api('PATCH', `/api/v1/records/contactos/${created.id}`, { version: 2, ciudad: 'Rosario' });
    expect(same.status).toBe(200);
    expect(same.body.version).toBe(2);
  });

  it('answers 404 for ids that are not UUIDs, unknown records and unknown modules', async () => {
    const missing = '7d1f4a4e-0000-4000-8000-000000000001';
    const cases: [string, string, unknown?][] = [
      ['GET', '/api/v1/records/contactos/123'],
      ['GET', `/api/v1/records/contactos/${missing}`],
      ['PATCH', '/api/v1/records/contactos/no-es-uuid', { version: 1 }],
      ['PATCH', `/api/v1/records/contactos/${missing}`, { version: 1, ciudad: 'x' }],
      ['DELETE', '/api/v1/records/contactos/abc'],
      ['DELETE', `/api/v1/records/contactos/${missing}`],
      ['POST', '/api/v1/records/contactos/abc/restore'],
      ['POST', `/api/v1/records/contactos/${missing}/restore`],
      ['GET', '/api/v1/records/contactos/abc/history'],
      ['GET', `/api/v1/records/contactos/${missing}/history`],
      ['GET', '/api/v1/records/no_existe'],
      ['POST', '/api/v1/records/no_existe', { nombre: 'x' }],
      ['POST', '/api/v1/records/no_existe/query', {}],
    ];
    for (const [method, path, body] of cases) {
      const response = await api(method, path, body);
      expect([method, path, response.status]).toEqual([method, path, 404]);
      expect(response.body).toEqual(expect.objectContaining({ code: expect.any(String), message: { es: expect.any(String), en: expect.any(String) }, details: [] }));
    }
  });

  it('soft deletes: the record leaves reads and queries, restore brings it back', async () => {
    const created = (await api('POST', '/api/v1/records/empresas', { nombre: 'Transportes del Sur S.A.', nit: '900123456-1', tipo: 'cliente' })).body;
    const findByNit = async (scope = '') => (await api('POST', `/api/v1/records/empresas/query${scope}`, { filter: { field: 'nit', op: 'eq', value: '900123456-1' } })).body;

    const deleted = await api('DELETE', `/api/v1/records/empresas/${created.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ id: created.id, version: 2, deletedAt: expect.any(String) });
    expect((await api('GET', `/api/v1/records/empresas/${created.id}`)).status).toBe(404);
    expect((await findByNit()).items).toEqual([]);
    expect((await api('GET', '/api/v1/records/empresas?q=Transportes')).body.items).toEqual([]);
    expect((await findByNit('?deleted=only')).items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await api('PATCH', `/api/v1/records/empresas/${created.id}`, { version: 2, tipo: 'aliado' })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/records/empresas/${created.id}`)).status).toBe(404);

    // The unique nit of a deleted company is free again; restoring the old one would then collide.
    const other = await api('POST', '/api/v1/records/empresas', { nombre: 'Otra con el mismo NIT', nit: '900123456-1' });
    expect(other.status).toBe(201);
    const collide = await api('POST', `/api/v1/records/empresas/${created.id}/restore`);
    expect(collide.status).toBe(409);
    expect(paths(collide.body)).toEqual([['nit', 'unique']]);
    await api('DELETE', `/api/v1/records/empresas/${other.body.id}`);

    const restored = await api('POST', `/api/v1/records/empresas/${created.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: created.id, version: 3, nombre: 'Transportes del Sur S.A.' });
    expect(restored.body).not.toHaveProperty('deletedAt');
    expect((await api('GET', `/api/v1/records/empresas/${created.id}`)).body.version).toBe(3);
    expect((await findByNit()).items.map((r: { id: string }) => r.id)).toEqual([created.id]);
    expect((await api('POST', `/api/v1/records/empresas/${created.id}/restore`)).status).toBe(409);
  });

  it('deletes with an optional version check', async () => {
    const created = (await api('POST', '/api/v1/records/empresas', { nombre: 'Lácteos La Pampa' })).body;
    const stale = await api('DELETE', `/api/v1/records/empresas/${created.id}?version=7`);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await api('GET', `/api/v1/records/empresas/${created.id}`)).status).toBe(200);
    expect((await api('DELETE', `/api/v1/records/empresas/${created.id}?version=1`)).status).toBe(200);
  });

  it('refuses a taken unique value with 409 on its field', async () => {
    expect((await api('POST', '/api/v1/records/empresas', { nombre: 'Café de Altura', nit: '800555000-2' })).status).toBe(201);
    const duplicate = await api('POST', '/api/v1/records/empresas', { nombre: 'Café de Altura SAS', nit: '800555000-2' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('duplicate_value');
    expect(paths(duplicate.body)).toEqual([['nit', 'unique']]);
  });

  it('checks lookups and users: they must point at live records and users of the operation', async () => {
    const ghost = '3f6c1d2e-1111-4222-8333-444455556666';
    const badLookup = await api('POST', '/api/v1/records/contactos', { nombre: 'Lucía', empresa: ghost });
    expect(badLookup.status).toBe(400);
    expect(paths(badLookup.body)).toEqual([['empresa', 'reference']]);
    const badUser = await api('POST', '/api/v1/records/contactos', { nombre: 'Lucía', propietario: ghost, owner: ghost });
    expect(paths(badUser.body).sort()).toEqual([
      ['owner', 'user'],
      ['propietario', 'user'],
    ]);

    const [admin] = await t.server.app.get(DataSource).query(`SELECT u.id FROM core.users u JOIN core.operations o ON o.id = u.operation_id WHERE o.key = $1`, [op]);
    const empresa = (await api('POST', '/api/v1/records/empresas', { nombre: 'Distribuidora Andina' })).body;
    const good = await api('POST', '/api/v1/records/contactos', { nombre: 'Lucía', empresa: empresa.id, propietario: admin.id, owner: admin.id, assignee: admin.id });
    expect(good.status).toBe(201);
    expect(good.body).toMatchObject({ empresa: empresa.id, propietario: admin.id, owner: admin.id, assignee: admin.id });
    const reassigned = await api('PATCH', `/api/v1/records/contactos/${good.body.id}`, { version: 1, assignee: null });
    expect(reassigned.body).toMatchObject({ version: 2, assignee: null, owner: admin.id });
  });

  describe('casos', () => {
    it('numbers cases CAS-000001 style and computes the prefix formula from the number', async () => {
      const first = await api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Cambio de plan de datos' });
      const second = await api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Cobro doble en la factura', canal: 'whatsapp' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ numero: 'CAS-000001', prefijo: 'PET-000001', estado: 'nuevo', prioridad: 'media', dependencia: 'independiente' });
      expect(second.body).toMatchObject({ numero: 'CAS-000002', prefijo: 'QUE-000002' });
      const writeNumber = await api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'x', numero: 'CAS-999999' });
      expect(paths(writeNumber.body)).toEqual([['numero', 'readOnly']]);
      // A refused case takes no number.
      expect((await api('POST', '/api/v1/records/casos', { tipo: 'reclamo', asunto: 'Sin servicio' })).body.numero).toBe('CAS-000003');
    });

    it('requires the solution only when the case is solved', async () => {
      const solvedWithout = await api('POST', '/api/v1/records/casos', { tipo: 'reclamo', asunto: 'Sin señal', estado: 'solucionado' });
      expect(solvedWithout.status).toBe(400);
      expect(paths(solvedWithout.body)).toEqual([['solucion', 'required']]);

      const open = await api('POST', '/api/v1/records/casos', { tipo: 'reclamo', asunto: 'Sin señal en Medellín', estado: 'en_proceso' });
      expect(open.status).toBe(201);
      const solveWithout = await api('PATCH', `/api/v1/records/casos/${open.body.id}`, { version: 1, estado: 'solucionado' });
      expect(solveWithout.status).toBe(400);
      expect(paths(solveWithout.body)).toEqual([['solucion', 'required']]);
      const solved = await api('PATCH', `/api/v1/records/casos/${open.body.id}`, { version: 1, estado: 'solucionado', solucion: 'Se reinició la antena del sector.' });
      expect(solved.status).toBe(200);
      expect(solved.body).toMatchObject({ estado: 'solucionado', solucion: 'Se reinició la antena del sector.', version: 2 });
      // The formula and the number do not move on update.
      expect(solved.body.numero).toBe(open.body.numero);
      const reopenKeepsSolution = await api('PATCH', `/api/v1/records/casos/${open.body.id}`, { version: 2, estado: 'activo' });
      expect(reopenKeepsSolution.status).toBe(200);
    });

    it('refuses a dependency on a case that does not exist', async () => {
      const orphan = await api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Depende', dependencia: 'dependiente', depende_de: '0e9a1c55-7777-4888-9999-aaaabbbbcccc' });
      expect(paths(orphan.body)).toEqual([['depende_de', 'reference']]);
      const needsParent = await api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Depende', dependencia: 'dependiente' });
      expect(paths(needsParent.body)).toEqual([['depende_de', 'required']]);
    });
  });

  describe('cotizaciones', () => {
    let licencia: string;
    let diadema: string;

    beforeAll(async () => {
      licencia = (
        await api('POST', '/api/v1/records/productos', {
          nombre: 'Licencia contact center',
          codigo: 'LIC-CC-01',
          categoria: 'software',
          tipo_pago: 'mensual',
          precio_unitario: '95000',
          impuesto: 19,
          listas_precios: [{ lista: 'Colombia COP', lugar: 'Colombia', moneda: 'COP', precio: '89900' }],
          rangos_cantidad: [{ desde: 10, hasta: 49, descuento: 5 }],
        })
      ).body.id;
      diadema = (
        await api('POST', '/api/v1/records/productos', { nombre: 'Diadema USB', codigo: 'DIA-USB-02', categoria: 'accesorio', tipo_pago: 'unica_vez', precio_unitario: '185990.50', impuesto: 5 })
      ).body.id;
    });

    it('computes line amounts and totals with the quote-totals plugin, to the cent', async () => {
      const quote = await api('POST', '/api/v1/records/cotizaciones', {
        asunto: 'Plan 23 puestos Bogotá',
        lista_precios: 'Colombia COP',
        lineas: [
          { producto: licencia, cantidad: 23 },
          { producto: diadema, cantidad: 12 },
        ],
      });
      expect(quote.status).toBe(201);
      /*
       * 1. 89,900.00 × 23 = 2,067,700.00; range 10–49 → 5 % = 103,385.00; VAT 19 % of 1,964,315.00 = 373,219.85 → 2,337,534.85
       * 2. no "Colombia COP" row → 185,990.50 × 12 = 2,231,886.00; no range; tax 5 % = 111,594.30 → 2,343,480.30
       */
      expect(quote.body).toMatchObject({
        numero: 'COT-000001',
        estado: 'borrador',
        subtotal: '4299586.00',
        descuento_total: '103385.00',
        impuesto_total: '484814.15',
        total: '4681015.15',
      });
      expect(quote.body.lineas).toEqual([
        expect.objectContaining({ producto: licencia, tipo_costo: 'mensual', precio_lista: '89900.00', importe: '2067700.00', descuento: '5', impuesto: '19', total: '2337534.85' }),
        expect.objectContaining({ producto: diadema, tipo_costo: 'unica_vez', precio_lista: '185990.50', importe: '2231886.00', descuento: '0', impuesto: '5', total: '2343480.30' }),
      ]);

      // Changing a quantity re-prices; editing the subject does not.
      const lines = quote.body.lineas.map((line: Record<string, unknown>, i: number) => (i === 1 ? { ...line, cantidad: 1 } : line));
      const repriced = await api('PATCH', `/api/v1/records/cotizaciones/${quote.body.id}`, { version: 1, lineas: lines });
      expect(repriced.status).toBe(200);
      // 185,990.50 + 5 % = 9,299.53 (9,299.525 rounded half up) → 195,290.03
      expect(repriced.body).toMatchObject({ version: 2, subtotal: '2253690.50', total: '2532824.88' });
      const renamed = await api('PATCH', `/api/v1/records/cotizaciones/${quote.body.id}`, { version: 2, asunto: 'Plan 23 puestos Bogotá (rev. 2)' });
      expect(renamed.body).toMatchObject({ version: 3, total: '2532824.88' });

      const writeTotal = await api('PATCH', `/api/v1/records/cotizaciones/${quote.body.id}`, { version: 3, total: '1.00' });
      expect(writeTotal.status).toBe(200);
      expect(writeTotal.body.total).toBe('2532824.88');
    });

    it('reports line problems with their paths and refuses an accepted quote without products', async () => {
      const noProduct = await api('POST', '/api/v1/records/cotizaciones', { asunto: 'Incompleta', lista_precios: 'Colombia COP', lineas: [{ cantidad: 2 }] });
      expect(noProduct.status).toBe(400);
      expect(paths(noProduct.body)).toContainEqual(['lineas[0].producto', 'required']);
      const accepted = await api('POST', '/api/v1/records/cotizaciones', { asunto: 'Aceptada vacía', estado: 'aceptada' });
      expect(accepted.status).toBe(400);
      expect(paths(accepted.body)).toEqual([['lineas', 'rule.aceptada_con_productos']]);
    });
  });
});
