import { RecordEventsService } from '../../runtime/records/record-events.service';
import { startTestServer, type TestServer } from '../support/test-server';

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** An open server-sent event stream read with fetch, as the Studio reads it: events arrive one by one. */
interface OpenStream {
  status: number;
  contentType: string | null;
  /** The next event of `type` (earlier ones of other types are skipped); rejects after `timeoutMs`. */
  next(type: string, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves true when the server ends the stream. */
  ended: Promise<boolean>;
  close(): void;
}

/** `operation` is needed with the platform token only (a user's token names its operation). */
async function openStream(t: TestServer, path: string, token: string, operation?: string): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(`${t.server.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': t.clientIp, accept: 'text/event-stream', ...(operation && { 'x-operation': operation }) },
    signal: abort.signal,
  });
  const queue: SseEvent[] = [];
  // An object, so TypeScript does not narrow the callback set inside `next` to null here.
  const waiter: { wake: (() => void) | null } = { wake: null };
  let done = false;
  const ended = (async () => {
    if (!response.ok || !response.body) return false;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done: finished, value } = await reader.read();
        if (finished) return true;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const fields: Record<string, string> = {};
          for (const line of buffer.slice(0, end).split('\n')) {
            const colon = line.indexOf(':');
            if (colon > 0) fields[line.slice(0, colon)] = line.slice(colon + 1).replace(/^ /, '');
          }
          buffer = buffer.slice(end + 2);
          if (fields.data !== undefined) queue.push({ event: fields.event ?? 'message', data: JSON.parse(fields.data) });
          waiter.wake?.();
        }
      }
    } catch {
      return false;
    } finally {
      done = true;
      waiter.wake?.();
    }
  })();
  const next = async (type: string, timeoutMs = 10_000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = queue.findIndex((event) => event.event === type);
      if (index >= 0) return queue.splice(0, index + 1)[index];
      if (done) throw new Error(`stream ended before a ${type} event`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} event in ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiter.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      waiter.wake = null;
    }
  };
  return { status: response.status, contentType: response.headers.get('content-type'), next, ended, close: () => abort.abort() };
}

const waitFor = async (check: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * R6, collaborative editing: an open record hears every save, delete and
 * restore live (server-sent events), across replicas when on Postgres
 * (LISTEN / NOTIFY), within the caller's access: a record it cannot see is
 * 404 and hidden fields are never named.
 */
describe('record events (server-sent events)', () => {
  let t: TestServer;
  let op: string;
  let admin: string;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  const platform = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation: op });

  const login = async (username: string, password: string, newPassword: string) => {
    const first = await t.api('POST', '/api/v1/auth/login', { operation: op, username, password }, { token: null });
    const changed = await t.api('POST', '/api/v1/auth/change-password', { currentPassword: password, newPassword }, { token: first.body.accessToken });
    expect(changed.status).toBe(200);
    return changed.body.accessToken as string;
  };

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('rev');
    admin = await login(`ADMIN_@${op}`, op, 'Admin-Eventos-1');
    const role = (await t.api('GET', '/api/v1/roles', undefined, { token: admin })).body.items[0].id;
    const rights = { view: true, create: true, edit: true, delete: true, import: true, massDelete: false, massDuplicate: false, settings: false };
    const profile = await t.api(
      'POST',
      '/api/v1/profiles',
      {
        name: 'Agente propio',
        permissions: { modules: { '*': rights }, fields: { contactos: { documento: 'hidden' } }, visibility: 'own', allUsersCanEdit: false, aiAssistant: false, admin: false },
      },
      { token: admin },
    );
    expect(profile.status).toBe(201);
    for (const username of ['ana', 'luis']) {
      const created = await t.api('POST', '/api/v1/users', { username, displayName: username, profileId: profile.body.id, roleId: role }, { token: admin });
      expect(created.status).toBe(201);
      userIds[username] = created.body.id;
      tokens[username] = await login(username, op, 'Agente-Seguro-2024');
    }
  });
  afterAll(() => t.close());

  const contact = async (body: Record<string, unknown>) => {
    const created = await platform('POST', '/api/v1/records/contactos', { tipo_documento: 'cc', documento: String(52_000_000 + Math.floor(Math.random() * 999_999)), ...body });
    expect([created.status, created.body.details]).toEqual([201, undefined]);
    return created.body as { id: string; version: number };
  };

  it('streams every save, delete and restore made by another session, without hidden fields', async () => {
    const record = await contact({ nombre: 'Camila', documento: '52000111', assignee: userIds.ana });
    const stream = await openStream(t, `/api/v1/records/contactos/${record.id}/events`, tokens.ana);
    try {
      expect([stream.status, stream.contentType]).toEqual([200, expect.stringContaining('text/event-stream')]);
      expect((await stream.next('ready')).data).toMatchObject({ id: record.id, version: 1 });

      const patched = await platform('PATCH', `/api/v1/records/contactos/${record.id}`, { version: 1, ciudad: 'Cali', documento: '52000222' });
      expect(patched.status).toBe(200);
      const change = (await stream.next('change')).data;
      expect(change).toEqual({ id: record.id, version: 2, updatedAt: patched.body.updatedAt, updatedBy: null, changedFields: ['ciudad'], action: 'update' });

      // A refused write (stale version) commits nothing and announces nothing.
      expect((await platform('PATCH', `/api/v1/records/contactos/${record.id}`, { version: 1, ciudad: 'Bogotá' })).status).toBe(409);
      // Ana's own save from another tab is news to this one too.
      const own = await t.api('PATCH', `/api/v1/records/contactos/${record.id}`, { version: 2, nombre: 'Camila R.' }, { token: tokens.ana });
      expect(own.status).toBe(200);
      expect((await stream.next('change')).data).toMatchObject({ version: 3, updatedBy: userIds.ana, changedFields: ['nombre'] });

      expect((await platform('DELETE', `/api/v1/records/contactos/${record.id}`)).status).toBe(200);
      expect((await stream.next('change')).data).toMatchObject({ version: 4, action: 'delete', changedFields: [] });
      expect((await platform('POST', `/api/v1/records/contactos/${record.id}/restore`)).status).toBe(200);
      expect((await stream.next('change')).data).toMatchObject({ version: 5, action: 'restore' });
    } finally {
      stream.close();
    }
  });

  it('streams a change made by a bulk upsert (imports update records someone may have open)', async () => {
    const documento = '54000777';
    const record = await contact({ nombre: 'Importada', documento, assignee: userIds.ana });
    const stream = await openStream(t, `/api/v1/records/contactos/${record.id}/events`, tokens.ana);
    try {
      await stream.next('ready');
      const loaded = await platform('POST', '/api/v1/records/contactos/bulk', { mode: 'upsert', keyField: 'documento', rows: [{ documento, ciudad: 'Pasto' }] });
      expect(loaded.body).toMatchObject({ updated: 1, errors: [] });
      expect((await stream.next('change')).data).toMatchObject({ id: record.id, version: 2, changedFields: ['ciudad'], action: 'update' });
    } finally {
      stream.close();
    }
  });

  it('answers 404 before streaming when the caller cannot see the record', async () => {
    const record = await contact({ nombre: 'Ajena', assignee: userIds.ana });
    const stream = await openStream(t, `/api/v1/records/contactos/${record.id}/events`, tokens.luis);
    stream.close();
    expect(stream.status).toBe(404);
    expect(stream.contentType).toContain('application/json');
    const missing = await openStream(t, `/api/v1/records/contactos/00000000-0000-4000-8000-000000000000/events`, tokens.ana);
    missing.close();
    expect(missing.status).toBe(404);
  });

  it('ends the stream when the record is reassigned out of sight, and frees it when the client leaves', async () => {
    const events = t.server.app.get(RecordEventsService);
    const record = await contact({ nombre: 'Reasignada', assignee: userIds.ana });
    const stream = await openStream(t, `/api/v1/records/contactos/${record.id}/events`, tokens.ana);
    await stream.next('ready');
    expect((await platform('PATCH', `/api/v1/records/contactos/${record.id}`, { version: 1, assignee: userIds.luis })).status).toBe(200);
    await expect(stream.ended).resolves.toBe(true);
    await waitFor(() => events.activeStreams === 0);

    const other = await contact({ nombre: 'Abandonada', assignee: userIds.ana });
    const left = await openStream(t, `/api/v1/records/contactos/${other.id}/events`, tokens.ana);
    await left.next('ready');
    expect(events.activeStreams).toBe(1);
    left.close();
    await waitFor(() => events.activeStreams === 0);
  });

  it('reaches other replicas and ends open streams when the server closes', async () => {
    // On Postgres a second server is another replica of the same database; on PGlite it is a separate one.
    const replica = await startTestServer();
    let closed = false;
    try {
      const replicaOp = process.env.DATABASE_URL ? op : await replica.createOperation('rev2');
      const created = await replica.api('POST', '/api/v1/records/contactos', { nombre: 'Réplica', tipo_documento: 'cc', documento: '53111222' }, { operation: replicaOp });
      expect(created.status).toBe(201);
      const stream = await openStream(replica, `/api/v1/records/contactos/${created.body.id}/events`, replica.config.bootstrapToken, replicaOp);
      try {
        expect(stream.status).toBe(200);
        await stream.next('ready');
        if (process.env.DATABASE_URL) {
          // Saved through the first server, heard on the replica (LISTEN / NOTIFY).
          expect((await platform('PATCH', `/api/v1/records/contactos/${created.body.id}`, { version: 1, ciudad: 'Medellín' })).status).toBe(200);
          expect((await stream.next('change')).data).toMatchObject({ version: 2, changedFields: ['ciudad'] });
        }
        await replica.close();
        closed = true;
        // The server ends the response: the client sees the end, it does not hang.
        await expect(stream.ended).resolves.toBe(true);
      } finally {
        stream.close();
      }
    } finally {
      if (!closed) await replica.close();
    }
  });
});
