import { startStudio, type Studio } from './support/studio-harness';

/** M6 in the Studio: a plugin action is a button on the record page, with a form from its input schema. */
describe('Studio plugin actions', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  const FILE = {
    nombre_deudor: 'Ana Pérez',
    documento: '1020304050',
    compromiso_pago_fecha: '2025-07-15',
    compromiso_pago_monto: '500000',
    observacion_gestion: 'Promete abonar el 15 de julio tras recibir la prima.',
    obligaciones: [{ id_obligacion: 'TC-8841', nombre: 'Tarjeta de crédito Oro', saldo: '2350000', compromiso: '300000', nota_obligacion: 'Abona con la prima' }],
  };

  it('"Registrar gestión" on a collection record creates the gestión and clears the configured fields', async () => {
    const file = (await s.api('POST', '/api/v1/records/cobranza', FILE)).body;
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/cobranza/${file.id}`);
    await page.waitForSelector('#root_observacion_gestion');
    expect(await page.inputValue('#root_observacion_gestion')).toBe(FILE.observacion_gestion);

    await page.click('[data-testid=action-registrar_gestion]');
    const dialog = page.locator('[data-testid=action-dialog]');
    await dialog.waitFor();
    await dialog.locator('text=Canal').first().waitFor();
    // The gestión needs a date: without one, the server refuses the gestión and nothing is cleared.
    await dialog.locator('#root_canal').fill('telefono');
    await page.click('[data-testid=action-submit]');
    await page.locator('[data-testid=action-errors]').waitFor();
    await s.shot(page, 'plugin-action-refused');
    expect((await s.api('GET', `/api/v1/records/cobranza/${file.id}`)).body.version).toBe(1);

    await dialog.locator('#root_fecha').fill('2025-07-16T14:05');
    await dialog.locator('#root_descripcion').fill('Reprograma el abono para el 30 de julio.');
    await page.click('[data-testid=action-submit]');
    await page.locator('text=Gestión registrada. Se limpiaron 5 valores.').waitFor();
    await page.locator('[data-testid=action-dialog]').waitFor({ state: 'detached' });
    // The form shows the record as the action left it.
    expect(await page.inputValue('#root_observacion_gestion')).toBe('');
    await s.shot(page, 'plugin-action-registrar-gestion');

    const after = (await s.api('GET', `/api/v1/records/cobranza/${file.id}`)).body;
    expect(after).toMatchObject({ version: 2, compromiso_pago_fecha: null, compromiso_pago_monto: null, observacion_gestion: null, nombre_deudor: 'Ana Pérez' });
    expect(after.obligaciones[0]).toMatchObject({ id_obligacion: 'TC-8841', compromiso: null, nota_obligacion: null, saldo: '2350000' });
    const gestiones = (await s.api('POST', '/api/v1/records/gestiones/query', { filter: { field: 'cobranza', op: 'eq', value: file.id } })).body.items;
    expect(gestiones).toHaveLength(1);
    expect(gestiones[0]).toMatchObject({ canal: 'telefono', descripcion: 'Reprograma el abono para el 30 de julio.' });
    expect(JSON.parse(gestiones[0].valores_anteriores).fields.observacion_gestion).toBe(FILE.observacion_gestion);

    // The history tab lists the clearing.
    await page.click('[data-testid=tab-history]');
    await page.locator('text=Observación de la gestión').first().waitFor();
    await s.shot(page, 'plugin-action-history');
  });

  it('shows the action in English too, and no button on modules without actions', async () => {
    const file = (await s.api('POST', '/api/v1/records/cobranza', { nombre_deudor: 'Luis Gómez' })).body;
    const page = await s.page({ lang: 'en' });
    await s.login(page);
    await page.goto(`${s.url}/m/cobranza/${file.id}`);
    await page.locator('[data-testid=action-registrar_gestion]:has-text("Register interaction")').waitFor();
    const contact = (await s.api('POST', '/api/v1/records/contactos', { nombre: 'Marta', documento: '52123456', tipo_documento: 'cc' })).body;
    await page.goto(`${s.url}/m/contactos/${contact.id}`);
    await page.waitForSelector('[data-testid=record-title]');
    expect(await page.locator('[data-testid^=action-]').count()).toBe(0);
  });
});
