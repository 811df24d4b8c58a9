import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Item 5 of issue 9: the platform finds catalog behaviour by the role a module
 * declares, never by its key. Here the operation replaces Actividades with a
 * module of another key and other field and option keys: e-mails and
 * Click2Dial still log their activities in it, and the notes history still
 * finds a company's notes through its contacts.
 */
describe('module roles: an operation that replaces its activities module', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const as = (token: string) => ({ token });
  const text = (es: string, en: string) => ({ es, en });
  const option = (key: string, role: string, label: string) => ({ key, role, label: text(label, label) });
  const tareas = {
    key: 'tareas',
    version: 1,
    names: { singular: text('Tarea', 'Task'), plural: text('Tareas', 'Tasks') },
    icon: 'check',
    title: '{{titulo}}',
    role: 'activities',
    fields: [
      { key: 'titulo', type: 'text', label: text('Título', 'Title'), role: 'subject', required: true, maxLength: 255 },
      { key: 'clase', type: 'select', label: text('Clase', 'Class'), role: 'kind', options: [option('n', 'note', 'Nota'), option('l', 'call', 'Llamada'), option('t', 'task', 'Tarea')] },
      { key: 'situacion', type: 'select', label: text('Situación', 'State'), role: 'status', options: [option('abierta', 'pending', 'Abierta'), option('cerrada', 'done', 'Cerrada')] },
      { key: 'detalle', type: 'longText', label: text('Detalle', 'Detail'), role: 'description' },
      { key: 'vence', type: 'datetime', label: text('Vence', 'Due'), role: 'due' },
      { key: 'persona', type: 'lookup', label: text('Persona', 'Person'), target: 'contactos' },
    ],
  };
  /** A definition without any role: module, fields and options. */
  const withoutRoles = (definition: Record<string, unknown>) => JSON.parse(JSON.stringify(definition, (key, value) => (key === 'role' ? undefined : value)));

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('roles');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Roles-2024' }, as(first.body.accessToken))).body.accessToken;
  });
  afterAll(() => t.close());

  it('refuses a second module with a role another module has, naming both in Spanish and English', async () => {
    const refused = await t.api('POST', '/api/v1/modules', tareas, as(admin));
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([
      {
        path: 'role',
        code: 'definition.sharedRole',
        message: { es: expect.stringContaining('actividades, tareas'), en: expect.stringContaining('actividades, tareas') },
      },
    ]);
    expect((await t.api('GET', '/api/v1/modules/tareas', undefined, as(admin))).status).toBe(404);
  });

  it('logs e-mails and calls in the module that now has the role, and the notes history finds them', async () => {
    const current = await t.api('GET', '/api/v1/modules/actividades', undefined, as(admin));
    const actividades = current.body.definition ?? current.body;
    const dropped = await t.api('PUT', '/api/v1/modules/actividades', { definition: withoutRoles(actividades) }, as(admin));
    expect(dropped.status).toBe(200);
    expect((await t.api('POST', '/api/v1/modules', tareas, as(admin))).status).toBe(201);

    const company = await t.api('POST', '/api/v1/records/empresas', { nombre: 'Roles S.A.' }, as(admin));
    const person = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Rosa', email: 'rosa@example.co', telefono: '+57 601 555 0101', empresa: company.body.id }, as(admin));
    expect([company.status, person.status]).toEqual([201, 201]);

    const templates = { items: [{ key: 'hola', name: 'Hola', module: 'contactos', subject: 'Hola {{nombre}}', body: '<p>Hola</p>' }] };
    expect((await t.api('PUT', '/api/v1/settings/email_templates', { value: templates }, as(admin))).status).toBe(200);
    const started = await t.api('POST', '/api/v1/jobs', { type: 'records.email', payload: { module: 'contactos', ids: [person.body.id], templateKey: 'hola', to: 'email' } }, as(admin));
    expect(started.status).toBe(202);
    let state = '';
    for (let i = 0; i < 300 && !['completed', 'failed', 'cancelled'].includes(state); i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await t.api('GET', `/api/v1/jobs/${started.body.id}`, undefined, as(admin))).body.state;
    }
    expect(state).toBe('completed');

    await t.api('POST', '/api/v1/click2dial/ip-restrictions', { address: '0.0.0.0', mask: '0.0.0.0' }, as(admin));
    const placed = await t.api('POST', '/api/v1/click2dial/calls', { module: 'contactos', id: person.body.id, field: 'telefono' }, as(admin));
    expect(placed.status).toBe(201);
    const call = await t.api('GET', `/api/v1/records/tareas/${placed.body.activityId}`, undefined, as(admin));
    expect(call.body).toMatchObject({ clase: 'l', situacion: 'abierta', persona: person.body.id, titulo: expect.stringContaining('Rosa'), vence: expect.any(String) });

    const logged = await t.api('POST', '/api/v1/records/tareas/query', { filter: { field: 'clase', op: 'eq', value: 'n' } }, as(admin));
    expect(logged.body.items).toEqual([expect.objectContaining({ titulo: 'Correo: Hola Rosa', clase: 'n', situacion: 'cerrada', persona: person.body.id })]);
    // The old module got nothing: it no longer has the role.
    expect((await t.api('POST', '/api/v1/records/actividades/query', {}, as(admin))).body.total).toBe(0);

    const notes = await t.api('GET', `/api/v1/integration/notes-history?companyId=${company.body.id}`, undefined, as(admin));
    expect(notes.status).toBe(200);
    expect(notes.body.items).toEqual([
      expect.objectContaining({ id: logged.body.items[0].id, titulo: 'Correo: Hola Rosa', detalle: expect.stringContaining('rosa@example.co'), persona: person.body.id }),
    ]);
  });
});
