import type { HookContext, RecordValues } from '@crm/engine';
import { anaPerez, COBRANZA, fixtureServices, GESTIONES, RECORD_ID } from '../cobranza.fixture';
import type { CollectionsConfig } from '../config/clear-fields.config';
import { afterSave } from './gestion-after-save.hook';
import { beforeSave } from './gestion-before-save.hook';

const GESTION = { canal: 'telefono', descripcion: 'Reprograma el abono para el 30 de julio.' };
const LINK = { collectionLookup: 'cobranza' };

/** A gestión written as the runtime writes it: beforeSave on the record to store, afterSave on the stored one. */
async function createGestion(values: RecordValues, file = anaPerez(), event: 'create' | 'update' = 'create') {
  const { services, updates } = fixtureServices({ [RECORD_ID]: file });
  const context: HookContext<CollectionsConfig> = {
    definition: GESTIONES,
    config: LINK,
    event,
    record: { ...values },
    previous: event === 'update' ? { ...values } : null,
    changed: new Set(Object.keys(values)),
    user: { id: 'b2000000-0000-4000-8000-000000000007', locale: 'es' },
    services,
  };
  await beforeSave(context);
  await afterSave({ ...context, record: { ...context.record, id: 'e5000000-0000-4000-8000-000000000001' } });
  return { stored: context.record, updates };
}

describe('a new gestión clears its collection record (gestión-side hooks)', () => {
  it('clears only the configured fields and columns, leaving everything else identical', async () => {
    const { updates } = await createGestion({ ...GESTION, cobranza: RECORD_ID });
    const rows = anaPerez().obligaciones as RecordValues[];
    expect(updates).toEqual([
      {
        module: 'cobranza',
        id: RECORD_ID,
        patch: {
          compromiso_pago_fecha: null,
          compromiso_pago_monto: null,
          observacion_gestion: null,
          obligaciones: rows.map((row) => ({ ...row, compromiso: null, nota_obligacion: null, tipificacion: null })),
        },
      },
    ]);
    expect((updates[0].patch.obligaciones as RecordValues[])[0]).toEqual({
      id: 'r1',
      id_obligacion: 'TC-8841',
      nombre: 'Tarjeta de crédito Oro',
      saldo: '2350000.00',
      fecha_vencimiento: '2025-05-30',
      dias_mora: 45,
      gestionar: true,
      tipificacion: null,
      compromiso: null,
      nota_obligacion: null,
    });
  });

  it('keeps a snapshot of the cleared values on the gestión', async () => {
    const { stored } = await createGestion({ ...GESTION, cobranza: RECORD_ID });
    expect(JSON.parse(stored.valores_anteriores as string)).toEqual({
      fields: { compromiso_pago_fecha: '2025-07-15', compromiso_pago_monto: '500000.00', observacion_gestion: 'Promete abonar el 15 de julio tras recibir la prima.' },
      obligations: [
        { row: 0, id: 'r1', values: { compromiso: '300000.00', nota_obligacion: 'Abona con la prima', tipificacion: 'Promesa de pago' } },
        { row: 1, id: 'r2', values: { compromiso: '200000.00', nota_obligacion: 'Segunda cuota en agosto', tipificacion: 'Promesa de pago' } },
        { row: 2, id: 'r3', values: { compromiso: '0.00', nota_obligacion: 'Sin novedad', tipificacion: 'Al día' } },
      ],
    });
  });

  it('replaces a snapshot the client tried to write', async () => {
    const { stored } = await createGestion({ ...GESTION, cobranza: RECORD_ID, valores_anteriores: '{}' });
    expect(JSON.parse(stored.valores_anteriores as string).fields.compromiso_pago_monto).toBe('500000.00');
  });

  it('keeps false and 0 as values worth saving', async () => {
    const file = { ...anaPerez(), obligaciones: [{ id_obligacion: 'X', compromiso: 0, nota_obligacion: null, tipificacion: null }] };
    const { stored } = await createGestion({ cobranza: RECORD_ID }, file);
    expect(JSON.parse(stored.valores_anteriores as string).obligations).toEqual([{ row: 0, values: { compromiso: 0 } }]);
  });

  it('does nothing for a gestión without a collection, for an update, or for a link to no record', async () => {
    for (const [values, event] of [
      [GESTION, 'create'],
      [{ ...GESTION, cobranza: RECORD_ID }, 'update'],
      [{ ...GESTION, cobranza: 'd4000000-0000-4000-8000-0000000000ff' }, 'create'],
    ] as const) {
      const { stored, updates } = await createGestion(values, anaPerez(), event);
      expect(updates).toEqual([]);
      expect(stored).not.toHaveProperty('valores_anteriores');
    }
  });

  it("does nothing when the collection module's config names another gestión module", async () => {
    const { services, updates } = fixtureServices(undefined, [
      { ...COBRANZA, plugins: [{ name: 'collections-clear-fields', config: { ...COBRANZA.plugins![0].config, gestionModule: 'llamadas' } }] },
      GESTIONES,
    ]);
    const record = { ...GESTION, cobranza: RECORD_ID };
    const context = { definition: GESTIONES, config: LINK, event: 'create' as const, record, previous: null, changed: new Set<string>(), user: { id: '', locale: 'es' as const }, services };
    await beforeSave(context);
    await afterSave({ ...context, record: { ...record, id: 'e5000000-0000-4000-8000-000000000001' } });
    expect(updates).toEqual([]);
    expect(record).not.toHaveProperty('valores_anteriores');
  });
});
