import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from '../support/test-server';

const run = promisify(execFile);
const BIN = join(__dirname, '..', '..', 'runtime', 'cli', 'crm.cjs');

describe('crm command line: schema export / import', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
  const dataDir = join(dir, 'data');
  let t: TestServer;
  let source: string;
  let target: string;
  const crm = (args: string[], env: Record<string, string> = {}) => run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, timeout: 120_000 });

  beforeAll(async () => {
    t = await startTestServer({ dataDir });
    source = await t.createOperation('cli');
    target = await t.createOperation('cli');
    const vehiculos = {
      key: 'vehiculos',
      version: 1,
      names: { singular: { es: 'Vehículo', en: 'Vehicle' }, plural: { es: 'Vehículos', en: 'Vehicles' } },
      icon: 'car',
      fields: [{ key: 'placa', type: 'text', label: { es: 'Placa', en: 'Plate' } }],
    };
    await t.api('POST', '/api/v1/modules', vehiculos, { operation: source });
  });
  afterAll(async () => {
    await t.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('talks to a running server with --url and a token', async () => {
    const server = { CRM_URL: t.server.url, CRM_TOKEN: t.config.bootstrapToken };
    const exported = await crm(['schema', 'export', '--operation', source, '--modules', 'vehiculos'], server);
    const bundle = JSON.parse(exported.stdout);
    expect(bundle).toMatchObject({ format: 'contact-crm.schema-bundle', formatVersion: 1, modules: [expect.objectContaining({ key: 'vehiculos' })] });
    const file = join(dir, 'bundle.json');
    writeFileSync(file, exported.stdout);

    const dry = await crm(['schema', 'import', file, '--operation', target, '--dry-run'], server);
    expect(dry.stdout).toContain('vehiculos: crear / create');
    expect(dry.stdout).toContain('agrega la columna «Placa»');
    expect((await t.api('GET', '/api/v1/modules/vehiculos', undefined, { operation: target })).status).toBe(404);
    await crm(['schema', 'import', file, '--operation', target], server);
    expect((await t.api('GET', '/api/v1/modules/vehiculos', undefined, { operation: target })).status).toBe(200);

    writeFileSync(join(dir, 'newer.json'), JSON.stringify({ ...bundle, formatVersion: 9 }));
    const refused = await crm(['schema', 'import', join(dir, 'newer.json'), '--operation', target], server).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('bundle_too_new') });
  });

  it('opens the database directly when no server URL is given', async () => {
    await t.close(); // the embedded database takes one process at a time
    const env: Record<string, string> = process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { DATA_DIR: dataDir };
    const exported = await crm(['schema', 'export', '--operation', target, '--modules', 'vehiculos'], { ...env, CRM_URL: '' });
    expect(JSON.parse(exported.stdout).modules.map((m: { key: string }) => m.key)).toEqual(['vehiculos']);
    const file = join(dir, 'direct.json');
    writeFileSync(file, exported.stdout);
    const dry = await crm(['schema', 'import', file, '--operation', source, '--dry-run', '--json'], { ...env, CRM_URL: '' });
    expect(JSON.parse(dry.stdout).modules).toEqual([expect.objectContaining({ key: 'vehiculos', action: 'unchanged', operations: [] })]);
  });
});
