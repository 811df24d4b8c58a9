import { startTestServer, type TestServer } from '../support/test-server';

const CASE = { tipo: 'peticion', asunto: 'Con adjuntos', estado: 'nuevo', prioridad: 'media' };
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('attachments of file fields (R2)', () => {
  let t: TestServer;
  let op: string;
  let other: string;
  const api = (method: string, path: string, body?: unknown, operation = op) => t.api(method, path, body, { operation });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('fil');
    other = await t.createOperation('fil2');
  });
  afterAll(() => t.close());

  it('stores an allowed file, answers its reference and serves it back with its name', async () => {
    const up = await api('POST', '/api/v1/files/casos/adjuntos', { name: 'Factura año.pdf', mime: 'application/pdf', content: b64('%PDF-1.4 hola') });
    expect(up.status).toBe(201);
    expect(up.body).toEqual({ id: expect.any(String), name: 'Factura año.pdf', size: 13, mime: 'application/pdf' });
    const created = await api('POST', '/api/v1/records/casos', { ...CASE, adjuntos: [up.body] });
    expect(created.status).toBe(201);
    expect(created.body.adjuntos).toEqual([up.body]);

    const response = await fetch(`${t.server.url}/api/v1/files/${up.body.id}`, { headers: { authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': op } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('Factura año.pdf')}`);
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('%PDF-1.4 hola');
  });

  it('refuses a type the field does not list and a file over its size, naming the path in both languages', async () => {
    const wrong = await api('POST', '/api/v1/files/casos/adjuntos', { name: 'script.exe', content: b64('MZ') });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([expect.objectContaining({ path: 'name', code: 'file.type', message: { es: expect.stringContaining('pdf'), en: expect.stringContaining('pdf') } })]);
    const big = await api('POST', '/api/v1/files/casos/adjuntos', { name: 'grande.csv', content: Buffer.alloc(20 * 1024 * 1024 + 1, 65).toString('base64') });
    expect(big.status).toBe(413);
    expect(big.body.details).toEqual([expect.objectContaining({ path: 'content', code: 'file.size', message: { es: expect.stringContaining('20 MB'), en: expect.stringContaining('20 MB') } })]);
    expect((await api('POST', '/api/v1/files/casos/asunto', { name: 'a.pdf', content: b64('x') })).status).toBe(404);
    expect((await api('POST', '/api/v1/files/casos/adjuntos', { name: 'a.pdf', content: '***' })).status).toBe(400);
  });

  it('answers a malformed upload body on the path of each bad member, and stores an unusable type as binary', async () => {
    const slash = await api('POST', '/api/v1/files/casos/adjuntos', { name: '../a.pdf', content: b64('x') });
    expect(slash.status).toBe(400);
    expect(slash.body.details).toEqual([{ path: 'name', code: 'file.name', message: { es: expect.any(String), en: expect.any(String) } }]);
    const nothing = await api('POST', '/api/v1/files/casos/adjuntos', null);
    expect(nothing.status).toBe(400);
    expect(nothing.body.details.map((d: { path: string; code: string }) => [d.path, d.code])).toEqual([
      ['name', 'file.name'],
      ['content', 'file.content'],
    ]);
    const oddMime = await api('POST', '/api/v1/files/casos/adjuntos', { name: '  nota.pdf ', mime: 42, content: b64('x'), extra: true });
    expect(oddMime.status).toBe(201);
    expect(oddMime.body).toEqual({ id: expect.any(String), name: 'nota.pdf', size: 1, mime: 'application/octet-stream' });
  });

  it('keeps files inside their operation: another operation gets 404 and cannot reference them', async () => {
    const up = await api('POST', '/api/v1/files/casos/adjuntos', { name: 'privado.pdf', content: b64('secreto') });
    expect(up.status).toBe(201);
    const elsewhere = await api('GET', `/api/v1/files/${up.body.id}`, undefined, other);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ code: 'file_not_found', message: { es: expect.any(String), en: expect.any(String) } });
    expect((await api('GET', '/api/v1/files/no-es-uuid')).status).toBe(404);

    const foreign = await api('POST', '/api/v1/records/casos', { ...CASE, adjuntos: [up.body] }, other);
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([expect.objectContaining({ path: 'adjuntos[0].id', code: 'file' })]);
    const invented = await api('POST', '/api/v1/records/casos', { ...CASE, adjuntos: [{ ...up.body, id: 'inventado' }] });
    expect(invented.status).toBe(400);

    // A case of the right operation may attach it on an edit as well.
    const created = await api('POST', '/api/v1/records/casos', CASE);
    const edited = await api('PATCH', `/api/v1/records/casos/${created.body.id}`, { version: created.body.version, adjuntos: [up.body] });
    expect(edited.status).toBe(200);
    expect(edited.body.adjuntos).toEqual([up.body]);
  });

  it('serves a file only to users whose profile may view its module', async () => {
    const up = await api('POST', '/api/v1/files/casos/adjuntos', { name: 'solo-casos.pdf', content: b64('casos') });
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    const admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Archivos-1' }, { token: first.body.accessToken })).body.accessToken;
    const rights = { view: true, create: true, edit: true, delete: false, import: false, massDelete: false, massDuplicate: false, settings: false };
    const permissions = { modules: { contactos: rights }, fields: {}, visibility: 'all', allUsersCanEdit: false, aiAssistant: false, admin: false };
    const profile = await t.api('POST', '/api/v1/profiles', { name: 'Solo contactos', permissions }, { token: admin });
    expect(profile.status).toBe(201);
    const role = (await t.api('GET', '/api/v1/roles', undefined, { token: admin })).body.items[0].id;
    expect((await t.api('POST', '/api/v1/users', { username: 'marta', displayName: 'Marta', profileId: profile.body.id, roleId: role }, { token: admin })).status).toBe(201);
    const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: 'marta', password: op }, { token: null });
    const marta = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Agente-Archivos-1' }, { token: login.body.accessToken })).body.accessToken;

    expect((await t.api('GET', `/api/v1/files/${up.body.id}`, undefined, { token: marta })).status).toBe(404);
    expect((await t.api('POST', '/api/v1/files/casos/adjuntos', { name: 'a.pdf', content: b64('x') }, { token: marta })).status).toBe(403);
    expect((await t.api('GET', `/api/v1/files/${up.body.id}`, undefined, { token: admin })).status).toBe(200);

    // Record visibility reaches attachments: an agent who sees only its own records gets
    // the files it uploaded and those on its records, not those on a colleague's.
    const own = { ...permissions, modules: { casos: rights, actividades: rights }, visibility: 'own' };
    const ownProfile = await t.api('POST', '/api/v1/profiles', { name: 'Solo lo propio', permissions: own }, { token: admin });
    expect(ownProfile.status).toBe(201);
    const agent = async (username: string) => {
      expect((await t.api('POST', '/api/v1/users', { username, displayName: username, profileId: ownProfile.body.id, roleId: role }, { token: admin })).status).toBe(201);
      const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password: op }, { token: null });
      const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: `Clave-Segura-${username.length}7` }, { token: first.body.accessToken });
      expect(changed.status).toBe(200);
      return changed.body.accessToken as string;
    };
    const [luis, sofia] = [await agent('luis'), await agent('sofia')];
    const mine = await t.api('POST', '/api/v1/files/casos/adjuntos', { name: 'luis.pdf', content: b64('de luis') }, { token: luis });
    expect([mine.status, mine.body.details]).toEqual([201, undefined]);
    expect((await t.api('GET', `/api/v1/files/${mine.body.id}`, undefined, { token: luis })).status).toBe(200);
    expect((await t.api('GET', `/api/v1/files/${mine.body.id}`, undefined, { token: sofia })).status).toBe(404);
    expect((await t.api('POST', '/api/v1/records/casos', { ...CASE, adjuntos: [mine.body] }, { token: luis })).status).toBe(201);
    expect((await t.api('GET', `/api/v1/files/${mine.body.id}`, undefined, { token: sofia })).status).toBe(404);
    expect((await t.api('GET', `/api/v1/files/${mine.body.id}`, undefined, { token: admin })).status).toBe(200);
  });
});
