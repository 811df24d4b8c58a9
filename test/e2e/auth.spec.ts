import { DataSource } from 'typeorm';
import { startTestServer, type TestServer } from '../support/test-server';

describe('login, first password change and sessions (A2, A3)', () => {
  let t: TestServer;
  let op: string;
  let db: DataSource;
  const admin = () => `ADMIN_@${op}`;
  const login = (username: string, password: string, operation = op) => t.api('POST', '/api/v1/auth/login', { operation, username, password }, { token: null });
  const as = (token: string) => ({ token });

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('auth');
    db = t.server.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('lets the default admin in with the factory password, but only to change it', async () => {
    const first = await login(admin(), op);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ mustChangePassword: true, accessToken: expect.any(String), refreshToken: expect.any(String) });

    const blocked = await t.api('GET', '/api/v1/modules', undefined, as(first.body.accessToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('password_change_required');
    expect((await t.api('GET', '/api/v1/auth/me', undefined, as(first.body.accessToken))).body).toMatchObject({ username: admin(), mustChangePassword: true });

    const factory = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: op }, as(first.body.accessToken));
    expect(factory.status).toBe(400);
    expect(factory.body.details.map((d: { code: string }) => d.code)).toEqual(['password.guessable', 'password.unchanged']);
    const short = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'corta1' }, as(first.body.accessToken));
    expect(short.body.details.map((d: { code: string }) => d.code)).toEqual(['password.tooShort']);

    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Cobranza-2026!' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);

    // The session opened with the old password is over; the new one works and names its operation itself.
    expect((await t.api('GET', '/api/v1/modules', undefined, as(first.body.accessToken))).status).toBe(401);
    expect((await t.api('POST', '/api/v1/auth/refresh', { refreshToken: first.body.refreshToken }, { token: null })).status).toBe(401);
    const modules = await t.api('GET', '/api/v1/modules', undefined, as(changed.body.accessToken));
    expect(modules.status).toBe(200);
    expect(modules.body.total).toBe(15);
    expect((await login(admin(), op)).status).toBe(401);
  });

  it('rotates refresh tokens and ends a session on logout', async () => {
    const session = await login(admin(), 'Cobranza-2026!');
    const refreshed = await t.api('POST', '/api/v1/auth/refresh', { refreshToken: session.body.refreshToken }, { token: null });
    expect(refreshed.status).toBe(200);
    expect((await t.api('POST', '/api/v1/auth/refresh', { refreshToken: session.body.refreshToken }, { token: null })).status).toBe(401);
    expect((await t.api('POST', '/api/v1/auth/logout', undefined, as(refreshed.body.accessToken))).status).toBe(204);
    expect((await t.api('GET', '/api/v1/modules', undefined, as(refreshed.body.accessToken))).status).toBe(401);
  });

  it('refuses users without a license, deactivated users and disabled operations', async () => {
    const [user] = await db.query(`SELECT id FROM core.users WHERE username = $1`, [admin()]);
    await db.query(`UPDATE core.users SET license_active = false WHERE id = $1`, [user.id]);
    expect((await login(admin(), 'Cobranza-2026!')).body.code).toBe('license_inactive');
    await db.query(`UPDATE core.users SET license_active = true, active = false WHERE id = $1`, [user.id]);
    expect((await login(admin(), 'Cobranza-2026!')).body.code).toBe('user_inactive');
    await db.query(`UPDATE core.users SET active = true WHERE id = $1`, [user.id]);
    await db.query(`UPDATE core.operations SET crm_enabled = false WHERE key = $1`, [op]);
    expect((await login(admin(), 'Cobranza-2026!')).body.code).toBe('crm_disabled');
    await db.query(`UPDATE core.operations SET crm_enabled = true WHERE key = $1`, [op]);
    expect((await login(admin(), 'Cobranza-2026!')).status).toBe(200);
  });

  it('locks a user after 5 wrong passwords in a row and records every attempt', async () => {
    const [{ last }] = await db.query(`SELECT coalesce(max(id), 0) AS last FROM core.login_history`);
    for (let i = 0; i < 5; i++) expect((await login(admin(), `equivocada-${i}`)).status).toBe(401);
    const locked = await login(admin(), 'Cobranza-2026!');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('user_locked');
    const history = await db.query(`SELECT success, reason FROM core.login_history h JOIN core.operations o ON o.id = h.operation_id WHERE o.key = $1 AND h.id > $2 ORDER BY h.id`, [op, last]);
    expect(history.filter((h: { reason: string }) => h.reason === 'wrong_password')).toHaveLength(4);
    expect(history.map((h: { reason: string | null }) => h.reason)).toContain('locked_now');
    expect(history.at(-1)).toEqual({ success: false, reason: 'locked' });
  });

  it('answers unknown users and operations like wrong passwords, and keeps operations to the platform', async () => {
    expect((await login('nadie', 'x')).body.code).toBe('invalid_credentials');
    expect((await login(admin(), 'x', 'no_existe')).body.code).toBe('invalid_credentials');
    expect((await t.api('POST', '/api/v1/auth/login', {}, { token: null })).status).toBe(400);
    const other = await t.createOperation('auth2');
    const session = await login(`ADMIN_@${other}`, other, other);
    expect([session.status, session.body.code]).toEqual([200, undefined]);
    const forbidden = await t.api('POST', '/api/v1/operations', { key: 'intruso' }, as(session.body.accessToken));
    expect(forbidden.status).toBe(403);
  });
});
