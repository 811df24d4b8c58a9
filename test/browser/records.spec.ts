import { startStudio, type Studio } from './support/studio-harness';

/** R2 and R3 through the generated forms: create, required fields, live rules, server errors, history. */
describe('Studio record forms', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  it('creates a contact through the generated form', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.click('[data-testid=new-record]');
    await page.waitForSelector('fieldset[data-section=personal]');
    await page.fill('#root_nombre', 'Valentina');
    await page.fill('#root_apellido', 'Ospina Restrepo');
    await page.selectOption('#root_tipo_documento', 'cc');
    await page.fill('#root_documento', '1036654321');
    await page.fill('#root_email', 'valentina.ospina@example.co');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=record-title]:has-text("Valentina Ospina Restrepo")');
    await page.waitForSelector('[data-testid=tab-history]');
    await s.shot(page, 'records-contact-created');

    const found = await s.api('POST', '/api/v1/records/contactos/query', { filter: { field: 'documento', op: 'eq', value: '1036654321' } });
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({ nombre: 'Valentina', apellido: 'Ospina Restrepo', tipo_documento: 'cc', email: 'valentina.ospina@example.co' });
  });

  it('shows a validation error on a required field, from the form and from the server', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/contactos/new`);
    await page.waitForSelector('fieldset[data-section=personal]');
    await page.fill('#root_apellido', 'Sin Nombre');
    await page.click('[data-testid=save-record]');
    const nombre = page.locator('[data-field=nombre]');
    await nombre.locator('text=Este campo es obligatorio.').waitFor();
    await s.shot(page, 'records-required-error');

    // A record rule only the server checks (overdue ≤ total debt) comes back on its field.
    await page.goto(`${s.url}/m/cobranza/new`);
    await page.waitForSelector('#root_nombre_deudor');
    await page.fill('#root_nombre_deudor', 'Carlos Pérez');
    await page.fill('#root_monto_total', '1.000.000');
    await page.fill('#root_monto_vencido', '2500000,50');
    await page.click('[data-testid=save-record]');
    const vencido = page.locator('[data-field=monto_vencido]');
    await vencido.locator('text=El monto vencido no puede superar la deuda total.').waitFor();
    await s.shot(page, 'records-server-error-on-field');
    expect((await s.api('POST', '/api/v1/records/cobranza/query', {})).body.total).toBe(0);

    // Fixed, it saves, and the amounts keep their exact decimals.
    await page.fill('#root_monto_vencido', '250000,50');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=tab-history]');
    const saved = (await s.api('POST', '/api/v1/records/cobranza/query', {})).body.items[0];
    expect(saved).toMatchObject({ monto_total: '1000000.00', monto_vencido: '250000.50' });
  });

  it('opens a case, sets Estado = Solucionado and sees "Agrega solución" appear as required, then the change in the history', async () => {
    const created = await s.api('POST', '/api/v1/records/casos', { tipo: 'reclamo', asunto: 'Factura duplicada', estado: 'nuevo', prioridad: 'alta' });
    expect(created.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=casos]');
    await page.locator('a.title-link', { hasText: 'Factura duplicada' }).click();
    await page.waitForSelector('#root_estado');
    expect(await page.locator('label:has-text("Agrega solución")').count()).toBe(0);

    await page.selectOption('#root_estado', 'solucionado');
    const label = page.locator('label[for=root_solucion]');
    await label.waitFor();
    expect(await label.textContent()).toContain('Agrega solución');
    expect(await label.textContent()).toContain('*');
    await page.click('[data-testid=save-record]');
    await page.locator('[data-field=solucion]').locator('text=Este campo es obligatorio.').waitFor();
    await s.shot(page, 'records-case-solution-required');

    await page.fill('#root_solucion', 'Se anuló la factura repetida y se envió la correcta.');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('text=Registro guardado.');
    const saved = await s.api('GET', `/api/v1/records/casos/${created.body.id}`);
    expect(saved.body).toMatchObject({ estado: 'solucionado', version: 2 });

    await page.click('[data-testid=tab-history]');
    const row = page.locator('[data-testid=history] tr[data-field=estado]');
    await row.waitFor();
    // Labels, not keys: the field's name and the options' names.
    expect(await row.textContent()).toContain('Estado');
    expect(await row.locator('td.old').textContent()).toBe('Nuevo');
    expect(await row.locator('td.new').textContent()).toBe('Solucionado');
    await s.shot(page, 'records-case-history');
  });

  it('refuses a save on a stale version and shows what changed', async () => {
    const created = await s.api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Ruido en la línea', estado: 'nuevo', prioridad: 'media' });
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/casos/${created.body.id}`);
    await page.waitForSelector('#root_asunto');
    await page.fill('#root_asunto', 'Ruido en la línea fija');
    // Someone else saves first.
    await s.api('PATCH', `/api/v1/records/casos/${created.body.id}`, { prioridad: 'urgente', version: 1 });
    await page.click('[data-testid=save-record]');
    const conflict = page.locator('[data-testid=conflict]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Prioridad');
    expect(await conflict.textContent()).toContain('Urgente');
    await s.shot(page, 'records-conflict');
    expect((await s.api('GET', `/api/v1/records/casos/${created.body.id}`)).body).toMatchObject({ asunto: 'Ruido en la línea', version: 2 });

    await conflict.locator('button').click();
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('text=Registro guardado.');
    expect((await s.api('GET', `/api/v1/records/casos/${created.body.id}`)).body).toMatchObject({ asunto: 'Ruido en la línea fija', prioridad: 'urgente', version: 3 });
  });

  it('creates the contact of a case from its lookup ("Crear un nuevo registro") and clones the case', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/casos/new`);
    await page.waitForSelector('#root_asunto');
    await page.selectOption('#root_tipo', 'peticion');
    await page.fill('#root_asunto', 'Cambio de plan');
    await page.selectOption('#root_estado', 'nuevo');
    await page.selectOption('#root_prioridad', 'media');
    await page.fill('#root_contacto', 'Mariana');
    await page.locator('.lookup-results li.create').click();
    const dialog = page.locator('[data-testid=lookup-create]');
    await dialog.waitFor();
    expect(await dialog.locator('#root_nombre').inputValue()).toBe('Mariana');
    await dialog.locator('#root_apellido').fill('Quintero');
    await s.shot(page, 'records-lookup-create-dialog');
    await dialog.locator('[data-testid=save-record]').click();
    await page.waitForSelector('.lookup-chosen .chip:has-text("Mariana Quintero")');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=tab-history]');
    const contact = (await s.api('POST', '/api/v1/records/contactos/query', { filter: { field: 'apellido', op: 'eq', value: 'Quintero' } })).body.items[0];
    const caseId = page.url().split('/').pop()!;
    expect((await s.api('GET', `/api/v1/records/casos/${caseId}`)).body).toMatchObject({ asunto: 'Cambio de plan', contacto: contact.id });

    // Clone: a new case with the same values and its own number.
    await page.click('[data-testid=clone-record]');
    await page.waitForSelector('h1:has-text("Nuevo registro · Caso")');
    expect(await page.inputValue('#root_asunto')).toBe('Cambio de plan');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=tab-history]');
    const copies = await s.api('POST', '/api/v1/records/casos/query', { filter: { field: 'asunto', op: 'eq', value: 'Cambio de plan' } });
    expect(copies.body.total).toBe(2);
    expect(new Set(copies.body.items.map((c: { numero: string }) => c.numero)).size).toBe(2);
  });

  it('logs a task on a case from its Actividades tab and flags it by its due date', async () => {
    const created = await s.api('POST', '/api/v1/records/casos', { tipo: 'queja', asunto: 'Cobro no reconocido', estado: 'nuevo', prioridad: 'alta' });
    const overdue = await s.api('POST', '/api/v1/records/actividades', {
      tipo: 'llamada',
      asunto: 'Llamar al cliente',
      estado: 'pendiente',
      prioridad: 'alta',
      caso: created.body.id,
      fecha_vencimiento: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(overdue.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/casos/${created.body.id}?tab=activities`);
    await page.locator(`[data-testid=activities] tr[data-id="${overdue.body.id}"][data-flag=red]`).waitFor();

    await page.click('[data-testid=new-activity]');
    await page.fill('#root_asunto', 'Enviar soporte del cobro');
    await page.selectOption('#root_tipo', 'tarea');
    await page.fill('#root_fecha_vencimiento', '2099-01-15T10:30');
    await page.click('[data-testid=activities] [data-testid=save-record]');
    const row = page.locator('[data-testid=activities] tr', { hasText: 'Enviar soporte del cobro' });
    await row.waitFor();
    expect(await row.getAttribute('data-flag')).toBe('green');
    await s.shot(page, 'records-activities-tab');
    const linked = await s.api('POST', '/api/v1/records/actividades/query', { filter: { field: 'caso', op: 'eq', value: created.body.id } });
    expect(linked.body.total).toBe(2);
  });

  it('adds quote lines and sees the line and quote totals while typing, as the server saves them', async () => {
    const product = await s.api('POST', '/api/v1/records/productos', { nombre: 'Licencia agente', codigo: 'LIC-01', activo: true, tipo_pago: 'mensual', impuesto: '19', precio_unitario: '100000' });
    expect(product.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/cotizaciones/new`);
    await page.waitForSelector('#root_asunto');
    await page.fill('#root_asunto', 'Plan 3 puestos');
    await page.selectOption('#root_estado', 'borrador');
    expect(await page.locator('label[for=root_lista_precios]').textContent()).not.toContain('*');
    await page.click('[data-field=lineas] button.add-row');
    await page.fill('#root_lineas_0_producto', 'Licencia');
    await page.locator('.lookup-results li', { hasText: 'Licencia agente' }).click();
    await page.fill('#root_lineas_0_cantidad', '3');
    await page.locator('#root_lineas_0_cantidad').blur();
    // 3 × 100,000 = 300,000; VAT 19 % = 57,000; total 357,000, before anything is saved.
    await page.waitForFunction(`document.querySelector('#root_total')?.value === '357000.00'`);
    expect(await page.inputValue('#root_lineas_0_importe')).toBe('300000.00');
    expect(await page.inputValue('#root_subtotal')).toBe('300000.00');
    expect(await page.inputValue('#root_impuesto_total')).toBe('57000.00');
    // The definition's rule: with lines, the price list becomes required (live, as on the server).
    expect(await page.locator('label[for=root_lista_precios]').textContent()).toContain('*');
    await page.fill('#root_lista_precios', 'Colombia COP');
    await s.shot(page, 'records-quote-live-totals');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=tab-history]');
    const quoteId = page.url().split('/').pop()!;
    expect((await s.api('GET', `/api/v1/records/cotizaciones/${quoteId}`)).body).toMatchObject({ subtotal: '300000.00', impuesto_total: '57000.00', total: '357000.00' });
  });

  it("shows two agents editing one case each other's saves live, and merges without losing either change", async () => {
    const created = await s.api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Portabilidad', estado: 'nuevo', prioridad: 'baja' });
    const url = `${s.url}/m/casos/${created.body.id}`;
    const [ana, beto] = [await s.page({ lang: 'es' }), await s.page({ lang: 'es' })];
    for (const page of [ana, beto]) {
      await s.login(page);
      await page.goto(url);
      await page.waitForSelector('#root_asunto');
    }

    // Ana saves; Beto, with nothing unsaved, sees her change without reloading.
    await ana.fill('#root_asunto', 'Portabilidad numérica');
    await ana.click('[data-testid=save-record]');
    await ana.waitForSelector('text=Registro guardado.');
    await beto.waitForFunction(`document.querySelector('#root_asunto')?.value === 'Portabilidad numérica'`);

    // Beto is typing when Ana saves again: he is told what changed and merges; nothing is overwritten.
    await beto.fill('#root_descripcion', 'El cliente pide portar dos líneas.');
    await ana.selectOption('#root_prioridad', 'alta');
    await ana.click('[data-testid=save-record]');
    const notice = beto.locator('[data-testid=conflict]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Prioridad');
    await s.shot(beto, 'records-two-agents-live');
    await notice.locator('button').click();
    expect(await beto.inputValue('#root_prioridad')).toBe('alta');
    await beto.click('[data-testid=save-record]');
    await beto.waitForSelector('text=Registro guardado.');
    expect((await s.api('GET', `/api/v1/records/casos/${created.body.id}`)).body).toMatchObject({
      asunto: 'Portabilidad numérica',
      prioridad: 'alta',
      descripcion: 'El cliente pide portar dos líneas.',
      version: 4,
    });
  });

  it('pops up a due reminder with a link to its record and a dismiss button', async () => {
    const users = await s.api('GET', '/api/v1/users');
    const admin = users.body.items.find((u: { username: string }) => u.username === s.admin);
    const kase = await s.api('POST', '/api/v1/records/casos', { tipo: 'reclamo', asunto: 'Reclamo por demora', estado: 'nuevo', prioridad: 'alta' });
    const reminder = await s.api('POST', '/api/v1/records/actividades', {
      tipo: 'llamada',
      asunto: 'Devolver la llamada del reclamo',
      estado: 'pendiente',
      prioridad: 'alta',
      asignado: admin.id,
      caso: kase.body.id,
      fecha_vencimiento: new Date(Date.now() + 3_600_000).toISOString(),
      recordatorio_activo: true,
      recordatorio: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(reminder.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    const popup = page.locator(`[data-testid=reminder][data-id="${reminder.body.id}"]`);
    await popup.waitFor();
    expect(await popup.textContent()).toContain('Devolver la llamada del reclamo');
    await s.shot(page, 'records-reminder');
    await popup.locator('a').click();
    await page.waitForSelector('[data-testid=record-title]:has-text("Reclamo por demora")');
    await popup.locator('button').click();
    await popup.waitFor({ state: 'detached' });
    await page.reload();
    await page.waitForSelector('[data-testid=record-title]:has-text("Reclamo por demora")');
    await page.waitForTimeout(1000);
    expect(await popup.count()).toBe(0);
  });
});
