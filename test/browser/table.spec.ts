import ExcelJS from 'exceljs';
import { startStudio, type Studio } from './support/studio-harness';

const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla'];
const DOCS = ['cc', 'ce', 'pasaporte'];

/** R1 and R5: the table of a module (search, filter builder, sort, columns, selection, Excel) and the kanban. */
describe('Studio table view and kanban', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
    const rows = Array.from({ length: 40 }, (_, i) => ({
      nombre: `Persona ${String(i + 1).padStart(2, '0')}`,
      apellido: i % 10 === 0 ? 'Ospina' : 'Gómez',
      tipo_documento: DOCS[i % 3],
      documento: String(70_000_000 + i),
      ciudad: CITIES[i % 4],
    }));
    const bulk = await s.api('POST', '/api/v1/records/contactos/bulk', { rows, mode: 'insert' });
    expect(bulk.status).toBe(200);
  });
  afterAll(() => s?.close());

  /** The count the API gives for a filter, to compare the table with. */
  const total = async (filter: unknown) => (await s.api('POST', '/api/v1/records/contactos/query', { filter, limit: 1 })).body.total as number;

  it('searches, filters with AND / OR groups, sorts and chooses columns', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.waitForSelector('[data-testid=row-count]:has-text("40 registros")');

    await page.fill('[data-testid=quick-search]', 'Ospina');
    await page.press('[data-testid=quick-search]', 'Enter');
    await page.waitForSelector('[data-testid=row-count]:has-text("4 registros")');
    await page.fill('[data-testid=quick-search]', '');
    await page.press('[data-testid=quick-search]', 'Enter');
    await page.waitForSelector('[data-testid=row-count]:has-text("40 registros")');

    // Ciudad = Medellín AND (documento CC OR pasaporte)
    await page.click('[data-testid=toggle-filters]');
    await page.click('[data-testid=add-condition]');
    const first = page.locator('[data-testid=filter-condition]').nth(0);
    await first.locator('select[aria-label=Campo]').selectOption('ciudad');
    await first.locator('select[aria-label=Operador]').selectOption('eq');
    await first.locator('[data-testid=condition-value]').fill('Medellín');
    await page.click('text=Agregar grupo');
    const group = page.locator('fieldset.filter-group:not(.root)');
    await group.locator('[data-testid=add-condition]').click();
    await group.locator('[data-testid=add-condition]').click();
    for (const [index, doc] of [
      [0, 'cc'],
      [1, 'pasaporte'],
    ] as const) {
      const condition = group.locator('[data-testid=filter-condition]').nth(index);
      await condition.locator('select[aria-label=Campo]').selectOption('tipo_documento');
      await condition.locator('select[aria-label=Operador]').selectOption('eq');
      await condition.locator('[data-testid=condition-value]').selectOption(doc);
    }
    await page.click('text=Aplicar filtro');
    const expected = await total({
      and: [
        { field: 'ciudad', op: 'eq', value: 'Medellín' },
        {
          or: [
            { field: 'tipo_documento', op: 'eq', value: 'cc' },
            { field: 'tipo_documento', op: 'eq', value: 'pasaporte' },
          ],
        },
      ],
    });
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(10);
    await page.waitForSelector(`[data-testid=row-count]:has-text("${expected} registros")`);
    await s.shot(page, 'table-filtered');

    // Sort by name, descending on the second click.
    await page.click('th[data-field=nombre] button');
    await page.click('th[data-field=nombre] button');
    await page.waitForSelector('th[data-field=nombre]:has-text("▼")');
    // The arrow turns at the click; the rows arrive with the next answer.
    const descending = (list: string[]) => list.length > 1 && list.every((name, i) => i === 0 || list[i - 1] >= name);
    let names: string[] = [];
    for (let i = 0; i < 50 && !descending(names); i++) {
      if (i > 0) await page.waitForTimeout(100);
      names = await page.locator('.table-wrap:not(.loading) tbody tr td:nth-child(3)').allTextContents();
    }
    expect(names).toEqual([...names].sort().reverse());

    // Column chooser: add "Ciudad" if it is not shown, and it stays chosen after a reload.
    await page.click('[data-testid=column-chooser]');
    const city = page.locator('input[data-column=ciudad]');
    if (!(await city.isChecked())) await city.check();
    await page.waitForSelector('th[data-field=ciudad]');
    await page.reload();
    await page.waitForSelector('th[data-field=ciudad]');
  });

  it('downloads the Excel with the filter and reads it back', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.click('[data-testid=toggle-filters]');
    await page.click('[data-testid=add-condition]');
    const condition = page.locator('[data-testid=filter-condition]').first();
    await condition.locator('select[aria-label=Campo]').selectOption('ciudad');
    await condition.locator('select[aria-label=Operador]').selectOption('eq');
    await condition.locator('[data-testid=condition-value]').fill('Cali');
    await page.click('text=Aplicar filtro');
    await page.waitForSelector('[data-testid=row-count]:has-text("10 registros")');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=excel]')]);
    expect(download.suggestedFilename()).toMatch(/^contactos-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Contactos');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Nombres');
    expect(header).toContain('Tipo de documento');
    expect(sheet.rowCount).toBe(11);
    const docColumn = header.indexOf('Tipo de documento') + 1;
    const docLabels = new Set(Array.from({ length: 10 }, (_, i) => sheet.getRow(i + 2).getCell(docColumn).value));
    // Option labels, not keys.
    for (const label of docLabels) expect(['Cédula de ciudadanía', 'Cédula de extranjería', 'Pasaporte']).toContain(label);
    await page.waitForSelector('text=Se descargó el Excel con 10 registros.');
    await s.shot(page, 'table-excel-downloaded');
  });

  it('selects all N records across pages and deletes the selection', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.fill('[data-testid=quick-search]', 'Gómez');
    await page.press('[data-testid=quick-search]', 'Enter');
    const matching = await total({ field: 'apellido', op: 'contains', value: 'Gómez' });
    expect(matching).toBeGreaterThan(25);
    await page.waitForSelector(`[data-testid=row-count]:has-text("${matching} registros")`);
    await page.waitForSelector('.table-wrap:not(.loading)');
    await page.check('[data-testid=select-page]');
    await page.click('[data-testid=select-all]');
    await page.waitForSelector(`text=Los ${matching} registros están seleccionados.`);
    await s.shot(page, 'table-all-selected');

    // Mass task: one call per selected contact, linked to it.
    await page.click('[data-testid=mass-activity-open]');
    const dialog = page.locator('[data-testid=mass-activity]');
    await dialog.locator('#root_asunto').fill('Llamar para actualizar datos');
    await dialog.locator('#root_tipo').selectOption('llamada');
    await dialog.locator('#root_fecha_vencimiento').fill('2099-02-01T09:00');
    await dialog.locator('[data-testid=save-record]').click();
    await page.waitForSelector(`text=Se crearon ${matching} actividades.`);
    const calls = await s.api('POST', '/api/v1/records/actividades/query', {
      filter: {
        and: [
          { field: 'asunto', op: 'eq', value: 'Llamar para actualizar datos' },
          { field: 'contacto', op: 'notEmpty' },
        ],
      },
      limit: 1,
    });
    expect(calls.body.total).toBe(matching);
    // Assign every selected contact to the admin (the server checks the role hierarchy).
    const admin = (await s.api('GET', '/api/v1/users')).body.items.find((u: { username: string }) => u.username === s.admin);
    await page.click('[data-testid=assign-open]');
    await page.selectOption('[data-testid=assign-user]', admin.id);
    await page.click('[data-testid=assign-dialog] button.primary');
    await page.waitForSelector(`text=Se asignaron ${matching} registros.`);
    expect(await total({ field: 'assignee', op: 'eq', value: admin.id })).toBe(matching);

    // The selection stays after the assignment, ready for the next action.
    await page.waitForSelector(`text=Los ${matching} registros están seleccionados.`);
    // Mass delete: the exact count asked first, then one server job with its progress, then "Restaurar eliminación".
    await page.click('[data-testid=delete-open]');
    const confirm = page.locator('[data-testid=delete-dialog]');
    await confirm.locator(`[data-testid=delete-count][data-count="${matching}"]`).waitFor();
    expect(await confirm.locator('[data-testid=delete-count]').textContent()).toBe(`Se eliminarán ${matching} registros de Contactos.`);
    await s.shot(page, 'table-delete-confirm');
    await confirm.locator('[data-testid=delete-run]').click();
    await confirm.locator('[data-testid=delete-done]').waitFor();
    expect(await confirm.locator('[data-testid=delete-done]').textContent()).toBe(`Listo: ${matching} eliminados, 0 no son suyos, 0 ya no estaban.`);
    await s.shot(page, 'table-delete-done');
    await page.waitForSelector('[data-testid=row-count]:has-text("0 registros")');
    expect(await total(undefined)).toBe(40 - matching);
    page.once('dialog', (dialog) => void dialog.accept());
    await confirm.locator('[data-testid=restore-deletion-run]').click();
    await confirm.locator('[data-testid=undelete-done]').waitFor();
    expect(await total(undefined)).toBe(40);
    await confirm.locator('[data-testid=deletions-open]').click();
    await page.locator('table[data-testid=deletions] tr[data-state=completed] [data-testid=restore-deletion-run]:disabled').waitFor();
    await s.shot(page, 'deletions');
  });

  it('drags an opportunity card to another phase and saves it with its version', async () => {
    const created = await s.api('POST', '/api/v1/records/oportunidades', { nombre: 'Renovación call center', fase: 'prospeccion', fecha_cierre: '2027-03-31', monto: '12500000' });
    expect(created.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/oportunidades/kanban`);
    const card = page.locator(`article.card[data-id="${created.body.id}"]`);
    await page.locator('[data-column=prospeccion]').locator(`[data-id="${created.body.id}"]`).waitFor();
    await card.dragTo(page.locator('[data-column=negociacion]'));
    await page.locator('[data-column=negociacion]').locator(`[data-id="${created.body.id}"]`).waitFor();
    await page.waitForSelector('text=Tarjeta movida a Negociación.');
    await s.shot(page, 'kanban-dragged');
    expect((await s.api('GET', `/api/v1/records/oportunidades/${created.body.id}`)).body).toMatchObject({ fase: 'negociacion', version: 2 });

    // Quick filter: only what closes this month.
    const today = new Date().toISOString().slice(0, 10);
    const soon = await s.api('POST', '/api/v1/records/oportunidades', { nombre: 'Ampliación 10 puestos', fase: 'propuesta', fecha_cierre: today });
    await page.reload();
    await page.locator(`article.card[data-id="${soon.body.id}"]`).waitFor();
    await page.click('[data-quick=closingThisMonth]');
    await card.waitFor({ state: 'detached' });
    expect(await page.locator('article.card').count()).toBe(1);
    await page.click('[data-quick=closingThisMonth]');
    await card.waitFor();

    // A saved view keeps the grouping and the card fields.
    await page.click('text=Campos de la tarjeta');
    await page.locator('.dropdown-panel label', { hasText: 'Fecha de cierre' }).locator('input').check();
    await page.click('[data-testid=save-view]');
    await page.fill('input[aria-label="Nombre de la vista"]', 'Cierres');
    await page.fill('input[aria-label="Categoría"]', 'Ventas');
    await page.click('.inline-save button[type=submit]');
    await page.waitForSelector('text=Vista «Cierres» guardada.');
    await page.reload();
    await page.selectOption('[data-testid=saved-views]', 'Cierres');
    await card.locator('[data-card-field=fecha_cierre]').waitFor();
    await s.shot(page, 'kanban-saved-view');
  });
});
