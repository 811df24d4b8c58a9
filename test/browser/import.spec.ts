import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importClient } from '../e2e/imports/import-client';
import { startStudio, type Studio } from './support/studio-harness';

/** The Línea 147 extract of 18–24 August 2021, exactly as Buenos Aires publishes it (semicolons, DD/MM/YYYY, empty cells, two repeated rows). */
const FILE = resolve(__dirname, '../fixtures/ba147/147_18-24_agosto.csv');
// Counted from the file: 13,918 data rows after the header, two of them exact repeats of an earlier row.
const ROWS = 13_918;
const DUPLICATES = 2;
const LONG = 600_000;

const label = (es: string, en = es) => ({ es, en });
const text = (key: string, es: string, en?: string) => ({ key, type: 'text', label: label(es, en) });
const option = (key: string, es: string, en = es) => ({ key, label: label(es, en) });
const FIELDS = [
  text('categoria', 'Categoría', 'Category'),
  text('subcategoria', 'Subcategoría', 'Subcategory'),
  text('prestacion', 'Prestación', 'Service item'),
  {
    key: 'tipo_prestacion',
    type: 'select',
    label: label('Tipo de prestación', 'Service type'),
    options: [
      option('solicitud', 'Solicitud', 'Request'),
      option('denuncia', 'Denuncia', 'Complaint'),
      option('servicio', 'Servicio', 'Service'),
      option('queja', 'Queja', 'Grievance'),
      option('reporte', 'Reporte', 'Report'),
    ],
  },
  { key: 'fecha_ingreso', type: 'date', label: label('Fecha de ingreso', 'Date received') },
  text('hora_ingreso', 'Hora de ingreso', 'Time received'),
  { key: 'domicilio_comuna', type: 'integer', label: label('Comuna', 'Commune') },
  text('domicilio_barrio', 'Barrio', 'Neighbourhood'),
  text('domicilio_calle', 'Calle', 'Street'),
  { key: 'domicilio_altura', type: 'integer', label: label('Altura', 'Street number') },
  // 10 is the largest scale a decimal field takes; the file's 13-decimal coordinates are rounded to it.
  { key: 'lat', type: 'decimal', scale: 10, label: label('Latitud', 'Latitude') },
  { key: 'lon', type: 'decimal', scale: 10, label: label('Longitud', 'Longitude') },
  text('canal', 'Canal', 'Channel'),
  { key: 'genero', type: 'select', label: label('Género', 'Gender'), options: [option('masculino', 'Masculino', 'Male'), option('femenino', 'Femenino', 'Female'), option('otros', 'Otros', 'Other')] },
  { key: 'estado_del_contacto', type: 'select', label: label('Estado del contacto', 'Contact state'), options: [option('abierto', 'Abierto', 'Open'), option('cerrado', 'Cerrado', 'Closed')] },
  { key: 'fecha_cierre_contacto', type: 'date', label: label('Fecha de cierre', 'Date closed') },
  text('hora_cierre_contacto', 'Hora de cierre', 'Time closed'),
];

/** Issue 10 in the Studio: the Línea 147 extract imported through the wizard as it is, the counts read from the summary and checked against the file. */
describe('Studio: import wizard', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
    const created = await s.api('POST', '/api/v1/modules', {
      key: 'linea147',
      version: 1,
      icon: 'phone',
      names: { singular: label('Contacto 147', 'Line 147 contact'), plural: label('Línea 147', 'Line 147') },
      fields: FIELDS,
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => s?.close());

  it(
    'uploads the file, fixes a mapping, validates, imports skipping duplicates and reads the summary',
    async () => {
      const page = await s.page({ lang: 'es' });
      // Each step waits for the server to read the file again; a busy machine takes longer than the harness's default.
      page.setDefaultTimeout(60_000);
      await s.login(page);
      await page.click('nav.side-menu a[data-module=linea147]');
      await page.click('[data-testid=import-open]');
      await page.setInputFiles('[data-testid=import-file]', FILE);

      // Mapping: every header is its field's key except the file's typo, which nothing matches.
      const mapping = page.locator('[data-testid=import-mapping]');
      await mapping.waitFor();
      const fieldOf = (header: string) => mapping.locator(`tr[data-header="${header}"] [data-testid=mapping-field]`);
      // Intl separates number and unit with a no-break space.
      expect((await page.textContent('[data-testid=import-file-line]'))?.replace(/\s/g, ' ')).toBe('147_18-24_agosto.csv · 2,9 MB');
      for (const field of FIELDS.filter((f) => f.key !== 'domicilio_calle')) expect(await fieldOf(field.key).inputValue()).toBe(field.key);
      expect(await fieldOf('domiclio_calle').inputValue()).toBe('');
      expect(await mapping.locator('[data-testid=mapping-count]').textContent()).toBe('16 de 17 columnas asignadas a un campo.');
      // Up to three different values of the column, from the first rows of the file.
      expect(await mapping.locator('tr[data-header=domiclio_calle] .samples .chip').allTextContents()).toEqual(['SOLER', 'FITZ ROY', 'GUATEMALA']);
      expect(await mapping.locator('tr[data-header=genero] .samples .chip').allTextContents()).toEqual(['Femenino', 'Masculino']);
      await s.shot(page, 'import-mapping');

      await fieldOf('domiclio_calle').selectOption('domicilio_calle');
      await mapping.locator('[data-testid=mapping-count]:has-text("17 de 17 columnas")').waitFor();

      // Values: detected from the file.
      await page.click('[data-testid=wizard-next]');
      const values = page.locator('[data-testid=import-values]');
      await values.waitFor();
      expect(await values.locator('[data-testid=values-delimiter]').inputValue()).toBe(';');
      expect(await values.locator('[data-testid=values-encoding]').inputValue()).toBe('utf-8');
      expect(await values.locator('[data-testid=values-date-order]').inputValue()).toBe('dmy');
      expect(await values.locator('[data-testid=values-decimal-mark]').inputValue()).toBe('.');

      // Preview: the first 50 rows as stored, shown as their field types show them; none has an issue.
      await page.click('[data-testid=wizard-next]');
      const preview = page.locator('[data-testid=import-preview]');
      await preview.locator('tr[data-line="2"]').waitFor();
      expect(await preview.locator('tbody tr').count()).toBe(50);
      expect(await preview.locator('.cell-issue').count()).toBe(0);
      const first = preview.locator('tr[data-line="2"]');
      expect(await first.locator('td[data-field=tipo_prestacion]').textContent()).toBe('Denuncia');
      expect(await first.locator('td[data-field=fecha_ingreso]').textContent()).toMatch(/^18\/0?8\/2021$/);
      expect(await first.locator('td[data-field=domicilio_calle]').textContent()).toBe('SOLER');
      expect(await first.locator('td[data-field=genero]').textContent()).toBe('Femenino');

      // Validar reads the whole file and writes nothing: every row converts.
      await page.click('[data-testid=validate]');
      const validated = page.locator('[data-testid=validate-result]');
      await validated.waitFor({ timeout: LONG });
      expect(await validated.getAttribute('data-total')).toBe(String(ROWS));
      expect(await validated.getAttribute('data-errors')).toBe('0');
      expect((await s.api('POST', '/api/v1/records/linea147/query', { limit: 1, count: 'exact' })).body.total).toBe(0);

      // Insert only, skipping the repeated rows.
      await page.click('[data-testid=wizard-next]');
      await page.check('[data-testid=mode-insert]');
      await page.check('[data-testid=skip-duplicates]');
      await page.click('[data-testid=confirm-import]');
      await page.locator('[data-testid=import-progress]').waitFor();
      await page.locator('[data-testid=job-progress][data-progress="100"]').waitFor({ timeout: LONG });

      const summary = page.locator('[data-testid=import-summary][data-state=completed]');
      await summary.waitFor({ timeout: LONG });
      const count = async (name: string) => (await summary.locator(`[data-count=${name}] dd`).textContent())?.replace(/\D/g, '');
      expect(await count('total')).toBe(String(ROWS));
      expect(await count('inserted')).toBe(String(ROWS - DUPLICATES));
      expect(await count('updated')).toBe('0');
      expect(await count('duplicates')).toBe(String(DUPLICATES));
      expect(await count('errorCount')).toBe('0');
      expect(await summary.locator('[data-count=total] dd').textContent()).toBe('13.918');
      await s.shot(page, 'import-summary');

      expect((await s.api('POST', '/api/v1/records/linea147/query', { limit: 1, count: 'exact' })).body.total).toBe(ROWS - DUPLICATES);

      // The history lists the validation and the import, newest first.
      await page.click('[data-testid=open-history]');
      const history = page.locator('[data-testid=import-history] tbody tr');
      await history.first().waitFor();
      expect(await history.count()).toBe(2);
      expect(await history.nth(0).textContent()).toContain('Insertar');
      expect(await history.nth(1).textContent()).toContain('Validación');
    },
    LONG * 3,
  );

  it(
    'creates a field for an unmatched column, saves and reapplies the mapping, lists a bad date, updates by key and restores the backup with a conflict',
    async () => {
      const created = await s.api('POST', '/api/v1/modules', {
        key: 'clientes_imp',
        version: 1,
        icon: 'briefcase',
        names: { singular: label('Cliente', 'Customer'), plural: label('Clientes importados', 'Imported customers') },
        fields: [text('nit', 'NIT'), text('nombre', 'Nombre', 'Name'), text('ciudad', 'Ciudad', 'City'), { key: 'fecha', type: 'date', label: label('Fecha', 'Date') }],
      });
      expect(created.status).toBe(201);
      for (const [nit, nombre, ciudad] of [
        ['900001', 'Acme', 'Bogotá'],
        ['900002', 'Beta', 'Cali'],
        ['900003', 'Gamma', 'Lima'],
      ]) {
        expect((await s.api('POST', '/api/v1/records/clientes_imp', { nit, nombre, ciudad })).status).toBe(201);
      }
      // Two updates, a date that does not exist, one new customer; "Notas" matches no field yet.
      const file = join(mkdtempSync(join(tmpdir(), 'import-')), 'clientes.csv');
      writeFileSync(
        file,
        'NIT;Nombre;Ciudad;Fecha;Notas\r\n900001;Acme S.A.;Medellín;15/01/2026;cliente VIP\r\n900002;Beta;Cali;31/02/2026;revisar\r\n900003;Gamma;Lima;;llamar\r\n900004;Delta;Quito;16/01/2026;nuevo\r\n',
      );
      const byNit = async () => {
        const records = (await s.api('POST', '/api/v1/records/clientes_imp/query', { limit: 10 })).body.items as Record<string, unknown>[];
        return new Map(records.map((r) => [r.nit as string, r]));
      };

      const page = await s.page({ lang: 'es' });
      // Each step waits for the server to read the file again; a busy machine takes longer than the harness's default.
      page.setDefaultTimeout(60_000);
      page.on('dialog', (dialog) => void dialog.accept());
      await s.login(page);
      await page.click('nav.side-menu a[data-module=clientes_imp]');
      await page.click('[data-testid=import-open]');
      // The example file: the module's labels as headers.
      const [example] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=example-csv]')]);
      expect(example.suggestedFilename()).toBe('clientes_imp-ejemplo.csv');
      expect(
        readFileSync(await example.path(), 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)[0],
      ).toMatch(/^NIT[;,]Nombre[;,]Ciudad[;,]Fecha$/);
      await page.setInputFiles('[data-testid=import-file]', file);
      const mapping = page.locator('[data-testid=import-mapping]');
      const fieldOf = (header: string) => mapping.locator(`tr[data-header="${header}"] [data-testid=mapping-field]`);
      await mapping.waitFor();
      expect(await fieldOf('NIT').inputValue()).toBe('nit');
      expect(await fieldOf('Notas').inputValue()).toBe('');

      // "Crear campo": the designer's plan review, then the new field fills the column.
      await mapping.locator('tr[data-header=Notas] [data-testid=create-field]').click();
      await page.locator('[data-testid=plan-review] [data-testid=review-plan] li').first().waitFor();
      await page.click('[data-testid=apply-change]');
      await mapping.locator('[data-testid=mapping-count]:has-text("5 de 5 columnas")').waitFor();
      // The field list comes with the module definitions read again after the change.
      await page.waitForFunction(`document.querySelector('tr[data-header=Notas] [data-testid=mapping-field]')?.value === 'notas'`);
      expect((await s.api('GET', '/api/v1/modules/clientes_imp')).body.fields.map((f: { key: string }) => f.key)).toEqual(['nit', 'nombre', 'ciudad', 'fecha', 'notas']);

      // Saved by name, then applied again by header after the column was ignored.
      await mapping.locator('[data-testid=mapping-name]').fill('Clientes mensual');
      await mapping.locator('[data-testid=save-mapping]').click();
      await mapping.locator('[data-testid=saved-mapping] option:has-text("Clientes mensual")').waitFor({ state: 'attached' });
      const saved = (await s.api('GET', '/api/v1/imports/mappings/clientes_imp')).body.items;
      expect(saved.map((m: { name: string }) => m.name)).toEqual(['Clientes mensual']);
      expect(saved[0].mapping.map((m: { field: string | null }) => m.field)).toEqual(['nit', 'nombre', 'ciudad', 'fecha', 'notas']);
      await fieldOf('Notas').selectOption('');
      await mapping.locator('[data-testid=mapping-count]:has-text("4 de 5 columnas")').waitFor();
      await mapping.locator('[data-testid=saved-mapping]').selectOption({ label: 'Clientes mensual' });
      await mapping.locator('[data-testid=mapping-count]:has-text("5 de 5 columnas")').waitFor();
      expect(await fieldOf('Notas').inputValue()).toBe('notas');

      // The preview marks the one cell that cannot be read, with the reason.
      await page.click('[data-testid=wizard-next]');
      await page.click('[data-testid=wizard-next]');
      const preview = page.locator('[data-testid=import-preview]');
      await preview.locator('tr[data-line="5"]').waitFor();
      expect(await preview.locator('.cell-issue').count()).toBe(1);
      const bad = preview.locator('tr[data-line="3"] td[data-field=fecha].cell-issue');
      expect(await bad.locator('span').textContent()).toBe('31/02/2026');
      expect(await bad.locator('.issue-message').textContent()).toContain('31/02/2026');
      expect(await preview.locator('tr[data-line="2"] td[data-field=notas]').textContent()).toBe('cliente VIP');

      await page.click('[data-testid=validate]');
      const validated = page.locator('[data-testid=validate-result]');
      await validated.waitFor({ timeout: LONG });
      expect(await validated.getAttribute('data-errors')).toBe('1');
      expect(await validated.textContent()).toBe('Validación completa: 1 de 4 filas tienen errores.');
      const failed = page.locator('[data-testid=validate-panel] [data-testid=failed-rows] tbody tr');
      await failed.first().waitFor();
      expect(await failed.count()).toBe(1);
      expect(await failed.first().getAttribute('data-line')).toBe('3');
      expect(await failed.first().locator('.reason').textContent()).toContain('31/02/2026');
      await s.shot(page, 'import-validation');
      // Every failed row as a CSV: the original header and row, and the reason.
      const [failures] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=validate-panel] [data-testid=download-failures]')]);
      const csv = readFileSync(await failures.path(), 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/);
      expect(csv[0]).toBe('NIT;Nombre;Ciudad;Fecha;Notas;motivo');
      expect(csv[1]).toMatch(/^900002;Beta;Cali;31\/02\/2026;revisar;.*31\/02\/2026/);

      // Insert or update by NIT: the two existing customers change, so a backup is kept.
      await page.click('[data-testid=wizard-next]');
      await page.check('[data-testid=mode-upsert]');
      expect(await page.isDisabled('[data-testid=confirm-import]')).toBe(true);
      await page.check('[data-testid=key-fields] input[value=nit]');
      await page.click('[data-testid=confirm-import]');
      const summary = page.locator('[data-testid=import-summary][data-state=completed]');
      await summary.waitFor({ timeout: LONG });
      const count = async (name: string) => (await summary.locator(`[data-count=${name}] dd`).textContent())?.replace(/\D/g, '');
      expect([await count('total'), await count('inserted'), await count('updated'), await count('errorCount')]).toEqual(['4', '1', '2', '1']);
      expect(await summary.textContent()).toContain('Se guardó una copia de seguridad');
      const loaded = await byNit();
      expect(loaded.get('900001')).toMatchObject({ nombre: 'Acme S.A.', ciudad: 'Medellín', fecha: '2026-01-15', notas: 'cliente VIP' });
      expect(loaded.get('900004')).toMatchObject({ nombre: 'Delta', notas: 'nuevo' });

      // Someone changes a loaded field afterwards: the restore leaves it and says so.
      const acme = loaded.get('900001') as { id: string; version: number };
      expect((await s.api('PATCH', `/api/v1/records/clientes_imp/${acme.id}`, { version: acme.version, ciudad: 'Envigado' })).status).toBe(200);

      await page.click('[data-testid=open-backups]');
      const backup = page.locator('[data-testid=backups] tbody tr');
      await backup.first().waitFor();
      expect(await backup.count()).toBe(1);
      expect(await backup.first().locator('td').nth(3).textContent()).toBe('2');
      await backup.first().locator('[data-testid=restore]').click();
      const restored = page.locator('[data-testid=restore-result]');
      await restored.waitFor({ timeout: LONG });
      expect(await restored.locator('[data-count=restored] dd').textContent()).toBe('2');
      expect(await restored.locator('[data-count=conflicts] dd').textContent()).toBe('1');
      const conflict = page.locator(`[data-testid=restore-conflicts] tr[data-id="${acme.id}"]`);
      expect(await conflict.locator('td').nth(1).textContent()).toBe('Ciudad');
      await page.locator('[data-testid=backups] tbody tr [data-testid=restore][disabled]').waitFor();
      await s.shot(page, 'import-restore');

      const after = await byNit();
      expect(after.get('900001')).toMatchObject({ nombre: 'Acme', ciudad: 'Envigado', fecha: null, notas: null });
      expect(after.get('900003')).toMatchObject({ nombre: 'Gamma', notas: null });
      // What the load created is not the backup's to undo.
      expect(after.get('900004')).toMatchObject({ nombre: 'Delta', notas: 'nuevo' });
    },
    LONG,
  );

  it(
    'answers a second import of the module with the running one, follows it and cancels it (in English)',
    async () => {
      const module = 'linea147_en';
      expect(
        (
          await s.api('POST', '/api/v1/modules', {
            key: module,
            version: 1,
            icon: 'phone',
            names: { singular: label('Contacto', 'Contact'), plural: label('Línea 147 (bis)', 'Line 147 (again)') },
            fields: FIELDS,
          })
        ).status,
      ).toBe(201);
      const client = importClient(s.t, s.op);
      const page = await s.page({ lang: 'en' });
      page.setDefaultTimeout(60_000);
      await s.login(page);
      await page.click(`nav.side-menu a[data-module=${module}]`);
      await page.click('[data-testid=import-open]');
      await page.setInputFiles('[data-testid=import-file]', FILE);
      await page.locator('[data-testid=mapping-count]:has-text("16 of 17 columns mapped to a field.")').waitFor();
      await page.click('.wizard-steps [data-step=mode]');

      // Someone else's import of the same file starts first.
      const uploaded = await client.upload('147_18-24_agosto.csv', readFileSync(FILE));
      const preview = (await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module })).body;
      const running = await client.start({ fileId: uploaded.body.id, module, mapping: preview.mapping, options: preview.options, mode: 'insert' });
      expect(running.status).toBe(202);

      await page.click('[data-testid=confirm-import]');
      const refusal = page.locator('[data-testid=confirm-error]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(`Another job is already working on this (${running.body.id})`);
      await refusal.locator('[data-testid=open-running]').click();
      await page.locator('[data-testid=import-progress] [data-testid=job-progress]').waitFor();
      await page.click('[data-testid=cancel-import]');
      const summary = page.locator('[data-testid=import-summary][data-state=cancelled]');
      await summary.waitFor();
      expect(await summary.locator('h2').textContent()).toBe('Import cancelled');
      expect((await client.job(running.body.id)).state).toBe('cancelled');
      // What it committed before it stopped stays; it never reaches the whole file.
      expect(await client.count(module)).toBeLessThan(ROWS - DUPLICATES);
    },
    LONG,
  );
});
