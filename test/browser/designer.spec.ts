import { readFileSync } from 'node:fs';
import { startStudio, type Studio } from './support/studio-harness';

/** S1, S2, M5 and M7 in the Studio: the designer, the AI assistant, plan → review → apply, versions and schema bundles. */
describe('Studio module designer', () => {
  let s: Studio;
  beforeAll(async () => {
    s = await startStudio();
  });
  afterAll(() => s?.close());

  /** A small module made through the API, so each test starts from a known definition. */
  async function makeModule(key: string, fields: unknown[]) {
    const created = await s.api('POST', '/api/v1/modules', {
      key,
      version: 1,
      icon: 'package',
      names: { singular: { es: 'Equipo', en: 'Device' }, plural: { es: `Equipos ${key}`, en: `Devices ${key}` } },
      fields,
    });
    expect(created.status).toBe(201);
  }
  const text = (key: string, es: string, extra: Record<string, unknown> = {}) => ({ key, type: 'text', label: { es, en: es }, ...extra });

  it('creates a module from a prompt, refines it, creates it ("Crear formulario") and adds a record to it', async () => {
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('[data-testid=menu-settings]');
    await page.waitForSelector('h1:has-text("Módulos y campos")');
    await page.click('[data-testid=new-module]');
    const assistant = page.locator('[data-testid=ai-new-module]');
    await assistant
      .locator('textarea[name=prompt]')
      .fill('Crea un módulo de Vehículos con placa (texto, obligatorio), marca (lista: Chevrolet, Renault, Mazda), año (número) y fecha de vencimiento del SOAT (fecha)');
    await assistant.locator('[data-testid=ai-generate]').click();
    const fields = page.locator('[data-testid=draft-fields] tbody tr');
    await page.waitForSelector('[data-testid=draft-fields] tr[data-field=fecha_vencimiento_soat]');
    expect(await fields.count()).toBe(4);
    expect(await page.textContent('[data-testid=draft-fields] tr[data-field=marca]')).toContain('Chevrolet, Renault, Mazda');
    expect(await page.locator('[data-testid=not-understood]').count()).toBe(0);
    await s.shot(page, 'designer-ai-generated');

    // A second prompt refines the same draft.
    await assistant.locator('textarea[name=prompt]').fill('agrega un campo obligatorio Color con opciones Rojo, Blanco y Negro');
    await assistant.locator('[data-testid=ai-generate]').click();
    await page.waitForSelector('[data-testid=draft-fields] tr[data-field=color]');
    expect(await fields.count()).toBe(5);
    await s.shot(page, 'designer-ai-refined');

    await page.click('[data-testid=ai-create-form]');
    const basics = page.locator('[data-testid=ai-new-module] [data-testid=module-basics]');
    expect(await basics.locator('input[name=pluralEs]').inputValue()).toBe('Vehículos');
    expect(await basics.locator('input[name=singularEs]').inputValue()).toBe('Vehículo');
    await basics.locator('input[name=moduleName]').fill('Vehículos');
    await basics.locator('label[title=briefcase]').click();
    await s.shot(page, 'designer-ai-create-form');
    await basics.locator('[data-testid=create-module]').click();
    await page.waitForSelector('.module-designer[data-module=vehiculos] [data-testid=field-list] li[data-field=placa]');
    const stored = (await s.api('GET', '/api/v1/modules/vehiculos')).body;
    expect(stored).toMatchObject({ icon: 'briefcase', version: 1 });
    expect(stored.fields.map((f: { key: string }) => f.key)).toEqual(['placa', 'marca', 'ano', 'fecha_vencimiento_soat', 'color']);

    // The new module is in the menu and takes records through its generated form.
    await page.waitForSelector('nav.side-menu a[data-module=vehiculos]');
    await page.click('[data-testid=open-records]');
    await page.click('[data-testid=new-record]');
    await page.fill('#root_placa', 'KTM204');
    await page.selectOption('#root_marca', 'mazda');
    await page.fill('#root_ano', '2021');
    await page.fill('#root_fecha_vencimiento_soat', '2026-08-31');
    await page.selectOption('#root_color', 'rojo');
    await page.click('[data-testid=save-record]');
    await page.waitForSelector('[data-testid=tab-history]');
    await s.shot(page, 'designer-ai-module-record');
    const records = (await s.api('POST', '/api/v1/records/vehiculos/query', {})).body.items;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ placa: 'KTM204', marca: 'mazda', ano: 2021, fecha_vencimiento_soat: '2026-08-31', color: 'rojo' });
  });

  it('edits a module with AI and applies only the operations left ticked', async () => {
    await makeModule('equipos_ia', [text('nombre', 'Nombre', { required: true }), text('serial', 'Serial'), { key: 'observaciones', type: 'longText', label: { es: 'Observaciones', en: 'Notes' } }]);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/settings/modules/equipos_ia?tab=ai`);
    const panel = page.locator('[data-testid=ai-edit]');
    await panel.locator('textarea[name=prompt]').fill('agrega un campo obligatorio Canal con opciones WhatsApp, Teléfono y Correo. Elimina el campo observaciones. Y que sea bonito.');
    await panel.locator('[data-testid=ai-propose]').click();
    await page.waitForSelector('[data-testid=ai-operations] li[data-op=archiveField]');
    expect(await page.textContent('[data-testid=not-understood]')).toContain('que sea bonito');
    const archive = page.locator('[data-testid=ai-operations] li[data-op=archiveField]');
    expect(await archive.textContent()).toContain('archiva el campo «Observaciones» (los datos se conservan)');
    await archive.locator('input[type=checkbox]').uncheck();
    await s.shot(page, 'designer-ai-edit-unticked');

    await page.click('[data-testid=ai-review]');
    const review = page.locator('[data-testid=plan-review]');
    await review.waitFor();
    expect(await review.textContent()).toContain('agrega la columna «Canal»');
    expect(await review.textContent()).not.toContain('Observaciones');
    await s.shot(page, 'designer-ai-edit-review');
    await review.locator('[data-testid=apply-change]').click();
    await page.waitForSelector('text=Se aplicó la versión 2');

    const stored = (await s.api('GET', '/api/v1/modules/equipos_ia')).body;
    expect(stored.version).toBe(2);
    const canal = stored.fields.find((f: { key: string }) => f.key === 'canal');
    expect(canal).toMatchObject({ type: 'select', required: true });
    expect(canal.options.map((o: { key: string }) => o.key)).toEqual(['whatsapp', 'telefono', 'correo']);
    // The unticked operation was not applied.
    expect(stored.fields.find((f: { key: string }) => f.key === 'observaciones').archived).toBeUndefined();
  });

  it('archives a field that has data and restores it with the data back', async () => {
    await makeModule('equipos_arch', [text('nombre', 'Nombre'), text('notas', 'Notas')]);
    const created = await s.api('POST', '/api/v1/records/equipos_arch', { nombre: 'Router', notas: 'Garantía hasta 2027' });
    expect(created.status).toBe(201);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/settings/modules/equipos_arch`);
    await page.click('[data-testid=field-list] li[data-field=notas] [data-testid=archive-field]');
    expect(await page.textContent('[data-testid=pending-bar]')).toContain('Cambios sin aplicar: 1');
    await page.click('[data-testid=review-changes]');
    const review = page.locator('[data-testid=plan-review]');
    await review.waitFor();
    expect(await review.locator('[data-testid=review-plan]').textContent()).toContain('archiva el campo «Notas» (los datos se conservan)');
    await s.shot(page, 'designer-archive-review');
    await review.locator('[data-testid=apply-change]').click();
    await page.waitForSelector('[data-testid=archived-fields] li[data-field=notas]');
    const archived = (await s.api('GET', `/api/v1/records/equipos_arch/${created.body.id}`)).body;
    expect(archived.notas).toBeUndefined();

    await page.click('[data-testid=archived-fields] li[data-field=notas] [data-testid=restore-field]');
    await page.click('[data-testid=review-changes]');
    await review.waitFor();
    expect(await review.locator('[data-testid=review-plan]').textContent()).toContain('restaura el campo «Notas» con sus datos');
    await s.shot(page, 'designer-restore-review');
    await review.locator('[data-testid=apply-change]').click();
    await page.waitForSelector('text=Se aplicó la versión 3');
    const restored = (await s.api('GET', `/api/v1/records/equipos_arch/${created.body.id}`)).body;
    expect(restored.notas).toBe('Garantía hasta 2027');
  });

  it('adds a field of every type with its options, groups them into a section and applies them', async () => {
    await makeModule('equipos_tipos', [text('nombre', 'Nombre')]);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/settings/modules/equipos_tipos`);
    await page.waitForSelector('[data-testid=field-list] li[data-field=nombre]');
    const types = await page.locator('select[name=newFieldType] option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(types).toHaveLength(20);
    for (const type of types) {
      await page.fill('input[name=newFieldLabel]', `Campo ${type}`);
      await page.selectOption('select[name=newFieldType]', type);
      await page.click('[data-testid=add-field]');
      await page.waitForSelector(`[data-testid=field-editor][data-field=campo_${type.toLowerCase()}]`);
      const editor = page.locator('[data-testid=field-editor]');
      if (type === 'currency') {
        await editor.locator('select[name=currency]').selectOption('USD');
        await editor.locator('input[name=scale]').fill('0');
      }
      if (type === 'select') {
        // The picklist editor: keys follow the Spanish label until applied; English is its own column.
        const rows = editor.locator('[data-testid=picklist-editor] tbody tr');
        await rows.nth(0).locator('input[aria-label="Etiqueta (español)"]').fill('Rojo');
        await rows.nth(0).locator('input[aria-label="Etiqueta (inglés)"]').fill('Red');
        await editor.locator('[data-testid=add-option]').click();
        await rows.nth(1).locator('input[aria-label="Etiqueta (español)"]').fill('Azul claro');
        await rows.nth(1).locator('input[aria-label="Etiqueta (inglés)"]').fill('Light blue');
      }
      if (type === 'lookup') await editor.locator('select[name=target]').selectOption('contactos');
      if (type === 'autonumber') await editor.locator('input[name=prefix]').fill('EQ-{{seq 5}}');
    }
    await s.shot(page, 'designer-every-type');

    await page.click('[data-testid=designer-tab-sections]');
    await page.fill('input[name=sectionLabel]', 'Datos generales');
    await page.click('[data-testid=sections-editor] button[type=submit]');
    await page.waitForSelector('[data-testid=sections-editor] [data-section=datos_generales]');
    // Reordering in the field list moves the field inside its section too.
    await page.click('[data-testid=designer-tab-fields]');
    await page.click('[data-testid=field-list] li[data-field=nombre] button[aria-label=Bajar]');

    await page.click('[data-testid=review-changes]');
    const review = page.locator('[data-testid=plan-review]');
    await review.waitFor();
    expect(await review.locator('[data-testid=review-diff] li[data-op=addField]').count()).toBe(20);
    await s.shot(page, 'designer-every-type-review');
    await review.locator('[data-testid=apply-change]').click();
    await page.waitForSelector('text=Se aplicó la versión 2');

    const stored = (await s.api('GET', '/api/v1/modules/equipos_tipos')).body;
    expect(stored.fields.map((f: { type: string }) => f.type)).toEqual(['text', ...types]);
    expect(stored.fields.slice(0, 2).map((f: { key: string }) => f.key)).toEqual(['campo_text', 'nombre']);
    const byKey = (key: string) => stored.fields.find((f: { key: string }) => f.key === key);
    expect(byKey('campo_currency')).toMatchObject({ currency: 'USD', scale: 0 });
    expect(byKey('campo_select').options).toEqual([
      { key: 'rojo', label: { es: 'Rojo', en: 'Red' } },
      { key: 'azul_claro', label: { es: 'Azul claro', en: 'Light blue' } },
    ]);
    expect(byKey('campo_lookup')).toMatchObject({ target: 'contactos' });
    expect(byKey('campo_autonumber')).toMatchObject({ prefix: 'EQ-{{seq 5}}' });
    expect(stored.sections).toEqual([expect.objectContaining({ key: 'datos_generales', fields: stored.fields.map((f: { key: string }) => f.key) })]);
  });

  it('edits a field with a condition from the rule editor, previews the form, then rolls back a version', async () => {
    await makeModule('equipos_ver', [
      text('nombre', 'Nombre'),
      {
        key: 'estado',
        type: 'select',
        label: { es: 'Estado', en: 'Status' },
        options: [
          { key: 'activo', label: { es: 'Activo', en: 'Active' } },
          { key: 'baja', label: { es: 'De baja', en: 'Retired' } },
        ],
      },
      text('motivo', 'Motivo'),
    ]);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.goto(`${s.url}/settings/modules/equipos_ver`);
    await page.click('[data-testid=field-list] li[data-field=motivo] button.field-name');
    const editor = page.locator('[data-testid=field-editor]');
    await editor.locator('input[name=labelEs]').fill('Motivo de la baja');
    // "Visible cuando Estado es igual a De baja", and required under the same condition.
    for (const kind of ['visible', 'required']) {
      const condition = editor.locator(`[data-condition=${kind}]`);
      await condition.locator('[data-testid=add-condition]').click();
      const row = condition.locator('[data-testid=condition-row]');
      await row.locator('select[aria-label=Campo]').selectOption('estado');
      await row.locator('select[aria-label=Valor]').selectOption('baja');
    }
    await s.shot(page, 'designer-rule-editor');

    await page.click('[data-testid=designer-tab-preview]');
    const preview = page.locator('[data-testid=form-preview]');
    await preview.locator('#root_estado').waitFor();
    expect(await preview.locator('#root_motivo').count()).toBe(0);
    await preview.locator('#root_estado').selectOption('baja');
    await preview.locator('label[for=root_motivo]:has-text("Motivo de la baja")').waitFor();
    await s.shot(page, 'designer-preview');

    await page.click('[data-testid=review-changes]');
    await page.locator('[data-testid=plan-review]').waitFor();
    await page.click('[data-testid=apply-change]');
    await page.waitForSelector('text=Se aplicó la versión 2');
    const changed = (await s.api('GET', '/api/v1/modules/equipos_ver')).body.fields.find((f: { key: string }) => f.key === 'motivo');
    expect(changed.label.es).toBe('Motivo de la baja');
    expect(changed.conditions).toEqual({ visible: { '==': [{ var: 'estado' }, 'baja'] }, required: { '==': [{ var: 'estado' }, 'baja'] } });

    await page.click('[data-testid=designer-tab-versions]');
    await page.click('[data-testid=version-history] tr[data-version="1"] [data-testid=rollback-version]');
    const review = page.locator('[data-testid=plan-review]');
    await review.waitFor();
    expect(await review.textContent()).toContain('Volver a la versión 1');
    expect(await review.textContent()).toContain('cambia las condiciones de «Motivo');
    await s.shot(page, 'designer-rollback-review');
    await review.locator('[data-testid=apply-change]').click();
    await page.waitForSelector('text=Se volvió a la versión 1; ahora es la versión 3.');
    const rolledBack = (await s.api('GET', '/api/v1/modules/equipos_ver')).body;
    expect(rolledBack.version).toBe(3);
    const motivo = rolledBack.fields.find((f: { key: string }) => f.key === 'motivo');
    expect(motivo.label.es).toBe('Motivo');
    expect(motivo.conditions).toBeUndefined();
    await page.waitForSelector('[data-testid=version-history] tr[data-version="3"]');
    await s.shot(page, 'designer-versions');
  });

  it('hides the AI assistant from a profile without "Asistente IA para módulos"', async () => {
    const all = { view: true, create: true, edit: true, delete: true, import: true, massDelete: true, massDuplicate: true, settings: true };
    const profile = await s.api('POST', '/api/v1/profiles', {
      name: 'Diseño sin IA',
      permissions: { modules: { '*': all }, fields: {}, visibility: 'all', allUsersCanEdit: true, aiAssistant: false, admin: true },
    });
    expect(profile.status).toBe(201);
    const user = await s.api('POST', '/api/v1/users', { username: 'diseno.sin.ia', displayName: 'Diseño sin IA', profileId: profile.body.id });
    expect(user.status).toBe(201);
    const first = await s.t.api('POST', '/api/v1/auth/login', { operation: s.op, username: 'diseno.sin.ia', password: s.op }, { token: null });
    await s.t.api('POST', '/api/v1/auth/change-password', { currentPassword: s.op, newPassword: 'Sin-Asistente-2026' }, { token: first.body.accessToken });

    const page = await s.page({ lang: 'es' });
    await s.login(page, s.op, 'diseno.sin.ia', 'Sin-Asistente-2026');
    await page.click('[data-testid=menu-settings]');
    await page.click('[data-testid=new-module]');
    await page.waitForSelector('[data-testid=module-basics]');
    expect(await page.locator('[data-testid=ai-new-module]').count()).toBe(0);
    await page.goto(`${s.url}/settings/modules/contactos`);
    await page.waitForSelector('[data-testid=designer-tab-versions]');
    expect(await page.locator('[data-testid=designer-tab-ai]').count()).toBe(0);
    await s.shot(page, 'designer-no-ai-permission');
  });

  it('speaks English too', async () => {
    const page = await s.page({ lang: 'en' });
    await s.login(page);
    await page.click('[data-testid=menu-settings]');
    await page.waitForSelector('h1:has-text("Modules and fields")');
    await page.goto(`${s.url}/settings/modules/casos`);
    await page.waitForSelector('[data-testid=designer-tab-ai]:has-text("Edit module with AI")');
    await page.click('[data-testid=field-list] li[data-field=estado] button.field-name');
    await page.waitForSelector('[data-testid=picklist-editor] legend:has-text("Picklist options")');
    expect(await page.textContent('[data-testid=rule-editor]')).toContain('Required when');
    await s.shot(page, 'designer-english');
  });

  it('exports a bundle and imports it with a dry-run preview of each module', async () => {
    await makeModule('equipos_exp', [text('nombre', 'Nombre'), text('serial', 'Serial')]);
    const page = await s.page({ lang: 'es' });
    await s.login(page);
    await page.click('[data-testid=menu-settings]');
    await page.click('[data-testid=settings-schema]');
    await page.click('[data-testid=export-panel] label[data-module=equipos_exp] input');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-download]')]);
    const bundle = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(bundle).toMatchObject({ format: 'contact-crm.schema-bundle', formatVersion: 1 });
    expect(bundle.modules.map((m: { key: string }) => m.key)).toEqual(['equipos_exp']);

    // As if it came from another operation: one field more, and a module this operation lacks.
    const source = bundle.modules[0];
    const copy = { ...source, key: 'equipos_copia', names: { singular: { es: 'Copia', en: 'Copy' }, plural: { es: 'Copias', en: 'Copies' } } };
    source.fields.push({ key: 'garantia', type: 'date', label: { es: 'Garantía', en: 'Warranty' } });
    bundle.modules.push(copy);
    await page.setInputFiles('[data-testid=import-file]', { name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle)) });
    await page.click('[data-testid=import-dry-run]');
    const result = page.locator('[data-testid=import-result]');
    await result.waitFor();
    expect(await result.locator('h3').first().textContent()).toContain('Simulación');
    const update = result.locator('details[data-module=equipos_exp]');
    expect(await update.getAttribute('data-action')).toBe('update');
    expect(await update.textContent()).toContain('agrega la columna «Garantía»');
    expect(await result.locator('details[data-module=equipos_copia]').getAttribute('data-action')).toBe('create');
    await s.shot(page, 'designer-import-dry-run');
    // Nothing applied by the dry run.
    expect((await s.api('GET', '/api/v1/modules/equipos_copia')).status).toBe(404);

    await page.click('[data-testid=import-apply]');
    await page.waitForSelector('text=Resultado de la importación');
    await s.shot(page, 'designer-import-applied');
    expect((await s.api('GET', '/api/v1/modules/equipos_exp')).body.fields.map((f: { key: string }) => f.key)).toEqual(['nombre', 'serial', 'garantia']);
    expect((await s.api('GET', '/api/v1/modules/equipos_copia')).status).toBe(200);
  });
});
