import { startTestServer, type TestServer } from '../support/test-server';

/**
 * Click2Dial (A7, seed 002 §7): admins keep the allowed IPs and ranges; the
 * call and contact-download routes answer only to allowed addresses (none
 * configured = all, mask 0.0.0.0 = all, IPv4 masks and IPv6 prefixes), with a
 * 403 naming the caller's IP; a call returns the number and logs an actividad.
 */
describe('Click2Dial and its IP restrictions', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  let agent: string;
  let agentId: string;
  let contact: string;
  let foreign: string;
  let silent: string;
  const as = (token: string, ip?: string) => ({ token, ...(ip && { headers: { 'x-forwarded-for': ip } }) });
  const paths = (body: { details: { path: string; code: string }[] }) => body.details.map((d) => [d.path, d.code]);
  const call = (token: string, ip: string, body: unknown) => t.api('POST', '/api/v1/click2dial/calls', body, as(token, ip));
  const download = (token: string, ip: string, id: string) => t.api('GET', `/api/v1/click2dial/contacts/${id}`, undefined, as(token, ip));

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('c2d');
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username: `ADMIN_@${op}`, password: op }, { token: null });
    admin = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Admin-Marcador-1' }, as(first.body.accessToken))).body.accessToken;
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Agente marcador',
        permissions: {
          modules: { '*': { view: true, create: true, edit: true }, productos: { view: false } },
          fields: { contactos: { movil: 'hidden' } },
          visibility: 'own',
          allUsersCanEdit: false,
          aiAssistant: false,
          admin: false,
        },
      },
      as(admin),
    );
    const roleId = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0].id;
    agentId = (await t.api('POST', '/api/v1/users', { username: 'marcador', profileId: profile.body.id, roleId }, as(admin))).body.id;
    const login = await t.api('POST', '/api/v1/auth/login', { operation: op, username: 'marcador', password: op }, { token: null });
    agent = (await t.api('POST', '/api/v1/auth/change-password', { currentPassword: op, newPassword: 'Marcar-Seguro-9' }, as(login.body.accessToken))).body.accessToken;
    const platform = { operation: op };
    contact = (await t.api('POST', '/api/v1/records/contactos', { nombre: 'Lucía', apellido: 'Pérez', telefono: '+57 (601) 555-1234', movil: '3005550000', assignee: agentId }, platform)).body.id;
    foreign = (await t.api('POST', '/api/v1/records/contactos', { nombre: 'Ajeno', telefono: '6015550000' }, platform)).body.id;
    silent = (await t.api('POST', '/api/v1/records/contactos', { nombre: 'Sin teléfono', assignee: agentId }, platform)).body.id;
  });
  afterAll(() => t.close());

  it('lets admins list, add, change and remove rules, checking addresses and masks', async () => {
    const rules = '/api/v1/click2dial/ip-restrictions';
    expect((await t.api('GET', rules, undefined, as(admin))).body).toEqual({ items: [], total: 0, nextCursor: null });
    expect((await t.api('GET', rules, undefined, as(agent))).status).toBe(403);
    expect((await t.api('POST', rules, { address: '10.0.0.1' }, as(agent))).status).toBe(403);

    const badAddress = await t.api('POST', rules, { address: '300.1.1.1' }, as(admin));
    expect([badAddress.status, paths(badAddress.body)]).toEqual([400, [['address', 'format.ip']]]);
    expect(badAddress.body.details[0].message).toEqual({ es: expect.any(String), en: expect.any(String) });
    const badMask = await t.api('POST', rules, { address: '64.80.111.0', mask: '255.0.255.0' }, as(admin));
    expect([badMask.status, paths(badMask.body)]).toEqual([400, [['mask', 'format.mask']]]);

    const added = await t.api('POST', rules, { address: '10.1.1.0', mask: '255.255.255.0', description: 'Oficina' }, as(admin));
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ address: '10.1.1.0', mask: '255.255.255.0', description: 'Oficina' });
    const changed = await t.api('PATCH', `${rules}/${added.body.id}`, { mask: '/16', description: 'Sede' }, as(admin));
    expect(changed.body).toMatchObject({ id: added.body.id, address: '10.1.1.0', mask: '/16', description: 'Sede' });
    expect((await t.api('PATCH', `${rules}/${added.body.id}`, { address: 'nada' }, as(admin))).status).toBe(400);
    expect((await t.api('GET', rules, undefined, as(admin))).body.items).toEqual([expect.objectContaining({ id: added.body.id, mask: '/16' })]);
    expect((await t.api('DELETE', `${rules}/${added.body.id}`, undefined, as(admin))).status).toBe(204);
    expect((await t.api('DELETE', `${rules}/${added.body.id}`, undefined, as(admin))).status).toBe(404);
    expect((await t.api('PATCH', `${rules}/${added.body.id}`, { mask: '/8' }, as(admin))).status).toBe(404);
    expect((await t.api('GET', rules, undefined, as(admin))).body.total).toBe(0);
  });

  it('with no rule every address may dial: returns the number and logs an actividad of type llamada', async () => {
    const placed = await call(agent, '203.0.113.9', { module: 'contactos', id: contact, field: 'telefono' });
    expect([placed.status, placed.body.details]).toEqual([201, undefined]);
    expect(placed.body).toEqual({ number: '+57 (601) 555-1234', dial: '+576015551234', module: 'contactos', id: contact, field: 'telefono', activityId: expect.any(String) });
    const activity = await t.api('GET', `/api/v1/records/actividades/${placed.body.activityId}`, undefined, as(agent));
    expect(activity.status).toBe(200);
    expect(activity.body).toMatchObject({
      tipo: 'llamada',
      estado: 'pendiente',
      contacto: contact,
      modulo_relacionado: 'contactos',
      registro_relacionado: contact,
      owner: agentId,
      createdBy: agentId,
    });
    expect(activity.body.asunto).toContain('Lucía Pérez');
    expect(activity.body.asunto).toContain('+57 (601) 555-1234');

    const file = await download(agent, '198.51.100.20', contact);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="contacto-${contact}.json"`);
    expect(file.body.record).toMatchObject({ id: contact, nombre: 'Lucía', telefono: '+57 (601) 555-1234' });
    // The field the profile hides is not in the download.
    expect(file.body.record).not.toHaveProperty('movil');
    expect(JSON.stringify(file.body)).not.toContain('3005550000');
  });

  it('refuses calls to fields that are not phones, hidden fields, records the caller does not see and bad bodies', async () => {
    const ip = '203.0.113.9';
    const notPhone = await call(agent, ip, { module: 'contactos', id: contact, field: 'nombre' });
    expect([notPhone.status, paths(notPhone.body)]).toEqual([400, [['field', 'notPhone']]]);
    const hidden = await call(agent, ip, { module: 'contactos', id: contact, field: 'movil' });
    expect([hidden.status, paths(hidden.body)]).toEqual([400, [['field', 'notPhone']]]);
    expect(JSON.stringify(hidden.body)).not.toContain('3005550000');
    const notVisible = await call(agent, ip, { module: 'contactos', id: foreign, field: 'telefono' });
    expect([notVisible.status, notVisible.body.code]).toEqual([404, 'record_not_found']);
    expect((await download(agent, ip, foreign)).status).toBe(404);
    const noNumber = await call(agent, ip, { module: 'contactos', id: silent, field: 'telefono' });
    expect([noNumber.status, paths(noNumber.body)]).toEqual([400, [['field', 'noNumber']]]);
    const empty = await call(agent, ip, { modulo: 'contactos' });
    expect(paths(empty.body)).toEqual([
      ['module', 'required'],
      ['id', 'required'],
      ['field', 'required'],
      ['modulo', 'unknownField'],
    ]);
    const noRight = await call(agent, ip, { module: 'productos', id: contact, field: 'telefono' });
    expect(noRight.status).toBe(403);
    const unknownModule = await call(agent, ip, { module: 'no_existe', id: contact, field: 'telefono' });
    expect(unknownModule.status).toBe(404);
    // The admin sees every record and dials the other contact.
    const byAdmin = await call(admin, ip, { module: 'contactos', id: foreign, field: 'telefono' });
    expect([byAdmin.status, byAdmin.body.dial]).toEqual([201, '6015550000']);
  });

  it('enforces IPv4 ranges with masks and IPv6 prefixes, naming the refused IP, before anything else', async () => {
    const rules = '/api/v1/click2dial/ip-restrictions';
    await t.api('POST', rules, { address: '64.80.111.0', mask: '255.255.255.0' }, as(admin));
    await t.api('POST', rules, { address: '2001:db8::', mask: '/32' }, as(admin));
    const before = (await t.api('POST', '/api/v1/records/actividades/query', { filter: { field: 'tipo', op: 'eq', value: 'llamada' } }, as(admin))).body.total;

    for (const ip of ['64.80.111.7', '64.80.111.254', '2001:db8::1', '2001:db8:ffff::42']) {
      expect([ip, (await call(agent, ip, { module: 'contactos', id: contact, field: 'telefono' })).status]).toEqual([ip, 201]);
      expect([ip, (await download(agent, ip, contact)).status]).toEqual([ip, 200]);
    }
    for (const ip of ['64.80.112.7', '10.0.0.1', '2001:db9::1']) {
      const refused = await call(agent, ip, { module: 'contactos', id: contact, field: 'telefono' });
      expect([ip, refused.status, refused.body.code]).toEqual([ip, 403, 'ip_not_allowed']);
      expect(refused.body.message.es).toContain(ip);
      expect(refused.body.message.en).toContain(ip);
      expect(refused.body.ip).toBe(ip);
      const file = await download(agent, ip, contact);
      expect([ip, file.status, file.body.message.en]).toEqual([ip, 403, expect.stringContaining(ip)]);
      expect(JSON.stringify(file.body)).not.toContain('Lucía');
      // The address is checked first: a record that does not exist is not revealed either.
      expect((await download(agent, ip, '00000000-0000-4000-8000-000000000000')).status).toBe(403);
      // Admins are held to the same list.
      expect((await call(admin, ip, { module: 'contactos', id: contact, field: 'telefono' })).status).toBe(403);
    }
    const after = (await t.api('POST', '/api/v1/records/actividades/query', { filter: { field: 'tipo', op: 'eq', value: 'llamada' } }, as(admin))).body.total;
    expect(after).toBe(before + 4);

    // A rule with mask 0.0.0.0 allows every address; removing it closes them again.
    const everyone = await t.api('POST', rules, { address: '0.0.0.0', mask: '0.0.0.0' }, as(admin));
    expect(everyone.status).toBe(201);
    expect((await call(agent, '8.8.8.8', { module: 'contactos', id: contact, field: 'telefono' })).status).toBe(201);
    expect((await download(agent, '2001:db9::1', contact)).status).toBe(200);
    await t.api('DELETE', `${rules}/${everyone.body.id}`, undefined, as(admin));
    expect((await download(agent, '8.8.8.8', contact)).status).toBe(403);
  });
});
