import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../support/test-server';
import { importClient } from './import-client';

type Row = Record<string, any>;
const label = (es: string, en = es) => ({ es, en });

/** One field of every importable type, labelled as a Colombian admin would label the columns of the file. */
const tipos = {
  key: 'tipos',
  version: 1,
  names: { singular: label('Tipo', 'Type'), plural: label('Tipos', 'Types') },
  icon: 'table',
  fields: [
    { key: 'nombre', type: 'text', label: label('Nombre', 'Name'), required: true },
    { key: 'notas', type: 'longText', label: label('Notas', 'Notes') },
    { key: 'cantidad', type: 'integer', label: label('Cantidad', 'Quantity') },
    { key: 'peso', type: 'decimal', scale: 2, label: label('Peso', 'Weight') },
    { key: 'cuota', type: 'currency', currency: 'COP', scale: 2, label: label('Cuota inicial', 'Down payment') },
    { key: 'descuento', type: 'percent', scale: 1, label: label('Descuento', 'Discount') },
    { key: 'fecha', type: 'date', label: label('Fecha', 'Date') },
    { key: 'momento', type: 'datetime', label: label('Fecha y hora', 'Date and time') },
    { key: 'activo', type: 'boolean', label: label('Activo', 'Active') },
    {
      key: 'canal',
      type: 'select',
      label: label('Canal', 'Channel'),
      options: [
        { key: 'web', label: label('Web') },
        { key: 'call_center', label: label('Centro de llamadas', 'Call center') },
      ],
    },
    {
      key: 'intereses',
      type: 'multiSelect',
      label: label('Intereses', 'Interests'),
      options: [
        { key: 'deporte', label: label('Deporte', 'Sport') },
        { key: 'cine', label: label('Cine', 'Cinema') },
      ],
    },
    { key: 'correo', type: 'email', label: label('Correo', 'E-mail') },
    { key: 'telefono', type: 'phone', label: label('Teléfono', 'Phone') },
    { key: 'web', type: 'url', label: label('Sitio web', 'Website') },
    { key: 'empresa', type: 'lookup', target: 'empresas', label: label('Empresa', 'Company') },
    { key: 'agente', type: 'user', label: label('Agente', 'Agent') },
  ],
};

const HEADER = 'Nombre;Notas;Cantidad;Peso;Cuota inicial;Descuento;Fecha;Fecha y hora;Activo;Canal;Intereses;Correo electrónico;Teléfono;Sitio web;Empresa;Agente';
const good = (overrides: Record<number, string> = {}) => {
  const cells = [
    'Ana',
    '"línea 1\r\nlínea 2; con punto y coma"',
    '1.500',
    '12,5',
    '$ 1.234.567,50',
    '15 %',
    '18/08/2021',
    '18/08/2021 13:02',
    'sí',
    'CENTRO DE LLAMADAS',
    'Deporte, cine',
    'ana@example.com',
    '+57 300 123 4567',
    'https://example.com',
    'cooperativa lechera del valle',
    'ADMIN',
  ];
  return cells.map((cell, i) => overrides[i] ?? cell).join(';');
};

describe('imports: every value conversion, encodings and Excel', () => {
  let t: TestServer;
  let op: string;
  let client: ReturnType<typeof importClient>;
  let empresaId: string;
  let adminId: string;

  beforeAll(async () => {
    t = await startTestServer();
    op = await t.createOperation('impv');
    client = importClient(t, op);
    expect((await client.api('POST', '/api/v1/modules', tipos)).status).toBe(201);
    empresaId = (await client.api('POST', '/api/v1/records/empresas', { nombre: 'Cooperativa Lechera del Valle', nit: '890300111-5' })).body.id;
    for (const nit of ['900100200-1', '900100200-2']) expect((await client.api('POST', '/api/v1/records/empresas', { nombre: 'Repetida', nit })).status).toBe(201);
    const users = (await client.api('GET', '/api/v1/users?limit=50')).body.items as Row[];
    adminId = users.find((u) => u.username.startsWith('ADMIN'))!.id;
  }, 120_000);
  afterAll(() => t.close());

  it('converts every type as the file writes it, and refuses each bad cell with its column, value and reason', async () => {
    const admin = (await client.api('GET', '/api/v1/users?limit=50')).body.items.find((u: Row) => u.id === adminId).username;
    const bad: [number, string, string, string][] = [
      // [column, bad cell, expected code, header]
      [0, '', 'required', 'Nombre'],
      [2, 'doce', 'decimal', 'Cantidad'],
      [3, '12,5,3', 'decimal', 'Peso'],
      [4, 'mucho', 'decimal', 'Cuota inicial'],
      [5, 'x %', 'decimal', 'Descuento'],
      [6, '31/02/2021', 'import.date', 'Fecha'],
      [7, '18/08/2021 25:00', 'import.datetime', 'Fecha y hora'],
      [8, 'quizás', 'import.boolean', 'Activo'],
      [9, 'Fax', 'option', 'Canal'],
      [10, 'Deporte, Ajedrez', 'option', 'Intereses'],
      [11, 'no-es-correo', 'format.email', 'Correo electrónico'],
      [14, '999', 'import.lookupNotFound', 'Empresa'],
      [15, 'nadie', 'import.lookupNotFound', 'Agente'],
      [14, 'Repetida', 'import.lookupAmbiguous', 'Empresa'],
    ];
    const csv = [HEADER, good({ 15: admin }), ...bad.map(([column, cell]) => good({ 15: admin, [column]: cell, 0: column === 0 ? cell : `Fila ${column}` }))].join('\r\n');
    const { job, preview } = await client.importFile('tipos', 'tipos.csv', csv);
    expect(preview.delimiter).toBe(';');
    expect(preview.options).toEqual({ dateOrder: 'dmy', decimalMark: ',', listSeparator: ',' });
    expect(preview.mapping.map((m: Row) => m.field)).toEqual(tipos.fields.map((f) => f.key));
    expect(job.state).toBe('completed');
    expect(job.result).toMatchObject({ total: 1 + bad.length, inserted: 1, errorCount: bad.length });

    const [ana] = (await client.api('POST', '/api/v1/records/tipos/query', { filter: { field: 'nombre', op: 'eq', value: 'Ana' } })).body.items;
    expect(ana).toMatchObject({
      notas: 'línea 1\r\nlínea 2; con punto y coma',
      cantidad: 1500,
      peso: '12.50',
      cuota: '1234567.50',
      descuento: '15.0',
      fecha: '2021-08-18',
      momento: '2021-08-18T13:02:00.000Z',
      activo: true,
      canal: 'call_center',
      intereses: ['deporte', 'cine'],
      correo: 'ana@example.com',
      telefono: '+57 300 123 4567',
      web: 'https://example.com',
      empresa: empresaId,
      agente: adminId,
    });

    // A company found by its NIT instead of its name: the mapping says which field of the target a cell names.
    const byNit = await client.upload('por-nit.csv', 'Nombre;Empresa\r\nBeto;890300111-5\r\nCiro;Cooperativa Lechera del Valle');
    const nitMapping = [
      { column: 0, header: 'Nombre', field: 'nombre' },
      { column: 1, header: 'Empresa', field: 'empresa', lookupBy: 'nit' },
    ];
    const nitPreview = await client.api('POST', '/api/v1/imports/preview', { fileId: byNit.body.id, module: 'tipos', mapping: nitMapping });
    expect(nitPreview.body.rows.map((r: Row) => [r.values.empresa ?? null, r.issues.map((i: Row) => i.code)])).toEqual([
      [empresaId, []],
      [null, ['import.lookupNotFound']],
    ]);

    const failures = (await client.api('GET', `/api/v1/imports/${job.id}/failures?format=json&limit=100`)).body;
    expect(failures.total).toBe(bad.length);
    expect(failures.items.map((f: Row) => f.line)).toEqual(bad.map((_, i) => i + 3));
    failures.items.forEach((failure: Row, i: number) => {
      const [column, cell, code, header] = bad[i];
      expect(failure.issues).toHaveLength(1);
      expect(failure.issues[0]).toMatchObject({ column, header, value: cell, code });
      expect(failure.issues[0].message.es.length).toBeGreaterThan(5);
      expect(failure.issues[0].message.en.length).toBeGreaterThan(5);
      expect(failure.issues[0].message.es).not.toBe(failure.issues[0].message.en);
    });
  }, 120_000);

  it('reads a Windows-1252 file (an Excel export from Latin America) with its accents', async () => {
    const text = ['Nombre;Notas;Canal', 'José Muñoz;Atención en línea;Web', 'Íñigo Peñalosa;Señal débil;Centro de llamadas'].join('\r\n');
    const bytes = Buffer.from(new Uint8Array([...text].map((c) => ({ é: 0xe9, ñ: 0xf1, ó: 0xf3, Í: 0xcd, í: 0xed, á: 0xe1 })[c] ?? c.charCodeAt(0))));
    expect(bytes.toString('utf8')).not.toContain('José');
    const uploaded = await client.upload('latin1.csv', bytes);
    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos' });
    expect(preview.status).toBe(200);
    expect(preview.body.encoding).toBe('windows-1252');
    expect(preview.body.rows.map((r: Row) => r.values.nombre)).toEqual(['José Muñoz', 'Íñigo Peñalosa']);
    const { job } = await client.importFile('tipos', 'latin1.csv', bytes);
    expect(job.result).toMatchObject({ inserted: 2, errorCount: 0 });
    const [jose] = (await client.api('POST', '/api/v1/records/tipos/query', { filter: { field: 'nombre', op: 'eq', value: 'José Muñoz' } })).body.items;
    expect(jose).toMatchObject({ notas: 'Atención en línea', canal: 'web' });
  }, 60_000);

  it('reads an XLSX workbook: the first sheet by default, another one when chosen, with real dates and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const resumen = workbook.addWorksheet('Resumen');
    resumen.addRow(['Nota']);
    resumen.addRow(['No importar']);
    const base = workbook.addWorksheet('Base');
    base.addRow(['Nombre', 'Cantidad', 'Peso', 'Fecha', 'Activo']);
    base.addRow(['Excel Uno', 42, 3.25, new Date(Date.UTC(2024, 1, 29)), true]);
    base.addRow(['Excel Dos', 7, 0.5, new Date(Date.UTC(2025, 11, 31)), false]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const uploaded = await client.upload('base.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(uploaded.body.format).toBe('xlsx');
    const first = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos' });
    expect(first.body).toMatchObject({ sheets: ['Resumen', 'Base'], sheet: 'Resumen', encoding: null, delimiter: null, headers: ['Nota'] });
    const chosen = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos', sheet: 'Base' });
    expect(chosen.status).toBe(200);
    expect(chosen.body.rows.map((r: Row) => r.values)).toEqual([
      { nombre: 'Excel Uno', cantidad: 42, peso: '3.25', fecha: '2024-02-29', activo: true },
      { nombre: 'Excel Dos', cantidad: 7, peso: '0.5', fecha: '2025-12-31', activo: false },
    ]);
    const missing = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos', sheet: 'Otra' });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('import_sheet_not_found');
    const started = await client.start({ fileId: uploaded.body.id, module: 'tipos', sheet: 'Base', mapping: chosen.body.mapping, options: chosen.body.options, mode: 'insert' });
    expect(started.status).toBe(202);
    const done = await client.wait(started.body.id);
    expect(done.result).toMatchObject({ total: 2, inserted: 2, errorCount: 0 });
    const [dos] = (await client.api('POST', '/api/v1/records/tipos/query', { filter: { field: 'nombre', op: 'eq', value: 'Excel Dos' } })).body.items;
    expect(dos).toMatchObject({ peso: '0.50', fecha: '2025-12-31', cantidad: 7 });
  }, 60_000);

  it('offers an example file per module, in CSV and XLSX, in the user language', async () => {
    const csv = await client.download('/api/v1/imports/example/tipos?format=csv&lang=es');
    expect(csv.status).toBe(200);
    const [header, sample] = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header.split(';')).toEqual(tipos.fields.map((f) => f.label.es));
    expect(sample.split(';').length).toBeGreaterThanOrEqual(tipos.fields.length);
    // The example reads back: uploaded as it is, it previews without an issue.
    const uploaded = await client.upload('ejemplo.csv', csv.bytes);
    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos' });
    expect(preview.body.mapping.every((m: Row) => m.field !== null)).toBe(true);
    const lookupIssues = new Set(['import.lookupNotFound']);
    expect(preview.body.rows[0].issues.filter((i: Row) => !lookupIssues.has(i.code))).toEqual([]);

    const xlsx = await client.download('/api/v1/imports/example/tipos?format=xlsx&lang=en');
    expect(xlsx.status).toBe(200);
    // The workbook reads back through the import itself: the data sheet first, the allowed values on the second.
    const upload = await client.upload('example.xlsx', xlsx.bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(upload.body.format).toBe('xlsx');
    const data = await client.api('POST', '/api/v1/imports/preview', { fileId: upload.body.id, module: 'tipos' });
    expect(data.status).toBe(200);
    expect(data.body.sheets).toEqual(['Types', 'Values']);
    expect(data.body.headers).toEqual(tipos.fields.map((f) => f.label.en));
    expect(data.body.mapping.map((m: Row) => m.field)).toEqual(tipos.fields.map((f) => f.key));
    const allowed = await client.api('POST', '/api/v1/imports/preview', { fileId: upload.body.id, module: 'tipos', sheet: 'Values' });
    const canal = allowed.body.headers.indexOf('Channel');
    expect(allowed.body.rows.slice(0, 2).map((r: Row) => r.cells[canal])).toEqual(['Web', 'Call center']);
  }, 60_000);

  it('saves a mapping per module and applies it to a file whose columns moved', async () => {
    const saved = await client.api('POST', '/api/v1/imports/mappings/tipos', {
      name: 'Base del proveedor',
      mapping: [
        { column: 0, header: 'NOMBRE CLIENTE', field: 'nombre' },
        { column: 1, header: 'OBS', field: 'notas' },
      ],
      options: { dateOrder: 'dmy', decimalMark: ',', listSeparator: ',' },
    });
    expect(saved.status).toBe(201);
    const listed = await client.api('GET', '/api/v1/imports/mappings/tipos');
    expect(listed.body.items.map((m: Row) => m.name)).toEqual(['Base del proveedor']);
    const uploaded = await client.upload('movida.csv', 'OBS;Cantidad;NOMBRE CLIENTE\r\nllamar luego;3;Carla');
    const preview = await client.api('POST', '/api/v1/imports/preview', { fileId: uploaded.body.id, module: 'tipos', mapping: listed.body.items[0].mapping });
    expect(preview.body.mapping.map((m: Row) => [m.column, m.field])).toEqual([
      [0, 'notas'],
      [1, 'cantidad'],
      [2, 'nombre'],
    ]);
    expect(preview.body.rows[0].values).toEqual({ notas: 'llamar luego', cantidad: 3, nombre: 'Carla' });
    expect((await client.api('DELETE', `/api/v1/imports/mappings/tipos/${saved.body.id}`)).status).toBe(204);
    expect((await client.api('GET', '/api/v1/imports/mappings/tipos')).body.items).toEqual([]);
  }, 60_000);
});
