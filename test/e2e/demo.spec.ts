import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { SAMPLE_147 } from '../../runtime/demo/demo.records';
import { startTestServer, type TestServer } from '../support/test-server';

type Row = Record<string, any>;

/** The demo operation of a first start (DEMO_OPERATION): catalog modules and sample records, written once. */
describe('demo operation with sample records', () => {
  // A key of its own: on a shared Postgres another run's `demo` may exist already.
  const key = `demo_${randomBytes(3).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-demo-'));
  let t: TestServer;
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: key });
  const all = async (module: string, body: Record<string, unknown> = {}) => {
    const page = await api('POST', `/api/v1/records/${module}/query`, { limit: 1000, ...body });
    expect(page.status).toBe(200);
    return page.body.items as Row[];
  };

  beforeAll(async () => {
    t = await startTestServer({ demoOperation: key, dataDir });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the operation and its records on the first start', () => {
    expect(t.server.demo).toEqual({
      operation: key,
      adminUsername: `ADMIN_@${key}`,
      adminPassword: key,
      created: true,
      records: { empresas: 6, contactos: SAMPLE_147.length, casos: SAMPLE_147.length, productos: 5, oportunidades: 6, cotizaciones: 1, actividades: 6 },
    });
    expect(SAMPLE_147.length).toBeGreaterThanOrEqual(45);
  });

  it('builds each contact and its case from one real row of Línea 147', async () => {
    const contactos = await all('contactos', { sort: [{ field: 'createdAt', dir: 'asc' }] });
    const casos = await all('casos', { sort: [{ field: 'numero', dir: 'asc' }] });
    expect(contactos).toHaveLength(SAMPLE_147.length);
    expect(casos.map((c) => c.numero)).toEqual(SAMPLE_147.map((_, i) => `CAS-${String(i + 1).padStart(6, '0')}`));
    // Row 2 of the sample: a badly parked car reported through the traffic app in Villa Pueyrredón, closed on 5 January 2021.
    const row = SAMPLE_147[1];
    expect(row).toMatchObject({ prestacion: 'VEHÍCULO MAL ESTACIONADO', domiclio_calle: 'HABANA', domicilio_altura: '2860', canal: 'App Denuncia Vial', estado_del_contacto: 'Cerrado' });
    expect(contactos[1]).toMatchObject({
      direccion: 'Habana 2860',
      region: 'Villa Pueyrredon',
      ciudad: 'Buenos Aires',
      pais: 'Argentina',
      genero: 'masculino',
      origen: 'web',
      tipificacion: 'Tránsito',
    });
    expect(casos[1]).toMatchObject({ asunto: 'Vehículo mal estacionado', tipo: 'reclamo', canal: 'web', prioridad: 'alta', contacto: contactos[1].id, fecha_solucion: '2021-01-05T21:30:33.000Z' });
    expect(['solucionado', 'cerrado']).toContain(casos[1].estado);

    // The source's oddities survive: no gender, no address, January's upper-case types.
    const withoutGender = SAMPLE_147.flatMap((r, i) => (r.genero === '' ? [i] : []));
    expect(withoutGender.length).toBeGreaterThan(0);
    for (const i of withoutGender) expect(contactos[i].genero).toBeNull();
    const withoutAddress = SAMPLE_147.flatMap((r, i) => (r.domiclio_calle === '' ? [i] : []));
    expect(withoutAddress.length).toBeGreaterThan(0);
    for (const i of withoutAddress) expect(contactos[i].direccion).toBeNull();
    expect(SAMPLE_147.some((r) => r.tipo_prestacion === 'SOLICITUD') && SAMPLE_147.some((r) => r.tipo_prestacion === 'Solicitud')).toBe(true);
    SAMPLE_147.forEach((r, i) => expect([i, casos[i].estado === 'cerrado' || casos[i].estado === 'solucionado']).toEqual([i, r.estado_del_contacto === 'Cerrado']));
  });

  it('has cases in many states, each valid (solved ones carry their solution)', async () => {
    const casos = await all('casos');
    const states = new Set(casos.map((c) => c.estado));
    expect([...states].sort()).toEqual(['activo', 'cerrado', 'en_espera', 'en_proceso', 'escalado', 'nuevo', 'solucionado']);
    for (const caso of casos.filter((c) => c.estado === 'solucionado')) expect(caso.solucion).toEqual(expect.stringContaining('Atendido'));
    expect(new Set(casos.map((c) => c.tipo))).toEqual(new Set(['peticion', 'queja', 'reclamo']));
    expect(new Set(casos.map((c) => c.canal))).toEqual(new Set(['web', 'presencial', 'whatsapp', 'telefono', 'correo']));
  });

  it('has opportunities in every phase with the probability formula, companies, products and a priced quote', async () => {
    const oportunidades = await all('oportunidades', { sort: [{ field: 'createdAt', dir: 'asc' }] });
    expect(oportunidades.map((o) => [o.fase, o.probabilidad])).toEqual([
      ['prospeccion', '10'],
      ['calificacion', '20'],
      ['propuesta', '50'],
      ['negociacion', '75'],
      ['ganada', '100'],
      ['perdida', '0'],
    ]);
    expect(oportunidades[5]).toMatchObject({ motivo_perdida: 'competencia', competidor: 'Contact Center Sur' });
    expect((await all('empresas')).map((e) => e.nombre)).toContain('Andina Telecomunicaciones');
    const productos = await all('productos', { sort: [{ field: 'codigo' }] });
    expect(productos.map((p) => p.codigo)).toEqual(['DIA-USB-02', 'LIC-CC-01', 'MIN-10K', 'SRV-IMPL', 'SUS-GRAB']);

    const [quote] = await all('cotizaciones', { expand: ['empresa', 'oportunidad'] });
    /*
     * 1. 89,900 × 23 = 2,067,700; 10–49 → 5 % = 103,385; VAT 19 % of 1,964,315 = 373,219.85 → 2,337,534.85
     * 2. 185,990.50 × 23 = 4,277,781.50; VAT 19 % = 812,778.49 (812,778.485 half up) → 5,090,559.99
     * 3. 3,500,000 × 1; VAT 19 % = 665,000 → 4,165,000.00
     */
    expect(quote).toMatchObject({
      numero: 'COT-000001',
      estado: 'enviada',
      empresa: { title: 'Andina Telecomunicaciones' },
      subtotal: '9845481.50',
      descuento_total: '103385.00',
      impuesto_total: '1850998.34',
      total: '11593094.84',
    });
    expect(quote.oportunidad.title).toBe('Andina Telecomunicaciones: ampliación a 23 puestos');
    const [contacto] = await all('contactos', { filter: { field: 'id', op: 'eq', value: quote.contacto }, expand: ['empresa'] });
    expect(contacto.empresa.title).toBe('Andina Telecomunicaciones');
    expect(quote.lineas.map((l: Row) => [l.cantidad, l.total])).toEqual([
      [23, '2337534.85'],
      [23, '5090559.99'],
      [1, '4165000.00'],
    ]);
    const actividades = await all('actividades');
    expect(new Set(actividades.map((a) => a.tipo))).toEqual(new Set(['llamada', 'tarea', 'reunion', 'nota']));
  });

  it('writes the records as the admin, audited like any other write', async () => {
    const [admin] = (await t.server.app.get(DataSource).query(`SELECT u.id FROM core.users u JOIN core.operations o ON o.id = u.operation_id WHERE o.key = $1`, [key])) as { id: string }[];
    const [contacto] = await all('contactos', { limit: 1 });
    expect(contacto).toMatchObject({ owner: admin.id, createdBy: admin.id, version: 1 });
    const history = await api('GET', `/api/v1/records/contactos/${contacto.id}/history`);
    expect(history.body.items).toEqual([expect.objectContaining({ action: 'create', userId: admin.id, userName: 'Administrador', jobId: null })]);
    const login = await t.api('POST', '/api/v1/auth/login', { operation: key, username: `ADMIN_@${key}`, password: key }, { token: null });
    expect(login.body).toMatchObject({ mustChangePassword: true });
  });

  it('leaves the operation alone on the next start: nothing written twice, nothing deleted comes back', async () => {
    const before = await all('contactos');
    const gone = before[0];
    expect((await api('DELETE', `/api/v1/records/contactos/${gone.id}`)).status).toBe(200);
    await t.close();
    t = await startTestServer({ demoOperation: key, dataDir });
    expect(t.server.demo).toMatchObject({ operation: key, created: false, records: {} });
    const after = await all('contactos');
    expect(after.map((c) => c.id).sort()).toEqual(
      before
        .filter((c) => c.id !== gone.id)
        .map((c) => c.id)
        .sort(),
    );
    expect(await all('casos')).toHaveLength(SAMPLE_147.length);
    expect((await api('POST', '/api/v1/records/cotizaciones/query', {})).body.total).toBe(1);
  });
});
