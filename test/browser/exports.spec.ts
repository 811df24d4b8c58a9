import ExcelJS from 'exceljs';
import { startStudio, type Studio } from './support/studio-harness';

const ROWS = 30_001;
const CITIES = ['Bogotá', 'Medellín', 'Cali', 'Barranquilla'];

/** B6 in the Studio: a view past the direct Excel's limit is offered as a background export, followed on "Mis exportaciones" to its link. */
describe('Studio background exports', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
    for (let from = 0; from < ROWS; from += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, ROWS - from) }, (_, i) => ({
        nombre: `Persona ${from + i + 1}`,
        apellido: (from + i) % 7 === 0 ? '=HYPERLINK("http://x")' : 'Gómez',
        tipo_documento: 'cc',
        documento: String(80_000_000 + from + i),
        ciudad: CITIES[(from + i) % 4],
      }));
      const bulk = await s.api('POST', '/api/v1/records/contactos/bulk', { rows, mode: 'insert' });
      expect(bulk.status).toBe(200);
    }
  }, 600_000);
  afterAll(() => s?.close());

  it('offers the background export past 30,000 rows, shows its progress and then its link on Mis exportaciones', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('nav.side-menu a[data-module=contactos]');
    await page.waitForSelector('[data-testid=row-count]');

    await page.click('[data-testid=excel]');
    const offer = page.locator('[data-testid=export-offer]');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('30.001 registros');
    await s.shot(page, 'exports-offer');

    await page.click('[data-testid=export-offer-background]');
    await page.waitForURL(/\/exports$/);
    await page.waitForSelector('h1:has-text("Mis exportaciones")');
    await page.waitForSelector('[data-testid=export-progress]');
    await s.shot(page, 'exports-progress');

    const download = page.locator('[data-testid=export-download]');
    await download.waitFor({ timeout: 180_000 });
    const row = page.locator('tr[data-export]').first();
    expect(await row.getAttribute('data-state')).toBe('completed');
    expect(await row.textContent()).toContain('30.001');
    await s.shot(page, 'exports-link');

    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^contactos-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const reader = new ExcelJS.stream.xlsx.WorkbookReader((await file.path())!, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
    let rows = 0;
    let formulas = 0;
    let neutralised = 0;
    for await (const sheet of reader) {
      for await (const r of sheet) {
        if (r.number === 1) continue;
        rows++;
        for (const cell of (r.values as unknown[]).slice(1)) {
          if (typeof cell === 'object' && cell !== null && 'formula' in cell) formulas++;
          if (cell === '\'=HYPERLINK("http://x")') neutralised++;
        }
      }
    }
    expect(rows).toBe(ROWS);
    expect(formulas).toBe(0);
    // The table's first seven columns hold the surname: every seventh contact's formula arrives as text.
    expect(neutralised).toBe(Math.ceil(ROWS / 7));
  });
});
