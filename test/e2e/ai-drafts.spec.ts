import { startTestServer, type TestServer } from '../support/test-server';

describe('AI module drafts, offline provider (S2)', () => {
  let t: TestServer;
  let op: string;
  const draft = (body: unknown, token?: string) => t.api('POST', '/api/v1/ai/module-drafts', body, token ? { token } : { operation: op });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('ai');
  });
  afterAll(() => t.close());

  it('drafts a new module from a Spanish prompt, with its diff against an empty module and its storage plan', async () => {
    const prompt = 'Crea un módulo de Vehículos con placa (texto, obligatorio), marca (lista: Chevrolet, Renault, Mazda), año (número) y fecha de vencimiento del SOAT (fecha)';
    const response = await draft({ prompt });
    expect(response.status).toBe(200);
    const { provider, definition, diff, plan, notUnderstood } = response.body;
    expect(provider).toBe('offline');
    expect(notUnderstood).toEqual([]);
    expect(definition).toMatchObject({ key: 'vehiculos', version: 1, names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } } });
    expect(definition.fields.map((f: any) => [f.key, f.type, Boolean(f.required)])).toEqual([
      ['placa', 'text', true],
      ['marca', 'select', false],
      ['ano', 'integer', false],
      ['fecha_vencimiento_soat', 'date', false],
    ]);
    expect(definition.fields[1].options.map((o: { key: string }) => o.key)).toEqual(['chevrolet', 'renault', 'mazda']);
    expect(diff.map((d: { op: string }) => d.op)).toEqual(['addField', 'addField', 'addField', 'addField']);
    expect(plan.steps.filter((s: { kind: string }) => s.kind === 'addColumn').map((s: { column: string }) => s.column)).toEqual(['placa', 'marca', 'ano', 'fecha_vencimiento_soat']);

    // The draft applies as is through the modules API.
    expect((await t.api('POST', '/api/v1/modules', definition, { operation: op })).status).toBe(201);
  });

  it('refines a draft and edits a stored module, listing what it did not understand', async () => {
    const first = await draft({ prompt: 'Necesito registrar garantías: número de serie, fecha de compra, si está vigente y el correo del cliente' });
    expect(first.body.definition.fields.map((f: any) => `${f.key}:${f.type}`)).toEqual(['numero_serie:text', 'fecha_compra:date', 'vigente:boolean', 'correo_cliente:email']);
    const refined = await draft({ prompt: 'relaciona cada garantía con un contacto y haz obligatorio el número de serie', draft: first.body.definition });
    expect(refined.status).toBe(200);
    expect(refined.body.definition.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'numero_serie', required: true }), expect.objectContaining({ key: 'contacto', type: 'lookup', target: 'contactos' })]),
    );
    // New module: the diff is still against an empty module, so it lists every field to create.
    expect(refined.body.diff.filter((d: { op: string }) => d.op === 'addField')).toHaveLength(5);

    const edit = await draft({
      module: 'vehiculos',
      prompt: 'agrega un campo obligatorio Canal con opciones WhatsApp, Teléfono y Correo. Elimina el campo año y cambia placa a texto largo. Y que sea bonito.',
    });
    expect(edit.status).toBe(200);
    expect(edit.body.notUnderstood).toEqual(['que sea bonito']);
    expect(edit.body.diff).toEqual(
      expect.arrayContaining([
        { op: 'archiveField', key: 'ano' },
        expect.objectContaining({ op: 'changeFieldType', key: 'placa', to: expect.objectContaining({ type: 'longText', required: true }) }),
        expect.objectContaining({ op: 'addField', field: expect.objectContaining({ key: 'canal', type: 'select', required: true }) }),
      ]),
    );
    expect(edit.body.diff).toHaveLength(3);
    expect(edit.body.plan.steps.map((s: { kind: string }) => s.kind)).toEqual(expect.arrayContaining(['archiveColumn', 'addColumn']));
    expect((await t.api('GET', '/api/v1/modules/vehiculos', undefined, { operation: op })).body.version).toBe(1); // nothing applied
  });

  it('answers client mistakes in the error shape', async () => {
    expect((await draft({ prompt: '' })).status).toBe(400);
    expect((await draft({ prompt: 'agrega un campo', module: 'naves' })).status).toBe(404);
    const badDraft = await draft({ prompt: 'agrega placa', draft: { key: 'x', names: {}, icon: 'x', fields: 'no' } });
    expect(badDraft.status).toBe(400);
    expect(badDraft.body.details[0].path).toMatch(/^draft/);
    const exists = await draft({ prompt: 'Crea un módulo de Contactos con nombre' });
    expect(exists.status).toBe(409);
  });

  it('needs the profile permission "Asistente IA para módulos"', async () => {
    const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Segura-1' }, { token: login.body.accessToken })).body.accessToken;
    const profiles = (await t.api('GET', '/api/v1/profiles', undefined, { token: admin })).body.items;
    const agentProfile = profiles.find((p: { name: string }) => p.name === 'Agente');
    expect(agentProfile.permissions.aiAssistant).toBe(false);
    await t.api('POST', '/api/v1/users', { username: 'luis.agente', displayName: 'Luis', profileId: agentProfile.id }, { token: admin });
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: 'luis.agente', password: op }, { token: null });
    const agent = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Segura-2' }, { token: first.body.accessToken })).body.accessToken;
    const refused = await draft({ prompt: 'Crea un módulo de Mascotas con nombre' }, agent);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'forbidden', message: { es: expect.any(String), en: expect.any(String) } });
    expect((await draft({ prompt: 'Crea un módulo de Mascotas con nombre' }, admin)).status).toBe(200);
  });
});
