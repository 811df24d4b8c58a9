import jsonLogic from 'json-logic-js';
import collectionsClearFields from '../../plugins/collections-clear-fields/plugin';
import quoteTotals from '../../plugins/quote-totals/plugin';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, any>;

/**
 * The one write pipeline (issue: one write path): every stage runs once per
 * record on create, update and bulk; plugin actions commit their patch and the
 * records they create together, or nothing; plugin-computed fields are served
 * on reads; a new gestión clears its collection record however it is created.
 */
describe('record write pipeline, plugin actions and computed fields', () => {
  let t: TestServer;
  let op: string;
  const api = (method: string, path: string, body?: unknown, token?: string) => t.api(method, path, body, token ? { token } : { operation: op });
  const paths = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => [d.path, d.code]);

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('pipe');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('each stage runs once per record', () => {
    // The case prefix is the only formula of `casos`: evaluations of its JsonLogic count the formula stage.
    let prefix: string;
    beforeAll(async () => {
      const casos = (await api('GET', '/api/v1/modules/casos')).body;
      prefix = JSON.stringify((casos.definition ?? casos).fields.find((f: Row) => f.key === 'prefijo').formula);
    });
    const prefixEvaluations = (spy: jest.SpyInstance) => spy.mock.calls.filter(([logic]) => JSON.stringify(logic) === prefix).length;

    it('computes formulas once per record on create, update and bulk', async () => {
      const spy = jest.spyOn(jsonLogic, 'apply');
      const created = await api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Cobro doble' });
      expect(created.status).toBe(201);
      expect(created.body.prefijo).toMatch(/^QUE-\d{6}$/);
      expect(prefixEvaluations(spy)).toBe(1);

      spy.mockClear();
      const updated = await api('PATCH', `/api/v1/records/casos/${created.body.id}`, { version: 1, tipo: 'reclamo' });
      expect(updated.status).toBe(200);
      expect(updated.body.prefijo).toBe(created.body.prefijo.replace('QUE', 'REC'));
      expect(prefixEvaluations(spy)).toBe(1);

      spy.mockClear();
      const bulk = await api('POST', '/api/v1/records/casos/bulk', {
        rows: [
          { tipo: 'peticion', asunto: 'a' },
          { tipo: 'queja', asunto: 'b' },
          { tipo: 'reclamo', asunto: 'c' },
        ],
      });
      expect(bulk.body).toMatchObject({ inserted: 3, skipped: 0 });
      expect(prefixEvaluations(spy)).toBe(3);
    });

    it('runs each plugin hook once per record on create, update and bulk', async () => {
      const beforeValidate = jest.spyOn(quoteTotals.hooks!, 'beforeValidate');
      const beforeSave = jest.spyOn(quoteTotals.hooks!, 'beforeSave');
      const counts = () => [beforeValidate.mock.calls.length, beforeSave.mock.calls.length];

      const quote = await api('POST', '/api/v1/records/cotizaciones', { asunto: 'Plan 5 puestos' });
      expect(quote.status).toBe(201);
      expect(counts()).toEqual([1, 1]);
      await api('PATCH', `/api/v1/records/cotizaciones/${quote.body.id}`, { version: 1, asunto: 'Plan 6 puestos' });
      expect(counts()).toEqual([2, 2]);
      const bulk = await api('POST', '/api/v1/records/cotizaciones/bulk', { rows: [{ asunto: 'Uno' }, { asunto: 'Dos' }] });
      expect(bulk.body).toMatchObject({ inserted: 2 });
      expect(counts()).toEqual([4, 4]);
    });

    it('runs afterSave once per record, also for rows of a bulk load', async () => {
      const afterSave = jest.spyOn(collectionsClearFields.hooks!, 'afterSave');
      const bulk = await api('POST', '/api/v1/records/gestiones/bulk', { rows: [1, 2, 3].map((n) => ({ fecha: `2025-07-1${n}T10:00:00Z`, canal: 'telefono' })) });
      expect(bulk.body).toMatchObject({ inserted: 3 });
      expect(afterSave).toHaveBeenCalledTimes(3);
      expect(afterSave.mock.calls.map(([context]) => context.record.id).sort()).toHaveLength(3);
    });
  });

  describe('collections-clear-fields', () => {
    const FILE = {
      nombre_deudor: 'Ana Pérez',
      documento: '1020304050',
      telefono: '+57 300 123 4567',
      monto_total: '4850000',
      monto_vencido: '1250000',
      compromiso_pago_fecha: '2025-07-15',
      compromiso_pago_monto: '500000',
      observacion_gestion: 'Promete abonar el 15 de julio tras recibir la prima.',
      obligaciones: [
        { id_obligacion: 'TC-8841', nombre: 'Tarjeta de crédito Oro', saldo: '2350000', compromiso: '300000', nota_obligacion: 'Abona con la prima' },
        { id_obligacion: 'LB-1203', nombre: 'Crédito libre inversión', saldo: '1800000', compromiso: '200000', nota_obligacion: 'Segunda cuota en agosto' },
      ],
    };
    const cleared = (record: Row) => ({
      compromiso_pago_fecha: record.compromiso_pago_fecha,
      compromiso_pago_monto: record.compromiso_pago_monto,
      observacion_gestion: record.observacion_gestion,
      obligaciones: record.obligaciones.map((o: Row) => [o.id_obligacion, o.saldo, o.compromiso, o.nota_obligacion]),
    });
    // Sub-table rows keep every other column as it was sent.
    const EMPTY = {
      compromiso_pago_fecha: null,
      compromiso_pago_monto: null,
      observacion_gestion: null,
      obligaciones: [
        ['TC-8841', '2350000', null, null],
        ['LB-1203', '1800000', null, null],
      ],
    };
    const newFile = async () => {
      const created = await api('POST', '/api/v1/records/cobranza', FILE);
      expect([created.status, created.body.code]).toEqual([201, undefined]);
      return created.body as Row;
    };

    it('lists the action with its input schema', async () => {
      const offered = await api('GET', '/api/v1/records/cobranza/actions');
      expect(offered.status).toBe(200);
      expect(offered.body.actions).toEqual([
        expect.objectContaining({
          plugin: 'collections-clear-fields',
          key: 'registrar_gestion',
          label: { es: 'Registrar gestión', en: 'Register interaction' },
          inputSchema: expect.objectContaining({ type: 'object' }),
        }),
      ]);
      expect((await api('GET', '/api/v1/records/contactos/actions')).body).toEqual({ actions: [], computedFields: [] });

      // The operation's OpenAPI document names the action's route, its input and the computed fields of the records.
      const document = (await api('GET', '/api/v1/openapi')).body;
      const route = document.paths['/api/v1/records/cobranza/{id}/actions/registrar_gestion'].post;
      expect(route.summary).toBe('Registrar gestión · Register interaction');
      expect(route.requestBody.content['application/json'].schema.properties.fecha).toMatchObject({ type: 'string', format: 'date-time' });
      expect(
        Object.keys(document.paths)
          .filter((path) => path.includes('/actions/') && !path.includes('{module}'))
          .sort(),
      ).toEqual(['/api/v1/records/cobranza/{id}/actions/registrar_gestion', '/api/v1/records/cotizaciones/{id}/actions/recalcular']);
      expect((await api('GET', '/api/v1/records/gestiones/actions')).body.actions).toEqual([]);
      expect(document.components.schemas.CotizacionesRecord.properties.unidades).toMatchObject({ readOnly: true });
    });

    it('"Registrar gestión" creates the gestión and clears exactly the configured fields, visible in the history', async () => {
      const file = await newFile();
      const run = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, {
        fecha: '2025-07-16T14:05:00Z',
        canal: 'telefono',
        resultado: 'promesa_pago',
        descripcion: 'Reprograma el abono.',
      });
      expect(run.status).toBe(200);
      expect(run.body.message).toEqual({ es: 'Gestión registrada. Se limpiaron 7 valores.', en: 'Interaction registered. 7 values cleared.' });
      expect(cleared(run.body.record)).toEqual(EMPTY);
      expect(run.body.record).toMatchObject({ version: 2, nombre_deudor: 'Ana Pérez', documento: '1020304050', monto_total: '4850000.00' });
      expect(run.body.created).toEqual([{ module: 'gestiones', id: expect.any(String) }]);

      const gestion = (await api('GET', `/api/v1/records/gestiones/${run.body.created[0].id}`)).body;
      expect(gestion).toMatchObject({ cobranza: file.id, canal: 'telefono', resultado: 'promesa_pago' });
      expect(JSON.parse(gestion.valores_anteriores)).toEqual({
        fields: { compromiso_pago_fecha: '2025-07-15', compromiso_pago_monto: '500000.00', observacion_gestion: FILE.observacion_gestion },
        obligations: [
          { row: 0, values: { compromiso: '300000', nota_obligacion: 'Abona con la prima' } },
          { row: 1, values: { compromiso: '200000', nota_obligacion: 'Segunda cuota en agosto' } },
        ],
      });

      const history = (await api('GET', `/api/v1/records/cobranza/${file.id}/history`)).body.items as Row[];
      expect(
        history
          .filter((h) => h.action === 'update')
          .map((h) => [h.field, h.newValue === null || Array.isArray(h.newValue)])
          .sort(),
      ).toEqual([
        ['compromiso_pago_fecha', true],
        ['compromiso_pago_monto', true],
        ['obligaciones', true],
        ['observacion_gestion', true],
      ]);
    });

    it('a gestión created through its own API with a link to the file clears it too', async () => {
      const file = await newFile();
      const gestion = await api('POST', '/api/v1/records/gestiones', { fecha: '2025-07-17T09:00:00Z', canal: 'whatsapp', cobranza: file.id });
      expect(gestion.status).toBe(201);
      expect(JSON.parse(gestion.body.valores_anteriores).fields.compromiso_pago_monto).toBe('500000.00');
      const after = (await api('GET', `/api/v1/records/cobranza/${file.id}`)).body;
      expect(cleared(after)).toEqual(EMPTY);
      expect(after.version).toBe(2);

      // A gestión without the link, or an edit of one, clears nothing.
      const refilled = await api('PATCH', `/api/v1/records/cobranza/${file.id}`, { version: 2, observacion_gestion: 'Llamar el lunes' });
      await api('POST', '/api/v1/records/gestiones', { fecha: '2025-07-18T09:00:00Z', canal: 'chat' });
      await api('PATCH', `/api/v1/records/gestiones/${gestion.body.id}`, { version: 1, descripcion: 'Corrección' });
      expect((await api('GET', `/api/v1/records/cobranza/${file.id}`)).body).toMatchObject({ version: refilled.body.version, observacion_gestion: 'Llamar el lunes' });
    });

    it("refuses input that breaks the action's schema, changing nothing", async () => {
      const file = await newFile();
      const run = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, { fecha: 'ayer', canal: 7 });
      expect(run.status).toBe(400);
      expect(run.body.code).toBe('validation_failed');
      expect(paths(run.body).sort()).toEqual([
        ['input.canal', 'type'],
        ['input.fecha', 'format.datetime'],
      ]);
      expect((await api('GET', `/api/v1/records/cobranza/${file.id}`)).body.version).toBe(1);
      expect((await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, [1])).status).toBe(400);
    });

    it('rolls back the clearing when the gestión it creates is invalid', async () => {
      const file = await newFile();
      const before = (await api('POST', '/api/v1/records/gestiones/query', { count: 'exact' })).body.total;
      const run = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, { fecha: '2025-07-16T14:05:00Z', canal: 'paloma_mensajera' });
      expect(run.status).toBe(400);
      expect(paths(run.body)).toEqual([['create[0].canal', 'option']]);
      const after = (await api('GET', `/api/v1/records/cobranza/${file.id}`)).body;
      expect(after.version).toBe(1);
      expect(after.compromiso_pago_monto).toBe('500000.00');
      expect((await api('POST', '/api/v1/records/gestiones/query', { count: 'exact' })).body.total).toBe(before);
      expect((await api('GET', `/api/v1/records/cobranza/${file.id}/history`)).body.items).toHaveLength(1);
    });

    it('answers 404 for an action the module does not offer and for a missing record', async () => {
      const file = await newFile();
      const unknown = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/condonar`, {});
      expect([unknown.status, unknown.body.code]).toEqual([404, 'action_not_found']);
      expect(unknown.body.message.es).toContain('condonar');
      const missing = await api('POST', '/api/v1/records/cobranza/d4000000-0000-4000-8000-0000000000ff/actions/registrar_gestion', { fecha: '2025-07-16T14:05:00Z', canal: 'telefono' });
      expect([missing.status, missing.body.code]).toEqual([404, 'record_not_found']);
    });

    it('checks the profile: edit on the record, create on the module the action writes to', async () => {
      const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
      const admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Acciones-1' }, { token: first.body.accessToken })).body.accessToken;
      const right = (extra: Record<string, boolean>) => ({ view: true, create: false, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false, ...extra });
      const agent = async (username: string, modules: Record<string, Record<string, boolean>>) => {
        const profile = await t.api(
          'POST',
          '/api/v1/profiles',
          { name: username, permissions: { modules, fields: {}, visibility: 'all', allUsersCanEdit: true, aiAssistant: false, admin: false } },
          { token: admin },
        );
        expect(profile.status).toBe(201);
        const role = (await t.api('GET', '/api/v1/roles', undefined, { token: admin })).body.items[0].id;
        expect((await t.api('POST', '/api/v1/users', { username, displayName: username, profileId: profile.body.id, roleId: role }, { token: admin })).status).toBe(201);
        const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
        return (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2024' }, { token: login.body.accessToken })).body.accessToken as string;
      };
      const file = await newFile();
      const body = { fecha: '2025-07-16T14:05:00Z', canal: 'telefono' };

      const noGestiones = await agent('sin_gestiones', { cobranza: right({}), gestiones: right({ create: false }) });
      const refused = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, body, noGestiones);
      expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
      expect(paths(refused.body)).toEqual([['create[0]', 'forbidden']]);
      expect((await api('GET', `/api/v1/records/cobranza/${file.id}`)).body.version).toBe(1);

      const readOnly = await agent('solo_lectura', { cobranza: right({ edit: false }), gestiones: right({ create: true }) });
      expect((await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, body, readOnly)).status).toBe(403);

      const allowed = await agent('gestor', { cobranza: right({}), gestiones: right({ create: true }) });
      const done = await api('POST', `/api/v1/records/cobranza/${file.id}/actions/registrar_gestion`, body, allowed);
      expect(done.status).toBe(200);
      expect(done.body.record.compromiso_pago_monto).toBeNull();
    });
  });

  describe('plugin-computed fields', () => {
    it("serves quote-totals' units quoted on every whole-record read, never stored", async () => {
      const product = (
        await api('POST', '/api/v1/records/productos', { nombre: 'Diadema USB', codigo: 'DIA-USB-09', categoria: 'accesorio', tipo_pago: 'unica_vez', precio_unitario: '185990.50', impuesto: 5 })
      ).body.id;
      const quote = await api('POST', '/api/v1/records/cotizaciones', {
        asunto: 'Diademas',
        lista_precios: 'Colombia COP',
        lineas: [
          { producto: product, cantidad: 12 },
          { producto: product, cantidad: '2.5' },
        ],
      });
      expect([quote.status, quote.body.details]).toEqual([201, undefined]);
      expect(quote.body.unidades).toBe('14.50');
      expect((await api('GET', `/api/v1/records/cotizaciones/${quote.body.id}`)).body.unidades).toBe('14.50');
      const listed = (await api('POST', '/api/v1/records/cotizaciones/query', { filter: { field: 'asunto', op: 'eq', value: 'Diademas' } })).body.items;
      expect(listed.map((q: Row) => q.unidades)).toEqual(['14.50']);
      // A projected list has only the fields it names.
      const projected = (await api('POST', '/api/v1/records/cotizaciones/query', { filter: { field: 'asunto', op: 'eq', value: 'Diademas' }, fields: ['asunto'] })).body.items;
      expect(projected[0]).not.toHaveProperty('unidades');
      const offered = (await api('GET', '/api/v1/records/cotizaciones/actions')).body;
      expect(offered.computedFields).toEqual([{ plugin: 'quote-totals', field: expect.objectContaining({ key: 'unidades', type: 'decimal', readOnly: true }) }]);
      // Writing it is writing a field the module does not have.
      const write = await api('PATCH', `/api/v1/records/cotizaciones/${quote.body.id}`, { version: 1, unidades: '1' });
      expect(write.status).toBe(400);
    });
  });
});
