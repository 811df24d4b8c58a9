import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from '../support/test-server';

/**
 * SMTP delivery of the outbox: a real SMTP server (smtp-server) in this process, with
 * authentication, receives what the dispatcher sends. It checks the operation's sender,
 * the recipient, the subject and the body in each recipient's language, the retry after
 * a temporary refusal, a permanent refusal marked failed with its reason, and the admin's
 * retry of it.
 *
 * A dispatcher sends every operation's outbox, so on a shared Postgres this file gets a
 * database of its own: other test files expect their messages to stay pending.
 */
describe('e-mail delivery through SMTP', () => {
  let t: TestServer;
  let smtp: SMTPServer;
  let op: string;
  let admin: string;
  let lucia: string;
  let ownDatabase: { admin: string; name: string } | null = null;
  const received: ParsedMail[] = [];
  const refusals: string[] = [];
  /** How many more DATA commands answer 451 (try later). */
  let refuseData = 0;
  /** Recipients refused for good (550). */
  const unknownMailboxes = new Set<string>(['nadie@linea147.example']);

  const as = (token: string) => ({ token });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const login = async (username: string, password: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: password, newPassword: 'Correo-Seguro-2026' }, as(first.body.accessToken));
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };
  type Outbox = { id: string; to: string; from: string | null; subject: string; status: string; error: string | null; attempts: number; templateKey: string };
  const outbox = async (query = ''): Promise<Outbox[]> => (await t.api('GET', `/api/v1/mail/outbox${query}`, undefined, as(admin))).body.items;
  const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  /** Imports one contact as `token`'s user, which e-mails that user the summary. */
  const importAs = async (token: string, name: string) => {
    const upload = await fetch(`${t.server.url}/api/v1/imports/files?name=${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-forwarded-for': t.clientIp },
      body: 'nombre;email\nMarta Rojas;marta@example.co\nPedro Gómez;pedro@example.co\n',
    });
    expect(upload.status).toBe(201);
    const fileId = ((await upload.json()) as { id: string }).id;
    const preview = await t.api('POST', '/api/v1/imports/preview', { fileId, module: 'contactos' }, as(token));
    expect(preview.status).toBe(200);
    const started = await t.api(
      'POST',
      '/api/v1/jobs',
      { type: 'records.import', payload: { fileId, module: 'contactos', mapping: preview.body.mapping, options: preview.body.options, mode: 'insert' } },
      as(token),
    );
    expect(started.status).toBe(202);
    await until('the import', async () => {
      const job = (await t.api('GET', `/api/v1/jobs/${started.body.id}`, undefined, as(token))).body;
      return job.state === 'completed' ? job : undefined;
    });
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      onAuth(auth, _session, callback) {
        if (auth.username === 'crm' && auth.password === 'clave-smtp') callback(null, { user: 'crm' });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (!unknownMailboxes.has(address.address)) return callback();
        refusals.push(`550 ${address.address}`);
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (refuseData > 0) {
            refuseData--;
            refusals.push('451 data');
            return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          }
          simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push(mail);
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;

    let databaseUrl: string | undefined;
    if (process.env.DATABASE_URL) {
      const url = new URL(process.env.DATABASE_URL);
      const name = `${url.pathname.slice(1)}_mail_${randomBytes(3).toString('hex')}`;
      ownDatabase = { admin: url.toString(), name };
      const client = new Client({ connectionString: ownDatabase.admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    }
    t = await startTestServer({
      ...(databaseUrl ? { databaseUrl } : {}),
      mail: { smtpUrl: `smtp://crm:clave-smtp@127.0.0.1:${port}`, from: 'CRM <no-reply@crm.example>', pollMs: 100, retryBaseMs: 300, maxAttempts: 4 },
    });
    op = await t.createOperation('smtp');
    admin = await login(`ADMIN_@${op}`, op);
    const me = (await t.api('GET', '/api/v1/auth/me', undefined, as(admin))).body;
    expect((await t.api('PATCH', `/api/v1/users/${me.id}`, { email: 'jefa@linea147.example' }, as(admin))).status).toBe(200);
    const rights = { view: true, create: true, edit: true, delete: false, import: true, massDelete: false, massDuplicate: false, settings: false };
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      { name: 'Importa', permissions: { modules: { '*': rights }, fields: {}, visibility: 'all', allUsersCanEdit: false, aiAssistant: false, admin: false } },
      as(admin),
    );
    const role = (await t.api('GET', '/api/v1/roles', undefined, as(admin))).body.items[0];
    const user = await t.api('POST', '/api/v1/users', { username: 'lucia', displayName: 'Lucía Pérez', email: 'lucia@linea147.example', profileId: profile.body.id, roleId: role.id }, as(admin));
    expect(user.status).toBe(201);
    lucia = await login('lucia', op);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    if (ownDatabase) {
      const client = new Client({ connectionString: ownDatabase.admin });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${ownDatabase.name} WITH (FORCE)`);
      await client.end();
    }
  });

  it('says messages leave by SMTP, through which host, without the credentials', async () => {
    const delivery = await t.api('GET', '/api/v1/mail/delivery', undefined, as(admin));
    expect(delivery.body).toEqual({ transport: 'smtp', host: expect.stringMatching(/^smtp:\/\/127\.0\.0\.1:\d+$/) });
    expect(JSON.stringify(delivery.body)).not.toContain('clave-smtp');
    expect((await t.api('GET', '/api/v1/mail/delivery', undefined, as(lucia))).status).toBe(403);
  });

  it("sends each user's summary in their language from the operation's sender, retrying after a temporary refusal", async () => {
    const bad = await t.api('PUT', '/api/v1/mail/sender', { fromAddress: 'no es correo', fromName: 'A "B"' }, as(admin));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((i: { path: string }) => i.path).sort()).toEqual(['fromAddress', 'fromName']);
    const sender = await t.api('PUT', '/api/v1/mail/sender', { fromName: 'Línea 147', fromAddress: 'atencion@linea147.example', replyTo: 'respuestas@linea147.example' }, as(admin));
    expect(sender.status).toBe(200);
    expect(sender.body.effectiveFrom).toBe('"Línea 147" <atencion@linea147.example>');
    expect((await t.api('PUT', '/api/v1/auth/me/language', { language: 'fr' }, as(admin))).status).toBe(400);
    expect((await t.api('PUT', '/api/v1/auth/me/language', { language: 'en' }, as(admin))).body).toEqual({ language: 'en' });

    refuseData = 1;
    await importAs(admin, 'base-agosto.csv');
    await importAs(lucia, 'base-septiembre.csv');
    await until('both summaries', async () => (received.length >= 2 ? true : undefined));

    const english = received.find((m) => m.subject === 'Import finished: base-agosto.csv');
    const spanish = received.find((m) => m.subject === 'Importación terminada: base-septiembre.csv');
    expect(english).toBeDefined();
    expect(spanish).toBeDefined();
    for (const mail of [english!, spanish!]) {
      expect(mail.from?.value).toEqual([{ name: 'Línea 147', address: 'atencion@linea147.example' }]);
      expect(mail.replyTo?.value).toEqual([{ name: '', address: 'respuestas@linea147.example' }]);
    }
    expect(english!.to).toMatchObject({ value: [{ address: 'jefa@linea147.example' }] });
    expect(english!.html).toContain('Import of "base-agosto.csv" into contactos: 2 rows, 2 created');
    expect(spanish!.to).toMatchObject({ value: [{ address: 'lucia@linea147.example' }] });
    expect(spanish!.html).toContain('<p>Lucía Pérez:</p><p>Importación de «base-septiembre.csv» en contactos: 2 filas, 2 creadas');

    expect(refusals).toEqual(['451 data']);
    const sent = await until('both marked sent', async () => {
      const rows = await outbox('?status=sent');
      return rows.length === 2 ? rows : undefined;
    });
    expect(sent.map((m) => m.attempts).sort()).toEqual([1, 2]);
    expect(sent.every((m) => m.from === '"Línea 147" <atencion@linea147.example>' && m.error === null)).toBe(true);
  }, 60_000);

  it('marks a permanently refused message failed with the reason, and sends it when an admin retries', async () => {
    const templates = { items: [{ key: 'aviso', name: 'Aviso', module: 'contactos', subject: 'Aviso para {{nombre}}', body: '<p>Hola {{nombre}}</p>' }] };
    expect((await t.api('PUT', '/api/v1/settings/email_templates', { value: templates }, as(admin))).status).toBe(200);
    const contact = await t.api('POST', '/api/v1/records/contactos', { nombre: 'Nadie Nunca', email: 'nadie@linea147.example' }, as(admin));
    const job = await t.api('POST', '/api/v1/jobs', { type: 'records.email', payload: { module: 'contactos', ids: [contact.body.id], templateKey: 'aviso', to: 'email' } }, as(admin));
    expect(job.status).toBe(202);
    const failed = await until('the refused message to fail', async () => (await outbox('?status=failed'))[0]);
    expect(failed).toMatchObject({ to: 'nadie@linea147.example', subject: 'Aviso para Nadie Nunca', attempts: 1 });
    expect(failed.error).toMatch(/^550 /);
    const page = await t.api('GET', '/api/v1/mail/outbox?limit=1', undefined, as(admin));
    expect(page.body).toMatchObject({ total: 3, counts: { pending: 0, sent: 2, failed: 1 }, nextCursor: '1' });

    expect((await t.api('POST', `/api/v1/mail/outbox/00000000-0000-4000-8000-000000000000/retry`, undefined, as(admin))).status).toBe(404);
    const sentOne = (await outbox('?status=sent'))[0];
    expect((await t.api('POST', `/api/v1/mail/outbox/${sentOne.id}/retry`, undefined, as(admin))).status).toBe(409);
    unknownMailboxes.clear();
    const retried = await t.api('POST', `/api/v1/mail/outbox/${failed.id}/retry`, undefined, as(admin));
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const delivered = await until('the retried message', async () => received.find((m) => m.subject === 'Aviso para Nadie Nunca'));
    expect(String(delivered.html).trim()).toBe('<p>Hola Nadie Nunca</p>');
    await until('the retried message marked sent', async () => ((await outbox('?status=sent')).some((m) => m.id === failed.id) ? true : undefined));
  }, 60_000);
});
