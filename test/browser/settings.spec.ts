import { startStudio, type Studio } from './support/studio-harness';

/** S4 in the Studio: a priority's resolution time, a tipificación branch and an e-mail template previewed on a real record. */
describe('Studio settings (Personalizar → listas y plantillas)', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  /** Opens a section through the menu, as an admin would. */
  async function open(section: string) {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('[data-testid=menu-settings]');
    await page.click('[data-testid=settings-custom]');
    await page.click(`[data-testid=custom-${section}]`);
    return page;
  }

  it("edits a priority's resolution time through plan → review → apply", async () => {
    const page = await open('priorities');
    const hours = page.locator('[data-testid=priorities] [data-testid=fact-alta]');
    expect(await hours.inputValue()).toBe('8');
    await hours.fill('4');
    await page.click('[data-testid=options-review]');
    await page.waitForSelector('[data-testid=plan-review] [data-testid=review-diff] li');
    await s.shot(page, 'settings-priority-review');
    await page.click('[data-testid=apply-change]');
    await page.waitForSelector('[data-testid=priorities] [data-testid=options-review][disabled]');
    await s.shot(page, 'settings-priority-saved');
    const casos = (await s.api('GET', '/api/v1/modules/casos')).body;
    const prioridad = casos.fields.find((f: { key: string }) => f.key === 'prioridad');
    expect(prioridad.options.find((o: { key: string }) => o.key === 'alta').data).toEqual({ resolutionHours: 4 });
    expect(casos.version).toBe(2);

    // Case types and opportunity stages use the same editor with their own fact.
    await page.click('[data-testid=custom-caseTypes]');
    expect(await page.locator('[data-testid=case-types] [data-testid=fact-peticion]').inputValue()).toBe('PET');
    await page.click('[data-testid=custom-phases]');
    expect(await page.locator('[data-testid=phases] [data-testid=fact-propuesta]').inputValue()).toBe('50');
    await s.shot(page, 'settings-phases');
    await page.click('[data-testid=custom-picklists]');
    await page.selectOption('[data-testid=picklist-module]', 'casos');
    await page.selectOption('[data-testid=picklist-options] [data-testid=options-field]', 'canal');
    await page.waitForSelector('[data-testid=picklist-options] tr[data-option=whatsapp]');
    await s.shot(page, 'settings-picklists');
  });

  it('adds a tipificación branch to the cases tree', async () => {
    const page = await open('tipificaciones');
    await page.selectOption('[data-testid=tree-module]', 'casos');
    await page.click('[data-testid=tree-add-root]');
    const root = page.locator('[data-testid=tipificaciones] li[data-depth="1"]').first();
    await root.locator('[data-testid=node-key]').first().fill('facturacion');
    await root.locator('[data-testid=node-label-es]').first().fill('Facturación');
    await root.locator('[data-testid=node-add-child]').first().click();
    const child = root.locator('li[data-depth="2"]');
    await child.locator('[data-testid=node-key]').fill('cobro_doble');
    await child.locator('[data-testid=node-label-es]').fill('Cobro doble');
    await page.click('[data-testid=settings-save]');
    await page.waitForSelector('[data-testid=settings-version]:has-text("versión 1")');
    await s.shot(page, 'settings-tipificacion-branch');
    const saved = (await s.api('GET', '/api/v1/settings/tipificaciones')).body;
    expect(saved.value.casos).toEqual([{ key: 'facturacion', label: { es: 'Facturación', en: '' }, children: [{ key: 'cobro_doble', label: { es: 'Cobro doble', en: '' } }] }]);
  });

  it('creates an e-mail template and previews it on a chosen record', async () => {
    const contact = await s.api('POST', '/api/v1/records/contactos', { nombre: 'Ana Pérez', documento: '52123456', tipo_documento: 'cc' });
    expect(contact.status).toBe(201);
    const page = await open('templates');
    await page.click('[data-testid=template-add]');
    await page.fill('[data-testid=template-name]', 'Bienvenida');
    await page.fill('[data-testid=template-key]', 'bienvenida');
    await page.selectOption('[data-testid=template-module]', 'contactos');
    await page.fill('[data-testid=template-subject]', 'Hola {{nombre}}');
    await page.fill('[data-testid=template-body]', '<p>Su documento es <b>{{documento}}</b>.</p>');
    await page.waitForSelector(`[data-testid=preview-record] option[value="${contact.body.id}"]`, { state: 'attached' });
    await page.selectOption('[data-testid=preview-record]', contact.body.id);
    expect(await page.textContent('[data-testid=preview-subject]')).toContain('Hola Ana Pérez');
    expect(await page.frameLocator('[data-testid=preview-body]').locator('b').textContent()).toBe('52123456');
    await s.shot(page, 'settings-email-template-preview');
    await page.click('[data-testid=settings-save]');
    await page.waitForSelector('[data-testid=settings-version]:has-text("versión 1")');
    await s.shot(page, 'settings-email-template-saved');
    const saved = (await s.api('GET', '/api/v1/settings/email_templates')).body;
    expect(saved.value.items).toEqual([{ key: 'bienvenida', name: 'Bienvenida', module: 'contactos', subject: 'Hola {{nombre}}', body: '<p>Su documento es <b>{{documento}}</b>.</p>' }]);
  });

  it('builds the web-integration link with its variables and previews it on a record', async () => {
    const contact = await s.api('POST', '/api/v1/records/contactos', { nombre: 'Luis Gómez', documento: '80111222', tipo_documento: 'cc', telefono: '+57 3001234567' });
    expect(contact.status).toBe(201);
    const page = await open('webIntegration');
    await page.fill('[data-testid=web-url]', 'https://crm.example.co/cliente?id={id_customer}&tel={TELEFONO}&agente={id_agent}');
    await page.waitForSelector(`[data-testid=web-integration] [data-testid=preview-record] option[value="${contact.body.id}"]`, { state: 'attached' });
    await page.selectOption('[data-testid=web-integration] [data-testid=preview-record]', contact.body.id);
    const url = await page.textContent('[data-testid=web-preview] code');
    expect(url).toBe(`https://crm.example.co/cliente?id=${contact.body.id}&tel=${encodeURIComponent(contact.body.telefono)}&agente=${encodeURIComponent(s.admin)}`);
    await page.click('[data-testid=settings-save]');
    await page.waitForSelector('[data-testid=settings-version]:has-text("versión 1")');
    await s.shot(page, 'settings-web-integration');
    expect((await s.api('GET', '/api/v1/settings/web_integration')).body.value.url).toBe('https://crm.example.co/cliente?id={id_customer}&tel={TELEFONO}&agente={id_agent}');
  });

  it('lists the settings a schema bundle brings in the import preview', async () => {
    const bundle = (await s.api('GET', '/api/v1/schema/export?modules=casos')).body;
    bundle.settings.email_templates.items[0].subject = 'Buenos días {{nombre}}';
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('[data-testid=menu-settings]');
    await page.click('[data-testid=settings-schema]');
    await page.setInputFiles('[data-testid=import-file]', { name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
    await page.click('[data-testid=import-dry-run]');
    const settings = page.locator('[data-testid=import-result] [data-testid=import-settings]');
    await settings.waitFor();
    expect(await settings.locator('li[data-section=email_templates]').getAttribute('data-action')).toBe('update');
    expect(await settings.locator('li[data-section=tipificaciones]').getAttribute('data-action')).toBe('unchanged');
    await s.shot(page, 'settings-bundle-import-preview');
  });
});
