import { startStudio, type Studio } from './support/studio-harness';

/** Issue 12 item 6: kanban column counts come from the aggregation, not from the loaded cards, columns load page by page, and the table counts exactly on request. */
describe('Studio kanban: counts from the aggregation, cards page by page', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
    const rows = [
      ...Array.from({ length: 60 }, (_, i) => ({ nombre: `Prospecto ${String(i + 1).padStart(2, '0')}`, fase: 'prospeccion', fecha_cierre: '2027-01-31', monto: String(1_000_000 + i) })),
      ...Array.from({ length: 1_200 }, (_, i) => ({ nombre: `Ganada ${i + 1}`, fase: 'ganada', fecha_cierre: '2026-11-30', monto: '2500000' })),
    ];
    const bulk = await s.api('POST', '/api/v1/records/oportunidades/bulk', { rows, mode: 'insert' });
    expect(bulk.status).toBe(200);
  });
  afterAll(() => s?.close());

  it('shows every column count, loads more cards on request and moves the counts with a dropped card', async () => {
    const expected = async (fase: string) => (await s.api('POST', '/api/v1/records/oportunidades/aggregate', { filter: { field: 'fase', op: 'eq', value: fase } })).body.rows[0].values[0] as number;
    const prospects = await expected('prospeccion');
    const won = await expected('ganada');
    expect(won).toBeGreaterThanOrEqual(1_200);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/oportunidades/kanban`);
    const column = (key: string) => page.locator(`[data-column=${key}]`);
    const count = async (key: string) => Number(await column(key).locator('[data-count]').getAttribute('data-count'));
    await column('ganada').locator(`[data-count="${won}"]`).waitFor();
    // Far more than the loaded cards, written in Spanish conventions.
    expect(await column('ganada').locator('h2').innerText()).toContain(`(${won.toLocaleString('es-CO')})`);
    expect(await column('ganada').locator('article.card').count()).toBe(25);
    expect(await count('prospeccion')).toBe(prospects);
    expect(await column('prospeccion').locator('article.card').count()).toBe(25);

    await column('prospeccion').locator('button.column-more').click();
    await column('prospeccion').locator('article.card').nth(49).waitFor();
    expect(await column('prospeccion').locator('article.card').count()).toBe(50);
    await s.shot(page, 'kanban-counts-more');

    const card = column('prospeccion').locator('article.card').first();
    const id = await card.getAttribute('data-id');
    await card.dragTo(column('negociacion'));
    await column('negociacion').locator(`[data-id="${id}"]`).waitFor();
    await page.waitForSelector('text=Tarjeta movida a Negociación.');
    expect(await count('prospeccion')).toBe(prospects - 1);
    expect(await count('negociacion')).toBe(await expected('negociacion'));
    await s.shot(page, 'kanban-counts-moved');

    // After a reload the counts are the server's again.
    await page.reload();
    await column('prospeccion')
      .locator(`[data-count="${prospects - 1}"]`)
      .waitFor();
  });

  it('the table counts up to 1,000 and shows the exact total when asked', async () => {
    const all = (await s.api('POST', '/api/v1/records/oportunidades/aggregate', {})).body.rows[0].values[0] as number;
    expect(all).toBeGreaterThan(1_000);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/oportunidades`);
    await page.waitForSelector('[data-testid=row-count]:has-text("1.000+ registros")');
    await page.click('[data-testid=count-exactly]');
    await page.waitForSelector(`[data-testid=row-count]:has-text("${all.toLocaleString('es-CO')} registros")`);
    expect(await page.locator('[data-testid=count-exactly]').count()).toBe(0);
    await s.shot(page, 'table-exact-total');
  });
});
