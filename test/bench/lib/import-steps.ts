/**
 * The import as a client drives it (the Studio's wizard without the screens):
 * upload the file as the request body, streamed from disk; preview (detected
 * mapping and value options); start `records.import`; poll the job until it
 * ends. Each step is timed by the caller.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { basename } from 'node:path';
import { expectStatus } from './bench-kit';
import type { JsonClient } from './http-client';

type Row = Record<string, any>;

/** `POST /api/v1/imports/files`: the file streamed from disk as the body. */
export function uploadFile(baseUrl: string, headers: Record<string, string>, path: string): Promise<Row> {
  const url = new URL(`/api/v1/imports/files?name=${encodeURIComponent(basename(path))}`, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv', 'content-length': statSync(path).size } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (piece: string) => (text += piece));
      res.on('end', () => {
        if (res.statusCode !== 201) return reject(new Error(`upload ${basename(path)}: HTTP ${res.statusCode} ${text.slice(0, 800)}`));
        resolve(JSON.parse(text) as Row);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    createReadStream(path).on('error', reject).pipe(req);
  });
}

export async function preview(client: JsonClient, fileId: string, module: string): Promise<Row> {
  const res = await client.send('POST', '/api/v1/imports/preview', { fileId, module });
  expectStatus(res, 200, 'POST /imports/preview');
  return res.body as Row;
}

export async function startImport(client: JsonClient, payload: Row): Promise<Row> {
  const res = await client.send('POST', '/api/v1/jobs', { type: 'records.import', payload });
  if (res.status !== 201 && res.status !== 202) expectStatus(res, 202, 'POST /jobs records.import');
  return res.body as Row;
}

/** Polls the job every `everyMs` until it has ended; `onPoll` sees each state. */
export async function waitForJob(client: JsonClient, id: string, everyMs = 500, onPoll?: (job: Row) => void): Promise<Row> {
  for (;;) {
    const res = await client.send('GET', `/api/v1/jobs/${id}`);
    expectStatus(res, 200, 'GET /jobs/{id}');
    onPoll?.(res.body as Row);
    if (['completed', 'failed', 'cancelled'].includes(res.body.state)) return res.body as Row;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Resident set size of a process in MB (Linux /proc), or null once it has gone. */
export function rssMB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}
