import type { RecordValues } from '@crm/engine';
import { actionContext, anaPerez, COBRANZA, CONFIG, fixtureServices, GESTIONES, RECORD_ID } from '../cobranza.fixture';
import { registrarGestionAction } from './registrar-gestion.action';

const GESTION = {
  fecha: '2025-07-16T14:05:00Z',
  canal: 'telefono',
  tipificacion: 'Promesa de pago',
  codigo_tipificacion: 'PP-02',
  resultado: 'contactado',
  descripcion: 'Reprograma el abono para el 30 de julio.',
};

describe('registrar_gestion action', () => {
  it('is labelled in both languages', () => {
    expect(registrarGestionAction.key).toBe('registrar_gestion');
    expect(registrarGestionAction.label).toEqual({ es: 'Registrar gestión', en: 'Register interaction' });
  });

  it("creates the gestión linked to the record and leaves the clearing to the gestión's hooks", async () => {
    const record = anaPerez();
    const result = await registrarGestionAction.run(actionContext(record, GESTION));
    expect(result.patch).toBeUndefined();
    expect(result.create).toEqual([{ module: 'gestiones', values: { ...GESTION, cobranza: RECORD_ID } }]);
    expect(result.message).toEqual({ es: 'Gestión registrada. Se limpiaron 12 valores.', en: 'Interaction registered. 12 values cleared.' });
    // The record the action got is not changed.
    expect(record).toEqual(anaPerez());
  });

  it('does not let the input point the gestión at another record or forge the snapshot', async () => {
    const result = await registrarGestionAction.run(actionContext(anaPerez(), { ...GESTION, cobranza: 'd4000000-0000-4000-8000-0000000000ff', valores_anteriores: '{}' }));
    expect(result.create?.[0].values).toMatchObject({ cobranza: RECORD_ID });
    expect(result.create?.[0].values).not.toHaveProperty('valores_anteriores');
  });

  it('counts nothing on a file whose configured fields are already empty', async () => {
    const record = {
      ...anaPerez(),
      compromiso_pago_fecha: null,
      compromiso_pago_monto: '',
      observacion_gestion: null,
      obligaciones: [{ id_obligacion: 'TC-8841', compromiso: null, nota_obligacion: '  ', tipificacion: null }],
    };
    const result = await registrarGestionAction.run(actionContext(record, GESTION));
    expect(result.message?.en).toBe('Interaction registered. 0 values cleared.');
  });

  it('refuses to run with a config that names a locked field', async () => {
    const config = { ...CONFIG, recordFields: ['monto_total'] };
    await expect(registrarGestionAction.run(actionContext(anaPerez(), GESTION, COBRANZA, config))).rejects.toThrow(
      'collections-clear-fields is misconfigured on module "cobranza": Field "monto_total" (recordFields) is a fixed (locked) field and cannot be cleared.',
    );
  });

  it('refuses to run when the gestión module does not list the plugin, since its gestiones would clear nothing', async () => {
    const unlinked = { ...GESTIONES, plugins: [] };
    const context = { ...actionContext(anaPerez(), GESTION), services: fixtureServices(undefined, [COBRANZA, unlinked]).services };
    await expect(registrarGestionAction.run(context)).rejects.toThrow('Module "gestiones" must list collections-clear-fields with {"collectionLookup": "cobranza"}');
  });

  it('keeps the input it does not know about for the gestión module to validate', async () => {
    const result = await registrarGestionAction.run(actionContext(anaPerez(), { canal: 'whatsapp', adjunto: 'x' } as RecordValues));
    expect(result.create?.[0].values).toEqual({ canal: 'whatsapp', adjunto: 'x', cobranza: RECORD_ID });
  });
});
