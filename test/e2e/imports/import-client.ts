import type { TestServer } from '../../support/test-server';

type Row = Record<string, any>;

/** The calls an import test makes, as the platform token in one operation. */
export function importClient(t: TestServer, operation: string) {
  const headers = () => ({ authorization: `Bearer ${t.config.bootstrapToken}`, 'x-operation': operation, 'x-forwarded-for': t.clientIp });
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, { operation });
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    api,
    /** Uploads raw bytes as the browser does: the file as the body. */
    async upload(name: string, bytes: Buffer | string, contentType = 'text/csv'): Promise<{ status: number; body: Row }> {
      const response = await fetch(`${t.server.url}/api/v1/imports/files?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { ...headers(), 'content-type': contentType },
        body: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
      });
      return { status: response.status, body: (await response.json()) as Row };
    },
    async download(path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
      const response = await fetch(`${t.server.url}${path}`, { headers: headers() });
      return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
    },
    async start(payload: Row): Promise<{ status: number; body: Row }> {
      return api('POST', '/api/v1/jobs', { type: 'records.import', payload });
    },
    async job(id: string): Promise<Row> {
      return (await api('GET', `/api/v1/jobs/${id}`)).body;
    },
    /** Polls the job until it has finished (or `until` holds). */
    async wait(id: string, until: (job: Row) => boolean = (job) => ['completed', 'failed', 'cancelled'].includes(job.state), timeoutMs = 180_000): Promise<Row> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const current = (await api('GET', `/api/v1/jobs/${id}`)).body;
        if (until(current)) return current;
        if (Date.now() > end) throw new Error(`job ${id} still ${current.state} after ${timeoutMs} ms: ${JSON.stringify(current)}`);
        await sleep(100);
      }
    },
    /** Uploads, previews and runs an import to its end. */
    async importFile(module: string, name: string, bytes: Buffer | string, extra: Row = {}): Promise<{ job: Row; preview: Row }> {
      const uploaded = await this.upload(name, bytes);
      if (uploaded.status !== 201) throw new Error(`upload: ${JSON.stringify(uploaded.body)}`);
      const preview = await api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module, ...(extra.previewMapping && { mapping: extra.previewMapping }) });
      if (preview.status !== 200) throw new Error(`preview: ${JSON.stringify(preview.body)}`);
      const { previewMapping: _, ...payload } = extra;
      const started = await this.start({ fileId: uploaded.body.id, module, mapping: preview.body.mapping, options: preview.body.options, mode: 'insert', ...payload });
      if (started.status !== 202) throw new Error(`start: ${JSON.stringify(started.body)}`);
      return { job: await this.wait(started.body.id), preview: preview.body };
    },
    async count(module: string, filter?: Row): Promise<number> {
      const response = await api('POST', `/api/v1/records/${module}/query`, { ...(filter && { filter }), limit: 1, count: 'exact' });
      return response.body.total;
    },
  };
}
