import type { RecordValues } from '@crm/engine';
import { actionContext, anaPerez, COBRANZA, CONFIG, RECORD_ID } from '../cobranza.fixture';
import { registrarGestionAction } from './registrar-gestion.action';

const GESTION = { fecha: '2025-07-16T14:05:00Z', canal: 'telefono', tipificacion: 'Promesa de pago', codigo_tipificacion: 'PP-02', resultado: 'contactado', descripcion: 'Reprograma el abono para el 30 de julio.' };

describe('registrar_gestion action', () => {
  it('is labelled in both languages', () => {
    expect(registrarGestionAction.key).toBe('registrar_gestion');
    expect(registrarGestionAction.label).toEqual({ es: 'Registrar gestión', en: 'Register interaction' });
  });

  it('clears only the configured fields and columns, leaving everything else identical', async () => {
    const record = anaPerez();
    const result = await registrarGestionAction.run(actionContext(record, GESTION));
    const before = anaPerez();
    const rows = before.obligaciones as RecordValues[];
    expect(result.patch).toEqual({
      compromiso_pago_fecha: null,
      compromiso_pago_monto: null,
      observacion_gestion: null,
      obligaciones: rows.map((row) => ({ ...row, compromiso: null, nota_obligacion: null, tipificacion: null })),
    });
    // Spelled out for the first row: every other column keeps its value.
    expect((result.patch?.obligaciones as RecordValues[])[0]).toEqual({
      id: 'r1', id_obligacion: 'TC-8841', nombre: 'Tarjeta de crédito Oro', saldo: '2350000.00', fecha_vencimiento: '2025-05-30', dias_mora: 45, gestionar: true, tipificacion: null, compromiso: null, nota_obligacion: null,
    });
    // The record the action got is not changed; the fields outside the patch stay as they are.
    expect(record).toEqual(before);
    const merged = { ...record, ...result.patch };
    for (const key of Object.keys(record).filter((k) => !(k in (result.patch ?? {})))) expect(merged[key]).toEqual(before[key]);
  });

  it('creates the gestión linked to the record with a snapshot of the cleared values', async () => {
    const result = await registrarGestionAction.run(actionContext(anaPerez(), GESTION));
    expect(result.create).toHaveLength(1);
    const [{ module, values }] = result.create!;
    expect(module).toBe('gestiones');
    expect(values).toEqual({ ...GESTION, cobranza: RECORD_ID, valores_anteriores: expect.any(String) });
    expect(JSON.parse(values.valores_anteriores as string)).toEqual({
      fields: { compromiso_pago_fecha: '2025-07-15', compromiso_pago_monto: '500000.00', observacion_gestion: 'Promete abonar el 15 de julio tras recibir la prima.' },
      obligations: [
        { row: 0, id: 'r1', values: { compromiso: '300000.00', nota_obligacion: 'Abona con la prima', tipificacion: 'Promesa de pago' } },
        { row: 1, id: 'r2', values: { compromiso: '200000.00', nota_obligacion: 'Segunda cuota en agosto', tipificacion: 'Promesa de pago' } },
        { row: 2, id: 'r3', values: { compromiso: '0.00', nota_obligacion: 'Sin novedad', tipificacion: 'Al día' } },
      ],
    });
    expect(result.message).toEqual({ es: 'Gestión registrada. Se limpiaron 12 valores.', en: 'Interaction registered. 12 values cleared.' });
  });

  it('does not let the input point the gestión at another record or forge the snapshot', async () => {
    const result = await registrarGestionAction.run(actionContext(anaPerez(), { ...GESTION, cobranza: 'd4000000-0000-4000-8000-0000000000ff', valores_anteriores: '{}' }));
    expect(result.create?.[0].values).toMatchObject({ cobranza: RECORD_ID });
    expect(result.create?.[0].values.valores_anteriores).not.toBe('{}');
  });

  it('handles a file whose configured fields are already empty', async () => {
    const record = {
      ...anaPerez(),
      compromiso_pago_fecha: null,
      compromiso_pago_monto: '',
      obligaciones: [
        { id_obligacion: 'TC-8841', saldo: '2350000.00', compromiso: null, nota_obligacion: '  ', tipificacion: null },
        { id_obligacion: 'LB-1203', saldo: '1800000.00' },
      ],
    } as RecordValues & { id: string };
    delete record.observacion_gestion;
    const result = await registrarGestionAction.run(actionContext(record, GESTION));
    expect(result.patch).toEqual({
      compromiso_pago_fecha: null,
      compromiso_pago_monto: null,
      observacion_gestion: null,
      obligaciones: [
        { id_obligacion: 'TC-8841', saldo: '2350000.00', compromiso: null, nota_obligacion: null, tipificacion: null },
        { id_obligacion: 'LB-1203', saldo: '1800000.00', compromiso: null, nota_obligacion: null, tipificacion: null },
      ],
    });
    expect(JSON.parse(result.create![0].values.valores_anteriores as string)).toEqual({ fields: {}, obligations: [] });
    expect(result.message?.en).toBe('Interaction registered. 0 values cleared.');
  });

  it('leaves the obligations out of the patch when the file has none', async () => {
    const record = { ...anaPerez(), obligaciones: null };
    const result = await registrarGestionAction.run(actionContext(record, GESTION));
    expect(Object.keys(result.patch ?? {}).sort()).toEqual(['compromiso_pago_fecha', 'compromiso_pago_monto', 'observacion_gestion']);
  });

  it('keeps false and 0 as values worth saving', async () => {
    const record = { ...anaPerez(), obligaciones: [{ id_obligacion: 'X', compromiso: 0, nota_obligacion: null, tipificacion: null }] };
    const result = await registrarGestionAction.run(actionContext(record, {}));
    expect(JSON.parse(result.create![0].values.valores_anteriores as string).obligations).toEqual([{ row: 0, values: { compromiso: 0 } }]);
  });

  it('refuses to run with a config that names a locked field', () => {
    const config = { ...CONFIG, recordFields: ['monto_total'] };
    expect(() => registrarGestionAction.run(actionContext(anaPerez(), GESTION, COBRANZA, config))).toThrow(
      'collections-clear-fields is misconfigured on module "cobranza": Field "monto_total" (recordFields) is a fixed (locked) field and cannot be cleared.',
    );
  });
});
