/**
 * Engine benchmarks: record validation throughput and definition diffing.
 * Run with `npm run bench:engine`; figures go to stdout and test/bench/out/engine.json.
 * Each figure is printed beside a raw baseline measured in the same run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecordAjv, buildInputSchema, deepEqual, diffDefinitions, planStorage, validateRecord } from '@crm/engine';
import type { ModuleDefinition, ModuleField } from '@crm/engine';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const label = (es: string) => ({ es, en: `${es} (en)` });

function fortyFieldModule(): ModuleDefinition {
  const fields: ModuleField[] = [];
  const add = (field: ModuleField) => fields.push(field);
  for (let i = 0; i < 10; i++) add({ key: `texto_${i}`, type: 'text', label: label(`Texto ${i}`), maxLength: 120, required: i < 2 });
  for (let i = 0; i < 4; i++) add({ key: `nota_${i}`, type: 'longText', label: label(`Nota ${i}`) });
  for (let i = 0; i < 4; i++) add({ key: `entero_${i}`, type: 'integer', label: label(`Entero ${i}`), min: 0, max: 1_000_000 });
  for (let i = 0; i < 2; i++) add({ key: `decimal_${i}`, type: 'decimal', label: label(`Decimal ${i}`), scale: 3 });
  for (let i = 0; i < 2; i++) add({ key: `monto_${i}`, type: 'currency', label: label(`Monto ${i}`), currency: 'COP', min: 0 });
  for (let i = 0; i < 2; i++) add({ key: `porcentaje_${i}`, type: 'percent', label: label(`Porcentaje ${i}`), min: 0, max: 100 });
  for (let i = 0; i < 3; i++) add({ key: `fecha_${i}`, type: 'date', label: label(`Fecha ${i}`) });
  for (let i = 0; i < 2; i++) add({ key: `momento_${i}`, type: 'datetime', label: label(`Momento ${i}`) });
  for (let i = 0; i < 3; i++) add({ key: `bandera_${i}`, type: 'boolean', label: label(`Bandera ${i}`) });
  const options = ['abierto', 'en_progreso', 'solucionado', 'cerrado'].map((key) => ({ key, label: label(key) }));
  for (let i = 0; i < 3; i++) add({ key: `estado_${i}`, type: 'select', label: label(`Estado ${i}`), options });
  add({ key: 'canales', type: 'multiSelect', label: label('Canales'), options });
  add({ key: 'email', type: 'email', label: label('Correo') });
  add({ key: 'telefono', type: 'phone', label: label('Teléfono') });
  add({ key: 'contacto', type: 'lookup', label: label('Contacto'), target: 'contactos' });
  add({
    key: 'solucion',
    type: 'longText',
    label: label('Solución'),
    conditions: { visible: { '==': [{ var: 'estado_0' }, 'solucionado'] }, required: { '==': [{ var: 'estado_0' }, 'solucionado'] } },
  });
  return { key: 'bench', version: 1, names: { singular: label('Registro'), plural: label('Registros') }, icon: 'table', fields };
}

function record(i: number): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  for (let k = 0; k < 10; k++) r[`texto_${k}`] = `Valor ${k} del registro ${i}`;
  for (let k = 0; k < 4; k++) r[`nota_${k}`] = 'Cliente llamó para consultar el estado de su solicitud.';
  for (let k = 0; k < 4; k++) r[`entero_${k}`] = (i * 7 + k) % 1_000_000;
  for (let k = 0; k < 2; k++) r[`decimal_${k}`] = ((i % 1000) / 8).toFixed(3);
  for (let k = 0; k < 2; k++) r[`monto_${k}`] = `${(i % 50000) + 1}.50`;
  for (let k = 0; k < 2; k++) r[`porcentaje_${k}`] = i % 100;
  for (let k = 0; k < 3; k++) r[`fecha_${k}`] = `2026-0${(i % 9) + 1}-1${k}`;
  for (let k = 0; k < 2; k++) r[`momento_${k}`] = `2026-11-2${k}T10:15:00Z`;
  for (let k = 0; k < 3; k++) r[`bandera_${k}`] = (i + k) % 2 === 0;
  r.estado_0 = i % 4 === 2 ? 'solucionado' : 'abierto';
  r.estado_1 = 'en_progreso';
  r.estado_2 = 'cerrado';
  r.canales = ['abierto'];
  r.email = `cliente${i}@example.co`;
  r.telefono = `+57 300 ${String(i % 10_000_000).padStart(7, '0')}`;
  r.contacto = '0b5c8f5e-2a61-4c4e-9a55-1d1f7f0b9a11';
  r.solucion = r.estado_0 === 'solucionado' ? 'Se resolvió en la primera llamada' : null;
  return r;
}

function timeIt(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function benchValidation() {
  const definition = fortyFieldModule();
  const records = Array.from({ length: RECORDS }, (_, i) => record(i));
  const raw = createRecordAjv().compile(buildInputSchema(definition));
  // Warm up both paths (compilation, JIT) before timing.
  for (let i = 0; i < 5000; i++) {
    validateRecord(definition, records[i]);
    raw(records[i]);
  }
  const engineRuns: number[] = [];
  const rawRuns: number[] = [];
  let invalid = 0;
  for (let run = 0; run < 3; run++) {
    engineRuns.push(
      timeIt(() => {
        for (const r of records) if (!validateRecord(definition, r).ok) invalid++;
      }),
    );
    rawRuns.push(
      timeIt(() => {
        for (const r of records) if (!raw(r)) invalid++;
      }),
    );
  }
  if (invalid > 0) throw new Error(`${invalid} generated records did not validate`);
  const engineMs = median(engineRuns);
  const rawMs = median(rawRuns);
  return {
    records: RECORDS,
    fields: definition.fields.length,
    engineRecordsPerSecond: Math.round((RECORDS / engineMs) * 1000),
    rawAjvRecordsPerSecond: Math.round((RECORDS / rawMs) * 1000),
    ratioToRaw: Number((rawMs / engineMs).toFixed(2)),
  };
}

function twoHundredFieldPair(): [ModuleDefinition, ModuleDefinition] {
  const types: ModuleField[] = fortyFieldModule().fields;
  const fields = Array.from({ length: 200 }, (_, i) => ({ ...structuredClone(types[i % types.length]), key: `campo_${i}`, label: label(`Campo ${i}`) }) as ModuleField);
  for (const f of fields) delete f.conditions;
  const before: ModuleDefinition = { key: 'grande', version: 1, names: { singular: label('Grande'), plural: label('Grandes') }, icon: 'table', fields };
  const after = structuredClone(before);
  after.version = 2;
  // A realistic admin edit: relabels, new options, a type change, archives, additions and a move.
  for (let i = 0; i < 200; i += 10) after.fields[i].label = label(`Campo renombrado ${i}`);
  for (const f of after.fields) if (f.type === 'select') f.options = [...f.options, { key: 'nuevo', label: label('Nuevo') }];
  after.fields[5] = { key: 'campo_5', type: 'integer', label: label('Campo 5') };
  after.fields = after.fields.filter((_, i) => i % 50 !== 7);
  for (let i = 0; i < 10; i++) after.fields.push({ key: `agregado_${i}`, type: 'text', label: label(`Agregado ${i}`), searchable: true });
  after.fields.unshift(after.fields.pop() as ModuleField);
  return [before, after];
}

function benchDiff() {
  const [before, after] = twoHundredFieldPair();
  for (let i = 0; i < 50; i++) planStorage(diffDefinitions(before, after), before);
  const diffRuns: number[] = [];
  const planRuns: number[] = [];
  const rawRuns: number[] = [];
  let operations = 0;
  for (let i = 0; i < 200; i++) {
    let ops: ReturnType<typeof diffDefinitions> = [];
    diffRuns.push(timeIt(() => (ops = diffDefinitions(before, after))));
    planRuns.push(timeIt(() => planStorage(ops, before)));
    rawRuns.push(timeIt(() => deepEqual(before, after)));
    operations = ops.length;
  }
  return {
    fields: before.fields.length,
    operations,
    diffMedianMs: Number(median(diffRuns).toFixed(3)),
    planMedianMs: Number(median(planRuns).toFixed(3)),
    rawDeepEqualMedianMs: Number(median(rawRuns).toFixed(3)),
  };
}

const results = { node: process.version, at: new Date().toISOString(), validation: benchValidation(), diff: benchDiff() };
console.log(JSON.stringify(results, null, 2));
const out = join(__dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'engine.json'), JSON.stringify(results, null, 2));
