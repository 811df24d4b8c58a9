import { readFileSync } from 'node:fs';
import { startStudio, type Studio } from './support/studio-harness';

const CASE = { tipo: 'queja', asunto: 'Cobro repetido en la factura', estado: 'nuevo', prioridad: 'media' };
const TREE = {
  casos: [
    { key: 'facturacion', label: { es: 'Facturación', en: 'Billing' }, children: [{ key: 'cobro_doble', label: { es: 'Cobro doble', en: 'Double charge' } }] },
    { key: 'soporte', label: { es: 'Soporte técnico', en: 'Technical support' } },
  ],
};

/** R2 on a case: attachments through the form (upload, list, download, refused type) and the tipificación button. */
describe('Studio attachments and tipificación', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  it('attaches a file to a case through the form, lists it and downloads it', async () => {
    const created = await s.api('POST', '/api/v1/records/casos', CASE);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/m/casos/${created.body.id}`);
    const field = page.locator('[data-testid=files-adjuntos]');
    await field.locator('text=Tipos permitidos').waitFor();

    await page.setInputFiles('[data-testid=file-input-adjuntos]', { name: 'virus.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
    await field.locator('[data-testid=file-error]:has-text("virus.exe")').waitFor();

    await page.setInputFiles('[data-testid=file-input-adjuntos]', { name: 'acta de reunión.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 acta') });
    await field.locator('[data-testid=file-download]:has-text("acta de reunión.pdf")').waitFor();
    await page.click('[data-testid=save-record]');
    await page.locator('text=Registro guardado.').waitFor();
    const saved = await s.api('GET', `/api/v1/records/casos/${created.body.id}`);
    expect(saved.body.adjuntos).toEqual([expect.objectContaining({ name: 'acta de reunión.pdf', size: 13, mime: 'application/pdf' })]);

    const [download] = await Promise.all([page.waitForEvent('download'), field.locator('[data-testid=file-download]').click()]);
    expect(download.suggestedFilename()).toBe('acta de reunión.pdf');
    expect(readFileSync(await download.path()).toString('utf8')).toBe('%PDF-1.4 acta');
    await s.shot(page, 'attachments-case-file');
  });

  it('tipifica a case: the path lands on the case and in its activities', async () => {
    expect((await s.api('PUT', '/api/v1/settings/tipificaciones', { value: TREE })).status).toBe(200);
    const created = await s.api('POST', '/api/v1/records/casos', CASE);
    const page = await s.page({ lang: 'en' });
    await s.login(page);
    await page.goto(`${s.url}/m/casos/${created.body.id}`);
    await page.click('[data-testid=tipificar]');
    const dialog = page.locator('[data-testid=tipificar-dialog]');
    await dialog.locator('text=Billing').waitFor();
    await dialog.locator('[data-testid=tipificar-cobro_doble]').click();
    await page.locator('[data-testid=activities] >> text=Disposition: Billing › Double charge').waitFor();
    await s.shot(page, 'attachments-tipificacion');

    const saved = await s.api('GET', `/api/v1/records/casos/${created.body.id}`);
    expect(saved.body.tipificacion).toBe('Billing › Double charge');
    const notes = await s.api('POST', '/api/v1/records/actividades/query', { filter: { field: 'caso', op: 'eq', value: created.body.id } });
    expect(notes.body.items).toEqual([expect.objectContaining({ tipo: 'nota', estado: 'completada', asunto: 'Disposition: Billing › Double charge' })]);
  });
});
