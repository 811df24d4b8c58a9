import { startTestServer, type TestServer } from '../support/test-server';

/**
 * `records.email` (R1): a template rendered per record into the mail outbox, as the
 * requesting user sees the record (hidden fields absent, invisible records refused),
 * records without an e-mail skipped with a per-record error, and a note logged on each.
 */
describe('records.email job and the mail outbox', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let agent: string;
  const ids: Record<string, string> = {};
  const as = (token: string) => ({ token });
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });
  const login = async (username: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Seguro-2024' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  type Job = {
    state: string;
    processed: number;
    succeeded: number;
    failed: number;
    result: { sent: number; errorCount: number; errors: { id: string; code: string; message: { es: string; en: string } }[] };
  };
  const finished = async (id: string, token: string): Promise<Job> => {
    for (let i = 0; i < 300; i++) {
      const job = (await t.api('GET', `/api/v1/jobs/${id}`, undefined, as(token))).body as Job;
      if (['completed', 'failed', 'cancelled'].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not finish`);
  };
  const outbox = async (jobId: string) =>
    (await t.api('GET', `/api/v1/mail/outbox?jobId=${jobId}`, undefined, as(admin))).body.items as { recordId: string; to: string; subject: string; html: string; status: string }[];

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('mail');
    admin = await login(`ADMIN_@${op}`);
    const rights = { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false };
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      { name: 'Correo', permissions: { modules: { '*': rights }, fields: { contactos: { documento: 'hidden' } }, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false } },
      as(admin),
    );
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    const created = await t.api('POST', '/api/v1/users', { username: 'lucia', displayName: 'Lucía', profileId: profile.body.id, roleId: role.id }, as(admin));
    agent = await login('lucia');
    const templates = {
      items: [{ key: 'bienvenida', name: 'Bienvenida', module: 'contactos', subject: 'Hola {{nombre}}', body: '<p>Hola {{nombre}}, documento [{{documento}}]</p>' }],
    };
    expect((await t.api('PUT', '/api/v1/settings/email_templates', { value: templates }, as(admin))).status).toBe(200);
    const contact = async (key: string, body: Record<string, unknown>) => {
      const made = await platform('POST', '/api/v1/records/contactos', body);
      expect(made.status).toBe(201);
      ids[key] = made.body.id;
    };
    await contact('ana', { nombre: 'Ana <b>', documento: '52111222', email: 'ana@example.co', assignee: created.body.id });
    await contact('sinCorreo', { nombre: 'Beto', assignee: created.body.id });
    await contact('ajeno', { nombre: 'Carla', documento: '52333444', email: 'carla@example.co' });
  });
  afterAll(() => t.close());

  it('renders per visible record into the outbox, skips the rest with a clear error and logs a note', async () => {
    const started = await t.api(
      'POST',
      '/api/v1/jobs',
      { type: 'records.email', payload: { module: 'contactos', ids: [ids.ana, ids.sinCorreo, ids.ajeno], templateKey: 'bienvenida', to: 'email' } },
      as(agent),
    );
    expect(started.status).toBe(202);
    const job = await finished(started.body.id, agent);
    expect(job).toMatchObject({ state: 'completed', processed: 3, succeeded: 1, failed: 2, result: { sent: 1, errorCount: 2 } });
    expect(job.result.errors.map((e) => [e.id, e.code])).toEqual([
      [ids.sinCorreo, 'noEmail'],
      [ids.ajeno, 'recordNotVisible'],
    ]);
    expect(job.result.errors[0].message).toEqual({ es: expect.stringContaining('correo'), en: expect.stringContaining('e-mail') });

    const mails = await outbox(started.body.id);
    expect(mails).toEqual([expect.objectContaining({ recordId: ids.ana, to: 'ana@example.co', subject: 'Hola Ana <b>', status: 'pending' })]);
    // The body is HTML: values are escaped; the hidden document never reaches the agent's e-mail.
    expect(mails[0].html).toBe('<p>Hola Ana &lt;b&gt;, documento []</p>');

    const notes = await platform('POST', '/api/v1/records/actividades/query', { filter: { field: 'contacto', op: 'eq', value: ids.ana } });
    expect(notes.body.items).toEqual([expect.objectContaining({ tipo: 'nota', estado: 'completada', asunto: 'Correo: Hola Ana <b>' })]);
  });

  it('takes a filter as the user sees it; the admin sees every field', async () => {
    const started = await t.api(
      'POST',
      '/api/v1/jobs',
      { type: 'records.email', payload: { module: 'contactos', filter: { field: 'email', op: 'notEmpty' }, templateKey: 'bienvenida', to: 'email' } },
      as(admin),
    );
    const job = await finished(started.body.id, admin);
    expect(job).toMatchObject({ state: 'completed', result: { sent: 2, errorCount: 0 } });
    const mails = await outbox(started.body.id);
    expect(mails.map((m) => m.to).sort()).toEqual(['ana@example.co', 'carla@example.co']);
    expect(mails.find((m) => m.to === 'carla@example.co')?.html).toContain('[52333444]');
  });

  it('refuses a field that is not an e-mail, an unknown template and the outbox to agents', async () => {
    const bad = await t.api('POST', '/api/v1/jobs', { type: 'records.email', payload: { module: 'contactos', ids: [ids.ana], templateKey: 'no_existe', to: 'nombre' } }, as(agent));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path)).toEqual(['payload.to', 'payload.templateKey']);
    const both = await t.api('POST', '/api/v1/jobs', { type: 'records.email', payload: { module: 'contactos', templateKey: 'bienvenida', to: 'email' } }, as(agent));
    expect(both.body.details[0]).toMatchObject({ path: 'payload.ids', code: 'idsOrFilter' });
    expect((await t.api('GET', '/api/v1/mail/outbox', undefined, as(agent))).status).toBe(403);
    // No SMTP_URL on this server: the outbox says why messages wait.
    const delivery = await t.api('GET', '/api/v1/mail/delivery', undefined, as(admin));
    expect(delivery.body).toMatchObject({ transport: 'outbox', reason: { es: expect.stringContaining('SMTP_URL'), en: expect.stringContaining('SMTP_URL') } });
  });
});
