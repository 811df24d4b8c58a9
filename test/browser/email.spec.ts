import { startStudio, type Studio } from './support/studio-harness';

/** R1 "send e-mail with a template": two contacts selected, a template chosen, the job followed to the end. */
describe('Studio: e-mail with a template from the table', () => {
  let s: Studio;
  const ids: string[] = [];
  beforeAll(async () => {
    s = await startStudio();
    const templates = { items: [{ key: 'saludo', name: 'Saludo inicial', module: 'contactos', subject: 'Hola {{nombre}}', body: '<p>Hola {{nombre}} {{apellido}}</p>' }] };
    expect((await s.api('PUT', '/api/v1/settings/email_templates', { value: templates })).status).toBe(200);
    for (const [nombre, email] of [
      ['Marta', 'marta@example.co'],
      ['Pedro', 'pedro@example.co'],
      ['Otra', 'otra@example.co'],
    ]) {
      const made = await s.api('POST', '/api/v1/records/contactos', { nombre, apellido: 'Rojas', email });
      expect(made.status).toBe(201);
      ids.push(made.body.id);
    }
  });
  afterAll(() => s?.close());

  it('selects two contacts, sends with a template and sees the job complete', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.waitForSelector('[data-testid=row-count]:has-text("3 registros")');
    await page.check(`tr[data-id="${ids[0]}"] td.check input`);
    await page.check(`tr[data-id="${ids[1]}"] td.check input`);
    await page.click('[data-testid=email-open]');
    const dialog = page.locator('[data-testid=email-dialog]');
    await dialog.locator('[data-testid=email-template] option[value=saludo]').waitFor({ state: 'attached' });
    await dialog.locator('[data-testid=email-template]').selectOption('saludo');
    await dialog.locator('[data-testid=email-field]').selectOption('email');
    await dialog.locator('[data-testid=email-send]').click();
    await dialog.locator('[data-testid=email-job][data-state=completed]').waitFor();
    await page.waitForSelector('text=Listo: 2 correos en la bandeja de salida, 0 registros omitidos.');
    await s.shot(page, 'table-email-sent');

    const outbox = await s.api('GET', '/api/v1/mail/outbox');
    expect(outbox.body.items.map((m: { to: string }) => m.to).sort()).toEqual(['marta@example.co', 'pedro@example.co']);
    expect(outbox.body.items.map((m: { html: string }) => m.html).sort()).toEqual(['<p>Hola Marta Rojas</p>', '<p>Hola Pedro Rojas</p>']);

    // Correo saliente: no SMTP_URL on this server, so the page says why both wait, and the sender is set there.
    await page.goto(`${s.url}/settings/outbox`);
    await page.waitForSelector('[data-testid=mail-delivery][data-transport=outbox]:has-text("SMTP_URL")');
    await page.waitForSelector('[data-testid=mail-filter] button[data-status=pending]:has-text("Pendientes (2)")');
    expect(await page.locator('table[data-testid=outbox] tr[data-status=pending]').count()).toBe(2);
    await page.fill('[data-testid=sender-fromName]', 'Línea 147');
    await page.fill('[data-testid=sender-fromAddress]', 'atencion@linea147.example');
    await page.click('[data-testid=sender-save]');
    await page.waitForSelector('[data-testid=sender-effective]:has-text(\'"Línea 147" <atencion@linea147.example>\')');
    await page.locator('table[data-testid=outbox] tr[data-status=pending] button').first().click();
    await page.locator('iframe.mail-body').waitFor();
    await s.shot(page, 'outbox');
    expect((await s.api('GET', '/api/v1/mail/sender')).body).toMatchObject({ fromName: 'Línea 147', fromAddress: 'atencion@linea147.example' });
  });
});
