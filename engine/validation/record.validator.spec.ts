import fc from 'fast-check';
import { sampleCases } from '../definition/sample-definition.fixture';
import type { Issue } from '../issues/issue.types';
import { validateRecord } from './record.validator';

const valid = { asunto: 'No llega la factura', estado: 'abierto' };
const issuesOf = (input: unknown, options?: Parameters<typeof validateRecord>[2]): Issue[] => {
  const result = validateRecord(sampleCases, input, options);
  return result.ok ? [] : result.issues;
};
const codes = (input: unknown, options?: Parameters<typeof validateRecord>[2]) => issuesOf(input, options).map((i) => [i.path, i.code]);

describe('validateRecord', () => {
  it('accepts a complete, valid record and returns it', () => {
    const record = {
      ...valid,
      descripcion: 'El cliente no recibe la factura de octubre',
      cantidad: 3,
      peso: '1.250',
      monto: '125000.50',
      descuento: 10,
      fecha_limite: '2026-12-01',
      abierto_en: '2026-11-23T08:30:00-05:00',
      urgente: true,
      canales: ['whatsapp', 'correo'],
      email: 'ana.perez@example.co',
      telefono: '+57 (601) 555-1234',
      sitio: 'https://example.co/factura',
      contacto: '0b5c8f5e-2a61-4c4e-9a55-1d1f7f0b9a11',
      responsable: '7a0c5e3b-9f1d-4b1b-8c7e-2b8f6b6f3d22',
      adjuntos: [{ id: 'f1', name: 'factura.PDF', size: 120_000 }],
      lineas: [{ producto: 'Plan hogar', cantidad: 2, precio: '49900.00' }],
    };
    expect(validateRecord(sampleCases, record)).toEqual({ ok: true, value: record });
  });

  // One table of invalid values for every field type: [field, value, code].
  const invalid: [string, unknown, string][] = [
    ['asunto', 'x'.repeat(121), 'maxLength'],
    ['asunto', 42, 'type'],
    ['cantidad', 2.5, 'type'],
    ['cantidad', -1, 'minimum'],
    ['cantidad', 1001, 'maximum'],
    ['peso', '1.2345', 'scale'],
    ['peso', 'doce', 'decimal'],
    ['monto', 10.555, 'scale'],
    ['monto', -5, 'minimum'],
    ['monto', '1e5', 'decimal'],
    ['descuento', 101, 'maximum'],
    ['fecha_limite', '2026-02-30', 'format.date'],
    ['fecha_limite', '01/12/2026', 'format.date'],
    ['abierto_en', '2026-11-23 08:30', 'format.datetime'],
    ['urgente', 'si', 'type'],
    ['estado', 'cerrado', 'option'],
    ['estado', 'anulado', 'option'],
    ['canales[0]', ['fax'], 'option'],
    ['canales', ['whatsapp', 'whatsapp'], 'uniqueItems'],
    ['canales', ['whatsapp', 'correo', 'telefono'], 'maxItems'],
    ['email', 'ana@', 'format.email'],
    ['telefono', 'llámame', 'format.phone'],
    ['sitio', 'no es url', 'format.url'],
    ['contacto', '42', 'format.uuid'],
    ['responsable', 'ana', 'format.uuid'],
  ];
  it.each(invalid)('refuses %s = %j with code %s', (field, value, code) => {
    const found = issuesOf({ ...valid, [field.replace(/\[\d+\]$/, '')]: value });
    expect(found).toContainEqual(expect.objectContaining({ path: field, code }));
    for (const item of found) {
      expect(item.message.es.length).toBeGreaterThan(0);
      expect(item.message.en.length).toBeGreaterThan(0);
      expect(item.message.es).not.toEqual(item.message.en);
    }
  });

  it('counts characters, not UTF-16 units, against maxLength', () => {
    expect(codes({ ...valid, asunto: '😀'.repeat(120) })).toEqual([]);
    expect(codes({ ...valid, asunto: '😀'.repeat(121) })).toEqual([['asunto', 'maxLength']]);
  });

  it('takes whole amounts on a currency of scale 0 and refuses decimals there', () => {
    const pesos: typeof sampleCases = {
      ...sampleCases,
      key: 'pesos',
      fields: [{ key: 'valor', type: 'currency', currency: 'COP', scale: 0, label: { es: 'Valor', en: 'Value' } }],
      rules: [],
      sections: [],
    };
    const result = (input: unknown) => validateRecord(pesos, input);
    expect(result({ valor: '125000' }).ok).toBe(true);
    expect(result({ valor: 125000 }).ok).toBe(true);
    const refused = result({ valor: '125000.5' });
    expect(refused.ok ? [] : refused.issues.map((i) => [i.path, i.code])).toEqual([['valor', 'scale']]);
  });

  it('checks attachments: type and size, on the file that breaks them', () => {
    expect(
      codes({
        ...valid,
        adjuntos: [
          { id: 'a', name: 'ok.jpg', size: 1 },
          { id: 'b', name: 'virus.exe', size: 1 },
        ],
      }),
    ).toEqual([['adjuntos[1]', 'fileType']]);
    expect(codes({ ...valid, adjuntos: [{ id: 'a', name: 'big.pdf', size: 6 * 1024 * 1024 }] })).toEqual([['adjuntos[0]', 'fileSize']]);
  });

  it('reports required fields, unknown and archived fields, and computed fields', () => {
    expect(codes({})).toEqual([
      ['asunto', 'required'],
      ['estado', 'required'],
    ]);
    expect(codes({ ...valid, asunto: '   ' })).toEqual([['asunto', 'required']]);
    expect(codes({ ...valid, color: 'rojo' })).toEqual([['color', 'unknownField']]);
    expect(codes({ ...valid, antiguo: 'x' })).toEqual([['antiguo', 'archivedField']]);
    expect(codes({ ...valid, numero: 'CAS-000001' })).toEqual([['numero', 'readOnly']]);
    expect(codes({ ...valid, total: '5' })).toEqual([['total', 'readOnly']]);
  });

  it('makes "Agrega solución" required only when Estado = Solucionado', () => {
    expect(codes({ ...valid, estado: 'en_progreso' })).toEqual([]);
    expect(codes({ ...valid, estado: 'solucionado' })).toEqual([['solucion', 'required']]);
    expect(codes({ ...valid, estado: 'solucionado', solucion: 'Se reenvió la factura' })).toEqual([]);
  });

  it('applies rules and requiredness to the stored record merged with a patch', () => {
    const current = { ...valid, numero: 'CAS-000007', total: '0.00', codigo_cierre: 'C1' };
    expect(codes({ estado: 'solucionado' }, { mode: 'update', current })).toEqual([['solucion', 'required']]);
    expect(codes({ asunto: null }, { mode: 'update', current })).toEqual([['asunto', 'required']]);
    // A form sends computed values back unchanged: that is not a write.
    expect(codes({ numero: 'CAS-000007', descripcion: 'x' }, { mode: 'update', current })).toEqual([]);
    expect(codes({ numero: 'CAS-000999' }, { mode: 'update', current })).toEqual([['numero', 'readOnly']]);
  });

  it('refuses a change to a field whose read-only condition holds', () => {
    const solved = { ...valid, estado: 'solucionado', solucion: 'Listo', codigo_cierre: 'C1' };
    expect(codes({ codigo_cierre: 'C2' }, { mode: 'update', current: solved })).toEqual([['codigo_cierre', 'readOnly']]);
    expect(codes({ codigo_cierre: 'C1' }, { mode: 'update', current: solved })).toEqual([]);
  });

  it('reports the module rules with their own message', () => {
    const found = issuesOf({ ...valid, urgente: true });
    expect(found).toEqual([
      {
        path: 'fecha_limite',
        code: 'rule.fecha_en_futuro_si_urgente',
        message: { es: 'Un caso urgente necesita fecha límite.', en: 'An urgent case needs a due date.' },
      },
    ]);
  });

  it('validates sub-table rows with paths into the row', () => {
    expect(
      codes({
        ...valid,
        lineas: [
          { producto: 'A', cantidad: 1 },
          { cantidad: 0, precio: '1.999', extra: 1 },
        ],
      }),
    ).toEqual([
      ['lineas[1].extra', 'unknownField'],
      ['lineas[1].cantidad', 'minimum'],
      ['lineas[1].precio', 'scale'],
      ['lineas[1].producto', 'required'],
    ]);
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'texto', 42, [], true]) expect(codes(input)).toEqual([['', 'record']]);
  });

  it('property: arbitrary JSON gets a result and never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...sampleCases.fields.map((f) => f.key), 'otro'), fc.jsonValue())), (input) => {
        const result = validateRecord(sampleCases, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) for (const item of result.issues) expect(typeof item.code).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });

  it('property: arbitrary JSON as a patch over arbitrary stored data never throws', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.string(), fc.jsonValue()), (input, current) => {
        expect(typeof validateRecord(sampleCases, input, { mode: 'update', current }).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});
