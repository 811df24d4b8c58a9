import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

describe('integration tokens (A6)', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let acme: string;
  let other: string;
  const as = (token: string) => ({ token });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('tok');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Tokens-Seguros-1' }, as(first.body.accessToken))).body.accessToken;
    const platform = { operation: op };
    acme = (await t.api('POST', '/api/v1/records/empresas', { nombre: 'Acme Colombia S.A.S.' }, platform)).body.id;
    other = (await t.api('POST', '/api/v1/records/empresas', { nombre: 'Otra Empresa Ltda.' }, platform)).body.id;
    const contact = (await t.api('POST', '/api/v1/records/contactos', { nombre: 'Jorge', documento: '79123456', tipo_documento: 'cc', empresa: acme }, platform)).body.id;
    for (const [asunto, link] of [
      ['Llamó para renovar', { empresa: acme }],
      ['Pidió factura', { contacto: contact }],
      ['Nota de otra empresa', { empresa: other }],
    ] as const) {
      const note = await t.api('POST', '/api/v1/records/actividades', { tipo: 'nota', asunto, ...link }, platform);
      expect(note.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('shows a token once, stores only its hash, and never lets name or type change', async () => {
    const created = await t.api('POST', '/api/v1/tokens', { name: 'Integración ERP', type: 'internal' }, as(admin));
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^crm_it_[A-Za-z0-9_-]{43}$/);
    const list = await t.api('GET', '/api/v1/tokens', undefined, as(admin));
    expect(JSON.stringify(list.body)).not.toContain(created.body.token);
    const [stored] = await t.server.app.get(DataSource).query(`SELECT token_hash FROM core.api_tokens WHERE id = $1`, [created.body.id]);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(created.body.token.slice(7, 20));
    expect((await t.api('PATCH', `/api/v1/tokens/${created.body.id}`, { name: 'Otro', type: 'external' }, as(admin))).status).toBe(404);

    const records = await t.api('POST', '/api/v1/records/empresas/query', {}, as(created.body.token));
    expect(records.status).toBe(200);
    expect((await t.api('GET', '/api/v1/users', undefined, as(created.body.token))).status).toBe(403);
    const later = await t.api('GET', '/api/v1/tokens', undefined, as(admin));
    expect(later.body.items.find((x: { id: string }) => x.id === created.body.id).lastUsedAt).not.toBeNull();

    await t.api('POST', `/api/v1/tokens/${created.body.id}/revoke`, undefined, as(admin));
    expect((await t.api('POST', '/api/v1/records/empresas/query', {}, as(created.body.token))).status).toBe(401);
  });

  it('binds an external token to a company and lets it read only that company’s notes history', async () => {
    expect((await t.api('POST', '/api/v1/tokens', { name: 'Portal cliente', type: 'external' }, as(admin))).status).toBe(400);
    const external = await t.api('POST', '/api/v1/tokens', { name: 'Portal Acme', type: 'external', companyId: acme }, as(admin));
    expect(external.status).toBe(201);
    const token = external.body.token as string;

    const notes = await t.api('GET', '/api/v1/integration/notes-history', undefined, as(token));
    expect(notes.status).toBe(200);
    expect(notes.body.items.map((n: { asunto: string }) => n.asunto).sort()).toEqual(['Llamó para renovar', 'Pidió factura']);
    expect((await t.api('GET', `/api/v1/integration/notes-history?companyId=${other}`, undefined, as(token))).status).toBe(403);

    const refused: [string, string, unknown?][] = [
      ['GET', '/api/v1/modules'],
      ['POST', '/api/v1/records/actividades/query', {}],
      ['GET', `/api/v1/records/empresas/${acme}`],
      ['GET', `/api/v1/records/empresas/${acme}/history`],
      ['POST', '/api/v1/records/contactos', { nombre: 'X' }],
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/tokens'],
      ['GET', '/api/v1/openapi'],
      ['POST', '/api/v1/auth/change-password', {}],
    ];
    for (const [method, path, body] of refused) {
      expect([method, path, (await t.api(method, path, body, as(token))).status]).toEqual([method, path, 403]);
    }
  });
});
