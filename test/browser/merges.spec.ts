import { startStudio, type Studio } from './support/studio-harness';

/** B3 in the Studio: duplicates by phone digits, a group reviewed side by side, merged as a job, listed and undone. */
describe('Studio: duplicate merge', () => {
  let s: Studio;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    s = await startStudio();
    const contact = async (key: string, body: Record<string, unknown>) => {
      const made = await s.api('POST', '/api/v1/records/contactos', body);
      expect(made.status).toBe(201);
      ids[key] = made.body.id;
    };
    await contact('ana', { nombre: 'Ana María', apellido: 'Rojas', telefono: '300 123 4567', ciudad: 'Bogotá' });
    await contact('ana2', { nombre: 'ANA MARIA', apellido: 'Rojas', telefono: '300-123-4567', email: 'ana@example.co' });
    await contact('beto', { nombre: 'Beto', telefono: '311 222 3333' });
    await contact('beto2', { nombre: 'Beto', telefono: '311.222.3333', ciudad: 'Cali' });
    await contact('solo', { nombre: 'Carla', telefono: '315 000 1111' });
    const caso = await s.api('POST', '/api/v1/records/casos', { tipo: 'peticion', asunto: 'Factura', estado: 'nuevo', prioridad: 'media', contacto: ids.ana2 });
    expect(caso.status).toBe(201);
    ids.caso = caso.body.id;
  });
  afterAll(() => s?.close());

  it('finds the groups, merges one with the chosen keeper and values, lists it and undoes it', async () => {
    const page = await s.page({ lang: 'es' });
    page.on('dialog', (dialog) => void dialog.accept());
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.click('[data-testid=duplicates-open]');
    await page.waitForURL(/\/m\/contactos\/duplicates$/);

    await page.check('[data-testid=dup-field-telefono]');
    await page.click('[data-testid=dup-search]');
    await expect(page.textContent('[data-testid=dup-summary]')).resolves.toBe('Grupos encontrados: 2 (4 registros)');
    const rows = page.locator('[data-testid=dup-groups] tbody tr');
    await expect(rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-group'), tr.getAttribute('data-count')]))).resolves.toEqual([
      ['3001234567', '2'],
      ['3112223333', '2'],
    ]);

    // The Ana group side by side: keep the first Ana, take the second one's name; the e-mail fills from it by default.
    await page.click('tr[data-group="3001234567"] [data-testid=dup-open]');
    const detail = page.locator('[data-testid=group-detail]');
    await detail.waitFor();
    await page.check(`[data-testid=keep-${ids.ana}]`);
    await expect(page.isChecked(`[data-testid=value-email-${ids.ana2}]`)).resolves.toBe(true);
    await expect(page.isChecked(`[data-testid=value-ciudad-${ids.ana}]`)).resolves.toBe(true);
    await page.check(`[data-testid=value-nombre-${ids.ana2}]`);
    await expect(detail.locator('tr[data-field=apellido]').count()).resolves.toBe(0);
    await s.shot(page, 'merges-group');

    await expect(page.textContent('[data-testid=merge-selected]')).resolves.toBe('Combinar grupos elegidos (1)');
    await page.click('[data-testid=merge-selected]');
    await page.waitForSelector('[data-testid=merge-progress][data-state=completed]');
    await expect(page.textContent('[data-testid=merge-done]')).resolves.toBe('Grupos combinados: 1; con errores: 0.');
    await page.waitForSelector('[data-testid=merges-list] tr[data-merge][data-undone=no]');
    await expect(page.textContent('[data-testid=dup-summary]')).resolves.toBe('Grupos encontrados: 1 (2 registros)');

    const kept = await s.api('GET', `/api/v1/records/contactos/${ids.ana}`);
    expect(kept.body).toMatchObject({ nombre: 'ANA MARIA', email: 'ana@example.co', ciudad: 'Bogotá' });
    expect((await s.api('GET', `/api/v1/records/contactos/${ids.ana2}`)).status).toBe(404);
    expect((await s.api('GET', `/api/v1/records/casos/${ids.caso}`)).body.contacto).toBe(ids.ana);
    const listed = page.locator('[data-testid=merges-list] tr[data-merge]');
    await expect(listed.count()).resolves.toBe(1);
    await expect(listed.first().textContent()).resolves.toContain('Nombres, Correo electrónico');
    await page.waitForSelector('[data-testid=merges-list] tr[data-merge] a:text("ANA MARIA Rojas")');
    await s.shot(page, 'merges');

    // An old link to the merged record (in another tab) says where it went and leads there.
    const other = await s.page({ lang: 'es' });
    await s.login(other);
    await other.goto(`${s.url}/m/contactos/${ids.ana2}`);
    await other.waitForSelector('[data-testid=merged-into]:has-text("Este registro se combinó con otro")');
    await s.shot(other, 'merges-merged-record');
    await other.click('[data-testid=merged-into] a');
    await other.waitForURL(`**/m/contactos/${ids.ana}`);
    await other.waitForSelector('text=ANA MARIA Rojas');
    await other.close();

    await page.click('[data-testid=merge-undo]');
    await page.waitForSelector('[data-testid=undo-progress][data-state=completed]');
    await expect(page.textContent('[data-testid=undo-done]')).resolves.toBe('Combinación deshecha; registros restaurados: 1.');
    await page.waitForSelector('[data-testid=merges-list] tr[data-merge][data-undone=yes]');
    expect((await s.api('GET', `/api/v1/records/contactos/${ids.ana2}`)).status).toBe(200);
    expect((await s.api('GET', `/api/v1/records/contactos/${ids.ana}`)).body).toMatchObject({ nombre: 'Ana María', email: null });
    expect((await s.api('GET', `/api/v1/records/casos/${ids.caso}`)).body.contacto).toBe(ids.ana2);
    await page.waitForSelector('[data-testid=dup-summary]:text("Grupos encontrados: 2 (4 registros)")');
    await page.waitForSelector('[data-testid=merges-list] tr[data-merge] a:text("Ana María Rojas")');
    await s.shot(page, 'merges-undone');

    // The kept record's history tells both steps.
    await page.goto(`${s.url}/m/contactos/${ids.ana}?tab=history`);
    await page.waitForSelector('[data-testid=history] td:text("Registros combinados aquí: 1")');
    await page.waitForSelector('[data-testid=history] td:text("Registros separados de nuevo: 1")');
    await s.shot(page, 'merges-history');
  }, 120_000);
});
