import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RuntimeConfig } from '../../runtime/config/runtime.config';
import type { JobsConfig } from '../../runtime/jobs/jobs.options';
import { startServer, type RunningServer } from '../../runtime/server';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  server: RunningServer;
  config: RuntimeConfig;
  /** The client address this server's calls come from (X-Forwarded-For). */
  clientIp: string;
  /** Calls the API as the platform token in `operation` (when given). */
  api<T = any>(method: string, path: string, body?: unknown, options?: { operation?: string | null; token?: string | null; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** Creates a fresh operation with the catalog modules and returns its key. */
  createOperation(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the real server in-process: on the Postgres of DATABASE_URL when set
 * (CI), otherwise on PGlite in a temporary folder; Redis the same way.
 * Each test file gets its own server and its own operations.
 */
export async function startTestServer(overrides: Partial<JobsConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'crm-test-'));
  const config: JobsConfig = {
    ...loadConfig({ ...process.env, PORT: '0', BOOTSTRAP_TOKEN: 'test-platform-token', DEMO_OPERATION: '', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    dataDir,
    // Every test server stands for a different client address, so login limits
    // counted per IP in a shared database do not leak between test files.
    trustProxy: true,
    // Its own BullMQ key prefix, so servers of other test files on the same Redis never take its jobs.
    jobs: { prefix: `crm-test-${randomBytes(4).toString('hex')}` },
    ...overrides,
  };
  const clientIp = `10.${randomInt(256)}.${randomInt(256)}.${1 + randomInt(254)}`;
  const server = await startServer(config);
  const api: TestServer['api'] = async (method, path, body, options = {}) => {
    const headers: Record<string, string> = { 'x-forwarded-for': clientIp, ...options.headers };
    const token = options.token === undefined ? config.bootstrapToken : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.operation) headers['x-operation'] = options.operation;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (SSE, HTML): keep the text
    }
    return { status: response.status, body: parsed as any, headers: response.headers };
  };
  return {
    server,
    config,
    clientIp,
    api,
    async createOperation(prefix = 't') {
      const key = `${prefix}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const created = await api('POST', '/api/v1/operations', { key, name: `Test ${key}` });
      if (created.status !== 201) throw new Error(`operation not created: ${JSON.stringify(created.body)}`);
      return key;
    },
    async close() {
      await server.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
