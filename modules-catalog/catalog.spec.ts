import { readdirSync } from 'fs';
import { brokenRules, computeFormulas, fieldState, renderAutonumber, MODULE_ROLES, renderTemplate, sharedRoleIssues, validateDefinition, validateRecord } from '@crm/engine';
import type { JsonLogic, ModuleDefinition, ModuleField, PicklistOption, SubtableField } from '@crm/engine';
import { CATALOG_MODULES, catalogModule } from './index';

const EXPECTED_KEYS = [
  'casos',
  'empresas',
  'contactos',
  'reportes',
  'paneles',
  'preguntas_frecuentes',
  'productos',
  'cotizaciones',
  'posibles_clientes',
  'oportunidades',
  'previsiones',
  'cobranza',
  'proyectos',
  'actividades',
  'gestiones',
];
const allKeys = CATALOG_MODULES.map((m) => m.key);
const SNAKE = /^[a-z][a-z0-9_]*$/;

const byKey = (key: string): ModuleDefinition => {
  const found = CATALOG_MODULES.find((m) => m.key === key);
  if (!found) throw new Error(`missing module ${key}`);
  return found;
};
const field = (module: string | ModuleDefinition, key: string): ModuleField => {
  const def = typeof module === 'string' ? byKey(module) : module;
  const found = def.fields.find((f) => f.key === key);
  if (!found) throw new Error(`missing field ${def.key}.${key}`);
  return found;
};
const subtable = (module: string, key: string): SubtableField => {
  const found = field(module, key);
  if (found.type !== 'subtable') throw new Error(`${module}.${key} is not a sub-table`);
  return found;
};
const options = (f: ModuleField): PicklistOption[] => (f.type === 'select' || f.type === 'multiSelect' ? f.options : []);

/** Every field of a module with its columns, paired with the keys its JsonLogic may use. */
function fieldsWithScope(def: ModuleDefinition): { field: ModuleField; path: string; roots: Set<string> }[] {
  const top = new Set(def.fields.map((f) => f.key));
  const out: { field: ModuleField; path: string; roots: Set<string> }[] = [];
  for (const f of def.fields) {
    out.push({ field: f, path: f.key, roots: top });
    if (f.type === 'subtable') {
      const roots = new Set([...top, ...f.columns.map((c) => c.key)]);
      for (const c of f.columns) out.push({ field: c, path: `${f.key}.${c.key}`, roots });
    }
  }
  return out;
}

/** `var` names used in record scope (array operators' item expressions excluded). */
function varsOf(logic: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(logic)) {
    logic.forEach((item) => varsOf(item, out));
    return out;
  }
  if (logic === null || typeof logic !== 'object') return out;
  const [op, raw] = Object.entries(logic)[0] ?? [];
  const args = Array.isArray(raw) ? raw : [raw];
  if (op === 'var') {
    if (typeof args[0] === 'string' && args[0] !== '') out.add(args[0].split('.')[0]);
    return out;
  }
  if (['map', 'reduce', 'filter', 'all', 'none', 'some'].includes(op as string)) return varsOf(args[0], out);
  return varsOf(args, out);
}

function logicOf(def: ModuleDefinition): { where: string; logic: JsonLogic; roots: Set<string> }[] {
  const out: { where: string; logic: JsonLogic; roots: Set<string> }[] = [];
  for (const { field: f, path, roots } of fieldsWithScope(def)) {
    for (const [name, logic] of Object.entries(f.conditions ?? {})) out.push({ where: `${path}.conditions.${name}`, logic: logic as JsonLogic, roots });
    if (f.type === 'formula') out.push({ where: `${path}.formula`, logic: f.formula, roots });
  }
  const top = new Set(def.fields.map((f) => f.key));
  for (const rule of def.rules ?? []) out.push({ where: `rules.${rule.key}`, logic: rule.assert, roots: top });
  return out;
}

/** Field names a Handlebars title uses (helpers such as `date` skipped). */
function templateVars(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].flatMap((m) => m[1].split(/\s+/).filter((word) => /^[a-z][a-z0-9_]*$/.test(word) && !['date', 'upper', 'lower', 'seq'].includes(word)));
}

describe('the default module catalog', () => {
  it('has the 15 modules, one file each, named after its key', () => {
    expect([...allKeys].sort()).toEqual([...EXPECTED_KEYS].sort());
    const files = readdirSync(__dirname).filter((name) => name.endsWith('.module.json'));
    expect(files.sort()).toEqual(EXPECTED_KEYS.map((k) => `${k}.module.json`).sort());
  });

  it('declares each platform role on one module, the one the platform used to name', () => {
    expect(sharedRoleIssues(CATALOG_MODULES)).toEqual([]);
    const owners = Object.fromEntries(CATALOG_MODULES.filter((m) => m.role).map((m) => [m.role, m.key]));
    expect(owners).toEqual({ activities: 'actividades', contacts: 'contactos', companies: 'empresas', cases: 'casos', opportunities: 'oportunidades' });
    expect(Object.keys(owners).sort()).toEqual(Object.keys(MODULE_ROLES).sort());
  });

  it('lists the modules in menu order, contacts first and reports and dashboards last', () => {
    expect(allKeys[0]).toBe('contactos');
    expect(allKeys.slice(-2)).toEqual(['reportes', 'paneles']);
  });

  describe.each(EXPECTED_KEYS)('%s', (key) => {
    const def = byKey(key);

    it('validates against the meta-schema and the engine checks', () => {
      const result = validateDefinition(def, { modules: allKeys });
      // On failure jest prints the issues themselves.
      expect(result.ok ? [] : result.issues).toEqual([]);
      expect(result.ok).toBe(true);
    });

    it('has version 1, names in both languages, an icon and a title that renders', () => {
      expect(def.version).toBe(1);
      for (const text of [def.names.singular, def.names.plural]) {
        expect(text.es.trim()).not.toBe('');
        expect(text.en.trim()).not.toBe('');
      }
      expect(def.icon).toMatch(/^[a-z0-9-]{2,40}$/);
      expect(def.title).toBeTruthy();
      const sample = Object.fromEntries(def.fields.map((f) => [f.key, `x_${f.key}`]));
      expect(renderTemplate(def.title as string, sample).trim()).not.toBe('');
    });

    it('uses lowercase ASCII snake_case keys for fields, columns, options and sections', () => {
      for (const { field: f, path } of fieldsWithScope(def)) {
        expect({ path, key: f.key, ok: SNAKE.test(f.key) }).toEqual({ path, key: f.key, ok: true });
        for (const option of options(f)) expect({ path, option: option.key, ok: SNAKE.test(option.key) }).toEqual({ path, option: option.key, ok: true });
      }
      for (const section of def.sections ?? []) expect(section.key).toMatch(SNAKE);
    });

    it('puts every field in exactly one section', () => {
      const placed = (def.sections ?? []).flatMap((s) => s.fields);
      expect([...placed].sort()).toEqual(def.fields.map((f) => f.key).sort());
      for (const section of def.sections ?? []) {
        expect(section.fields.length).toBeGreaterThan(0);
        expect(section.label.es && section.label.en).toBeTruthy();
      }
    });

    it('labels every field, column and option in Spanish and English, translated', () => {
      const labels: { path: string; es: string; en: string }[] = [];
      for (const { field: f, path } of fieldsWithScope(def)) {
        labels.push({ path, ...f.label });
        for (const option of options(f)) labels.push({ path: `${path}:${option.key}`, ...option.label });
      }
      for (const label of labels) {
        expect({ path: label.path, es: label.es.trim().length > 0, en: label.en.trim().length > 0 }).toEqual({ path: label.path, es: true, en: true });
      }
      const fieldLabels = def.fields.map((f) => f.label);
      const translated = fieldLabels.filter((l) => l.es !== l.en).length;
      expect(translated).toBeGreaterThan(0);
      // Most words differ between the languages (a few, like "Total" or "WhatsApp", do not).
      expect(translated / fieldLabels.length).toBeGreaterThanOrEqual(0.75);
    });

    it('has unique option keys in every picklist', () => {
      for (const { field: f, path } of fieldsWithScope(def)) {
        const keys = options(f).map((o) => o.key);
        expect({ path, keys: [...new Set(keys)] }).toEqual({ path, keys });
      }
    });

    it('points lookups only at catalog modules', () => {
      for (const { field: f, path } of fieldsWithScope(def)) {
        if (f.type === 'lookup') expect({ path, target: EXPECTED_KEYS.includes(f.target) }).toEqual({ path, target: true });
      }
    });

    it("writes JsonLogic that reads only the module's own fields", () => {
      for (const { where, logic, roots } of logicOf(def)) {
        const unknown = [...varsOf(logic)].filter((name) => !roots.has(name));
        expect({ where, unknown }).toEqual({ where, unknown: [] });
      }
    });

    it('locks the fields its title and formulas are built from', () => {
      const used = new Set(templateVars(def.title ?? ''));
      for (const f of def.fields) if (f.type === 'formula') varsOf(f.formula).forEach((name) => used.add(name));
      for (const name of used) expect({ field: name, locked: field(def, name).locked === true }).toEqual({ field: name, locked: true });
    });

    it('makes e-mail, phone and number fields searchable and owner-like and status-like fields filterable', () => {
      for (const f of def.fields) {
        if (['email', 'phone', 'autonumber'].includes(f.type)) expect({ field: f.key, searchable: f.searchable }).toEqual({ field: f.key, searchable: true });
        if (f.type === 'user' || ['estado', 'prioridad', 'fase'].includes(f.key)) expect({ field: f.key, filterable: f.filterable }).toEqual({ field: f.key, filterable: true });
      }
    });

    it('amounts carry a currency and percentages stay within 0..100 when bounded', () => {
      for (const { field: f, path } of fieldsWithScope(def)) {
        if (f.type === 'currency') expect({ path, currency: f.currency }).toEqual({ path, currency: 'COP' });
        if (f.type === 'percent' && f.max !== undefined) expect({ path, max: f.max }).toEqual({ path, max: 100 });
      }
    });
  });
});

describe('casos (D1)', () => {
  const def = byKey('casos');

  it('numbers cases CAS-000123', () => {
    const numero = field(def, 'numero');
    expect(numero.type).toBe('autonumber');
    if (numero.type !== 'autonumber') return;
    expect(numero.prefix).toBe('CAS-{{seq 6}}');
    expect(renderAutonumber(numero.prefix, 123)).toBe('CAS-000123');
  });

  it('has the four PQRS types, each with its prefix, and shows the prefix with the number', () => {
    const tipo = field(def, 'tipo');
    expect(options(tipo).map((o) => [o.key, o.data?.prefix])).toEqual([
      ['peticion', 'PET'],
      ['queja', 'QUE'],
      ['reclamo', 'REC'],
      ['sugerencia', 'SUG'],
    ]);
    for (const option of options(tipo)) {
      expect(computeFormulas(def, { tipo: option.key, numero: 'CAS-000123' }).prefijo).toBe(`${option.data?.prefix}-000123`);
    }
    expect(computeFormulas(def, { tipo: 'queja' }).prefijo).toBeNull();
  });

  it('gives every priority a resolution time', () => {
    const prioridad = options(field(def, 'prioridad'));
    expect(prioridad.map((o) => o.key)).toEqual(expect.arrayContaining(['urgente', 'alta', 'media', 'baja']));
    for (const option of prioridad) expect(option.data?.resolutionHours).toBeGreaterThan(0);
  });

  it('relates a case to a contact, a company and the case it depends on', () => {
    expect(field(def, 'contacto')).toMatchObject({ type: 'lookup', target: 'contactos' });
    expect(field(def, 'empresa')).toMatchObject({ type: 'lookup', target: 'empresas' });
    expect(field(def, 'depende_de')).toMatchObject({ type: 'lookup', target: 'casos' });
    expect(field(def, 'responsable')).toMatchObject({ type: 'user' });
    expect(fieldState(field(def, 'depende_de'), { dependencia: 'dependiente' })).toMatchObject({ visible: true, required: true });
    expect(fieldState(field(def, 'depende_de'), { dependencia: 'independiente' })).toMatchObject({ visible: false, required: false });
  });

  it('asks for "Agrega solución" only when the case is solved', () => {
    const solucion = field(def, 'solucion');
    expect(solucion.type).toBe('longText');
    expect(solucion.label.es).toBe('Agrega solución');
    const solved = { '==': [{ var: 'estado' }, 'solucionado'] };
    expect(solucion.conditions).toEqual({ visible: solved, required: solved });
    expect(options(field(def, 'estado')).map((o) => o.key)).toContain('solucionado');
    expect(fieldState(solucion, { estado: 'solucionado' })).toMatchObject({ visible: true, required: true });
    expect(fieldState(solucion, { estado: 'activo' })).toMatchObject({ visible: false, required: false });

    const base = { tipo: 'queja', asunto: 'Cobro doble', estado: 'solucionado', prioridad: 'alta' };
    const refused = validateRecord(def, base);
    expect(refused.ok ? [] : refused.issues.map((i) => [i.path, i.code])).toEqual([['solucion', 'required']]);
    expect(validateRecord(def, { ...base, solucion: 'Se reversó el cobro.' }).ok).toBe(true);
  });

  it('accepts the attachment formats of the seed', () => {
    const adjuntos = field(def, 'adjuntos');
    expect(adjuntos.type).toBe('file');
    if (adjuntos.type !== 'file') return;
    expect(adjuntos.accept).toEqual(expect.arrayContaining(['xlsx', 'csv', 'pdf', 'jpg', 'jpeg', 'png', 'docx', 'doc', 'mp4', 'mp3', 'wmv', 'wma', 'avi', 'bmp']));
    expect(adjuntos.maxSizeMb).toBeGreaterThan(0);
    expect(field(def, 'tipificacion')).toBeTruthy();
  });
});

describe('oportunidades (D4)', () => {
  const def = byKey('oportunidades');
  const fases = options(field(def, 'fase'));

  it('gives every phase a probability from 0 to 100, won at 100 and lost at 0', () => {
    expect(fases.length).toBeGreaterThanOrEqual(4);
    for (const fase of fases) {
      const p = fase.data?.probability;
      expect(typeof p).toBe('number');
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(100);
    }
    expect(fases.find((f) => f.key === 'ganada')?.data).toMatchObject({ probability: 100, won: true, closed: true });
    expect(fases.find((f) => f.key === 'perdida')?.data).toMatchObject({ probability: 0, won: false, closed: true });
  });

  it('computes probability from the phase and expected amount = amount × probability', () => {
    expect(field(def, 'monto')).toMatchObject({ type: 'currency', currency: 'COP' });
    expect(field(def, 'probabilidad')).toMatchObject({ type: 'formula', resultType: 'percent' });
    expect(field(def, 'monto_esperado')).toMatchObject({
      type: 'formula',
      resultType: 'currency',
      formula: { '/': [{ '*': [{ var: 'monto' }, { var: 'probabilidad' }] }, 100] },
    });
    for (const fase of fases) {
      const values = computeFormulas(def, { fase: fase.key, monto: '1000000' });
      expect(Number(values.probabilidad)).toBe(fase.data?.probability);
      expect(Number(values.monto_esperado)).toBe((1000000 * Number(fase.data?.probability)) / 100);
    }
    expect(computeFormulas(def, { fase: 'negociacion', monto: 1000000 }).monto_esperado).toBe('750000.00');
  });

  it('has a closing date and company and contact lookups', () => {
    expect(field(def, 'fecha_cierre').type).toBe('date');
    expect(field(def, 'empresa')).toMatchObject({ type: 'lookup', target: 'empresas' });
    expect(field(def, 'contacto')).toMatchObject({ type: 'lookup', target: 'contactos' });
  });
});

describe('productos (D5)', () => {
  const def = byKey('productos');

  it('locks the fixed fields and keeps the product code unique', () => {
    for (const key of ['nombre', 'codigo', 'activo', 'categoria', 'tipo_pago', 'tasa_comision', 'stock', 'impuesto', 'precio_unitario']) {
      expect({ key, locked: field(def, key).locked }).toEqual({ key, locked: true });
    }
    expect(field(def, 'codigo').unique).toBe(true);
    expect(field(def, 'activo').type).toBe('boolean');
    expect(field(def, 'tasa_comision').type).toBe('percent');
    expect(field(def, 'impuesto').type).toBe('percent');
    expect(field(def, 'stock').type).toBe('integer');
    expect(field(def, 'precio_unitario').type).toBe('currency');
  });

  it('has price lists and quantity ranges as sub-tables', () => {
    expect(subtable('productos', 'listas_precios').columns.map((c) => [c.key, c.type])).toEqual([
      ['lista', 'text'],
      ['lugar', 'text'],
      ['moneda', 'text'],
      ['precio', 'currency'],
    ]);
    expect(subtable('productos', 'rangos_cantidad').columns.map((c) => [c.key, c.type])).toEqual([
      ['desde', 'integer'],
      ['hasta', 'integer'],
      ['descuento', 'percent'],
    ]);
  });

  it('refuses a range that ends before it starts', () => {
    const ok = {
      rangos_cantidad: [
        { desde: 1, hasta: 9, descuento: 0 },
        { desde: 10, hasta: null, descuento: 5 },
      ],
    };
    expect(brokenRules(def, ok)).toEqual([]);
    expect(brokenRules(def, {})).toEqual([]);
    expect(brokenRules(def, { rangos_cantidad: [{ desde: 10, hasta: 5, descuento: 5 }] }).map((i) => i.code)).toEqual(['rule.rangos_validos']);
  });
});

describe('cotizaciones (D6)', () => {
  const def = byKey('cotizaciones');

  it('locks the fixed fields of the seed', () => {
    for (const key of ['contacto', 'empresa', 'oportunidad', 'email', 'estado', 'asunto', 'notas', 'valida_hasta', 'descripcion', 'propietario', 'lista_precios', 'detalle_oferta', 'terminos']) {
      expect({ key, locked: field(def, key).locked }).toEqual({ key, locked: true });
    }
    expect(field(def, 'contacto')).toMatchObject({ type: 'lookup', target: 'contactos' });
    expect(field(def, 'empresa')).toMatchObject({ type: 'lookup', target: 'empresas' });
    expect(field(def, 'oportunidad')).toMatchObject({ type: 'lookup', target: 'oportunidades' });
    expect(field(def, 'propietario').type).toBe('user');
    expect(field(def, 'lista_precios').type).toBe('text');
  });

  it('has line items with the columns of the seed', () => {
    const lineas = subtable('cotizaciones', 'lineas');
    expect(lineas.columns.map((c) => [c.key, c.type])).toEqual([
      ['producto', 'lookup'],
      ['tipo_costo', 'select'],
      ['precio_lista', 'currency'],
      ['cantidad', 'decimal'],
      ['importe', 'currency'],
      ['descuento', 'percent'],
      ['descuento_manual', 'boolean'],
      ['impuesto', 'percent'],
      ['impuesto_manual', 'boolean'],
      ['total', 'currency'],
    ]);
    expect(lineas.columns[0]).toMatchObject({ target: 'productos' });
    expect(options(lineas.columns[1]).map((o) => [o.key, o.label.en])).toEqual([
      ['mensual', 'Monthly'],
      ['bajo_demanda', 'On demand'],
      ['unica_vez', 'One time'],
    ]);
    // The product's payment type feeds the line's cost type: same keys.
    expect(options(field('productos', 'tipo_pago')).map((o) => o.key)).toEqual(options(lineas.columns[1]).map((o) => o.key));
    const descuento = lineas.columns.find((c) => c.key === 'descuento') as ModuleField;
    expect(fieldState(descuento, { descuento_manual: true }).readOnly).toBe(false);
    expect(fieldState(descuento, { descuento_manual: false }).readOnly).toBe(true);
  });

  it('configures quote-totals with fields that exist', () => {
    const plugin = (def.plugins ?? []).find((p) => p.name === 'quote-totals');
    expect(plugin?.config).toEqual({
      linesField: 'lineas',
      productModule: 'productos',
      priceListField: 'lista_precios',
      totals: { subtotal: 'subtotal', discount: 'descuento_total', tax: 'impuesto_total', total: 'total' },
    });
    const config = plugin?.config as { linesField: string; productModule: string; priceListField: string; totals: Record<string, string> };
    expect(field(def, config.linesField).type).toBe('subtable');
    expect(allKeys).toContain(config.productModule);
    expect(field(def, config.priceListField)).toBeTruthy();
    for (const key of Object.values(config.totals)) expect(field(def, key)).toMatchObject({ type: 'currency', readOnly: true, locked: true });
  });

  it('accepts a quote with lines and refuses an accepted quote without products', () => {
    const quote = {
      asunto: 'Plan contact center 20 puestos',
      estado: 'borrador',
      lista_precios: 'Colombia COP',
      lineas: [{ producto: '6f1c4b7e-8a0d-4a61-9d65-2d8f4c1b9e10', tipo_costo: 'mensual', precio_lista: '150000.00', cantidad: 20, descuento_manual: false, impuesto_manual: false }],
    };
    const result = validateRecord(def, quote);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(brokenRules(def, { estado: 'aceptada', lineas: [] }).map((i) => i.code)).toEqual(['rule.aceptada_con_productos']);
  });
});

describe('cobranza (D2) and gestiones', () => {
  const def = byKey('cobranza');
  const gestiones = byKey('gestiones');

  it('has the debtor, amounts and disposition fields', () => {
    for (const key of ['nombre_deudor', 'documento', 'telefono', 'email', 'direccion', 'codigo_tipificacion', 'descripcion_tipificacion', 'fecha_ultima_gestion']) {
      expect(field(def, key)).toBeTruthy();
    }
    for (const key of ['monto_total', 'monto_vencido', 'monto_por_vencer', 'compromiso_pago_monto']) expect(field(def, key).type).toBe('currency');
    expect(field(def, 'compromiso_pago_fecha').type).toBe('date');
    expect(field(def, 'observacion_gestion').type).toBe('longText');
  });

  it('has the obligations sub-table with its custom columns', () => {
    const columns = subtable('cobranza', 'obligaciones').columns;
    const types = Object.fromEntries(columns.map((c) => [c.key, c.type]));
    expect(types).toMatchObject({
      id_obligacion: 'text',
      nombre: 'text',
      saldo: 'currency',
      fecha_vencimiento: 'date',
      dias_mora: 'integer',
      tiempo_cartera: 'integer',
      ultimo_pago: 'currency',
      fecha_ultimo_pago: 'date',
      gestionar: 'boolean',
      tipificacion: 'text',
      compromiso: 'currency',
      nota_obligacion: 'text',
    });
    const tipificacion = columns.find((c) => c.key === 'tipificacion') as ModuleField;
    expect(fieldState(tipificacion, { tipificar: true }).visible).toBe(true);
    expect(fieldState(tipificacion, { tipificar: false }).visible).toBe(false);
  });

  it('configures collections-clear-fields with fields that exist and can be cleared', () => {
    const plugin = (def.plugins ?? []).find((p) => p.name === 'collections-clear-fields');
    const config = plugin?.config as { recordFields: string[]; obligationsField: string; obligationFields: string[]; gestionModule: string; gestionLookup: string };
    expect(config).toEqual({
      recordFields: ['compromiso_pago_fecha', 'compromiso_pago_monto', 'observacion_gestion'],
      obligationsField: 'obligaciones',
      obligationFields: ['compromiso', 'nota_obligacion'],
      gestionModule: 'gestiones',
      gestionLookup: 'cobranza',
    });
    for (const key of config.recordFields) expect(field(def, key)).toMatchObject({ key });
    for (const key of config.recordFields) expect({ key, required: field(def, key).required ?? false, locked: field(def, key).locked ?? false }).toEqual({ key, required: false, locked: false });
    const columns = subtable('cobranza', config.obligationsField).columns;
    for (const key of config.obligationFields) expect({ key, exists: columns.some((c) => c.key === key && !c.required) }).toEqual({ key, exists: true });
    expect(field(byKey(config.gestionModule), config.gestionLookup)).toMatchObject({ type: 'lookup', target: 'cobranza' });
  });

  it('keeps overdue and due-soon amounts within the total debt', () => {
    expect(brokenRules(def, { monto_total: '900000.00', monto_vencido: '300000.00', monto_por_vencer: '600000.00' })).toEqual([]);
    expect(brokenRules(def, { monto_vencido: '300000.00' })).toEqual([]);
    // Decimal strings compare as numbers, not as text ("1000000" > "900000").
    expect(brokenRules(def, { monto_total: '1000000', monto_vencido: '900000' })).toEqual([]);
    expect(brokenRules(def, { monto_total: '100000', monto_vencido: '200000' }).map((i) => i.code)).toEqual(['rule.vencido_hasta_total']);
  });

  it('accepts a collection record with obligations', () => {
    const record = {
      nombre_deudor: 'Ana Pérez',
      documento: '1020304050',
      telefono: '+57 300 123 4567',
      monto_total: '1500000.00',
      monto_vencido: '500000.00',
      obligaciones: [{ id_obligacion: 'OB-1', saldo: '500000.00', dias_mora: 45, gestionar: true, tipificar: false }],
    };
    const result = validateRecord(def, record);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it('records an interaction with its channel, disposition and the values cleared', () => {
    for (const [key, target] of [
      ['cobranza', 'cobranza'],
      ['caso', 'casos'],
      ['contacto', 'contactos'],
    ]) {
      expect(field(gestiones, key)).toMatchObject({ type: 'lookup', target });
    }
    expect(options(field(gestiones, 'canal')).map((o) => o.key)).toEqual(expect.arrayContaining(['telefono', 'whatsapp', 'correo', 'chat', 'presencial']));
    expect(field(gestiones, 'fecha').type).toBe('datetime');
    expect(field(gestiones, 'agente').type).toBe('user');
    expect(field(gestiones, 'valores_anteriores').type).toBe('longText');
    for (const key of ['tipificacion', 'descripcion', 'resultado']) expect(field(gestiones, key)).toBeTruthy();
  });
});

describe('actividades (R4)', () => {
  const def = byKey('actividades');

  it('has the four activity types, priorities for tasks and a pending / completed status', () => {
    expect(options(field(def, 'tipo')).map((o) => o.key)).toEqual(['llamada', 'reunion', 'tarea', 'nota']);
    expect(options(field(def, 'prioridad')).map((o) => o.key)).toEqual(['alta', 'media', 'baja']);
    expect(options(field(def, 'estado')).map((o) => o.key)).toEqual(['pendiente', 'completada']);
    expect(fieldState(field(def, 'prioridad'), { tipo: 'tarea' }).visible).toBe(true);
    expect(fieldState(field(def, 'fecha_inicio'), { tipo: 'reunion' }).required).toBe(true);
    expect(fieldState(field(def, 'recordatorio'), { tipo: 'llamada', recordatorio_activo: true }).required).toBe(true);
  });

  it('keeps participants as rows of contact or user lookups, not a multi-select', () => {
    const participantes = subtable('actividades', 'participantes');
    expect(participantes.columns.find((c) => c.key === 'contacto')).toMatchObject({ type: 'lookup', target: 'contactos' });
    expect(participantes.columns.find((c) => c.key === 'usuario')).toMatchObject({ type: 'user' });
    expect(brokenRules(def, { participantes: [{ telefono: '3001234567' }] }).map((i) => i.code)).toEqual(['rule.participante_identificado']);
  });

  it('relates to contacts, companies, cases and opportunities', () => {
    for (const [key, target] of [
      ['contacto', 'contactos'],
      ['empresa', 'empresas'],
      ['caso', 'casos'],
      ['oportunidad', 'oportunidades'],
    ]) {
      expect(field(def, key)).toMatchObject({ type: 'lookup', target });
    }
    expect(field(def, 'asignado').type).toBe('user');
    expect(field(def, 'fecha_vencimiento').type).toBe('datetime');
    expect(field(def, 'recordatorio').type).toBe('datetime');
  });
});

describe('previsiones (D7)', () => {
  const def = byKey('previsiones');

  it('asks for the month, quarter or half that the period type needs', () => {
    expect(
      options(field(def, 'tipo_periodo'))
        .map((o) => o.key)
        .sort(),
    ).toEqual(['anual', 'mensual', 'semestral', 'trimestral']);
    expect(options(field(def, 'mes'))).toHaveLength(12);
    expect(fieldState(field(def, 'mes'), { tipo_periodo: 'mensual' })).toMatchObject({ visible: true, required: true });
    expect(fieldState(field(def, 'trimestre'), { tipo_periodo: 'mensual' }).visible).toBe(false);
    expect(fieldState(field(def, 'trimestre'), { tipo_periodo: 'trimestral' }).required).toBe(true);
    expect(fieldState(field(def, 'semestre'), { tipo_periodo: 'anual' }).visible).toBe(false);
  });

  it('computes achieved and pipeline outside the form', () => {
    expect(field(def, 'meta').type).toBe('currency');
    for (const key of ['logrado', 'pipeline']) expect(field(def, key)).toMatchObject({ type: 'currency', readOnly: true });
    expect(field(def, 'usuario').type).toBe('user');
    expect(computeFormulas(def, { meta: '1000000', logrado: '250000' }).cumplimiento).toBe('25.0');
    expect(computeFormulas(def, { meta: 0, logrado: '250000' }).cumplimiento).toBeNull();
  });
});

describe('reportes (P1) and paneles (P2, P3)', () => {
  it('offers the report filter operators of the seed', () => {
    const filtros = subtable('reportes', 'filtros');
    const operador = filtros.columns.find((c) => c.key === 'operador') as ModuleField;
    expect(options(operador).map((o) => o.label.es)).toEqual(['Contiene', 'Diferente', 'Valor exacto', 'Vacío']);
  });

  it('offers every chart type, measure, order and date bucket of the seed', () => {
    const def = byKey('paneles');
    expect(options(field(def, 'tipo_grafico')).map((o) => o.key)).toEqual([
      'columnas',
      'lineas',
      'columnas_apiladas',
      'lineas_apiladas',
      'circular',
      'circular_3d',
      'dona',
      'dona_3d',
      'embudo',
      'embudo_horizontal',
    ]);
    expect(options(field(def, 'medida')).map((o) => o.key)).toEqual(['recuento', 'suma', 'minimo', 'maximo', 'promedio']);
    expect(options(field(def, 'orden')).map((o) => o.key)).toEqual(['label_asc', 'label_desc', 'value_asc', 'value_desc']);
    expect(options(field(def, 'intervalo_fecha')).map((o) => o.key)).toEqual(['anio', 'mes', 'semana', 'dia', 'hora']);
    expect(fieldState(field(def, 'medida_2'), { tipo_panel: 'grafico', tipo_grafico: 'columnas' }).visible).toBe(true);
    expect(fieldState(field(def, 'medida_2'), { tipo_panel: 'grafico', tipo_grafico: 'dona' }).visible).toBe(false);
    expect(fieldState(field(def, 'objetivo'), { tipo_panel: 'medidor_objetivo' })).toMatchObject({ visible: true, required: true });
    expect(brokenRules(def, { umbral_amarillo: 70, umbral_verde: 50 }).map((i) => i.code)).toEqual(['rule.umbrales_ordenados']);
    expect(brokenRules(def, { umbral_amarillo: 50, umbral_verde: 70 })).toEqual([]);
  });
});

describe('catalogModule', () => {
  it('returns an editable copy of a catalog module', () => {
    const copy = catalogModule('casos');
    expect(copy).toEqual(byKey('casos'));
    copy.fields.push({ key: 'extra', type: 'text', label: { es: 'Extra', en: 'Extra' } });
    expect(byKey('casos').fields.some((f) => f.key === 'extra')).toBe(false);
  });

  it('throws for an unknown key', () => {
    expect(() => catalogModule('vehiculos')).toThrow(/vehiculos/);
  });

  it('keeps the shared definitions frozen', () => {
    expect(Object.isFrozen(byKey('casos').fields)).toBe(true);
    expect(() => (byKey('casos').fields as ModuleField[]).push(field('casos', 'asunto'))).toThrow();
  });
});
