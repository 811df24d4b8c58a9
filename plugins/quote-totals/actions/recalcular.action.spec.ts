import type { ActionContext, RecordValues } from '@crm/engine';
import type { QuoteTotalsConfig } from '../config/quote-totals.config';
import { CONFIG, COTIZACIONES, DESCONTINUADO, DIADEMA, LICENCIA, productStore } from '../quote.fixture';
import { recalcularAction } from './recalcular.action';

const QUOTE_ID = 'c3000000-0000-4000-8000-000000000001';

function context(record: RecordValues, input: RecordValues = {}, products = productStore()): ActionContext<QuoteTotalsConfig> {
  return {
    definition: COTIZACIONES,
    config: CONFIG,
    record: { id: QUOTE_ID, ...record },
    input,
    user: { id: 'b2000000-0000-4000-8000-000000000001', locale: 'es' },
    services: products.services,
  };
}

describe('recalcular action', () => {
  it('is labelled in both languages', () => {
    expect(recalcularAction.key).toBe('recalcular');
    expect(recalcularAction.label).toEqual({ es: 'Recalcular totales', en: 'Recalculate totals' });
  });

  it("returns a patch with the stored quote re-priced with today's products", async () => {
    // Stored with an old price; today: 89,900.00 × 10 = 899,000.00, 5 % = 44,950.00, 19 % of 854,050.00 = 162,269.50.
    const stored = {
      asunto: 'Renovación',
      lista_precios: 'Colombia COP',
      lineas: [{ producto: LICENCIA, cantidad: 10, precio_lista: '80000.00', importe: '800000.00', total: '800000.00' }],
      total: '800000.00',
    };
    const result = await recalcularAction.run(context(stored));
    expect(result.patch).toEqual({
      lineas: [{ producto: LICENCIA, tipo_costo: 'mensual', cantidad: 10, precio_lista: '89900.00', importe: '899000.00', descuento: '5', impuesto: '19', total: '1016319.50' }],
      subtotal: '899000.00',
      descuento_total: '44950.00',
      impuesto_total: '162269.50',
      total: '1016319.50',
    });
    expect(result.message).toEqual({ es: 'Totales recalculados: total 1016319.50.', en: 'Totals recalculated: total 1016319.50.' });
  });

  it('uses the unsaved lines and price list the form sends', async () => {
    const result = await recalcularAction.run(context({ lista_precios: 'Colombia COP', lineas: [] }, { lista_precios: 'Perú PEN', lineas: [{ producto: DIADEMA, cantidad: 2 }], asunto: 'ignored' }));
    // 210.00 × 2 = 420.00 + 5 % = 21.00 → 441.00
    expect(result.patch).toMatchObject({ subtotal: '420.00', total: '441.00' });
    expect(result.patch).not.toHaveProperty('asunto');
  });

  it('returns no patch and says why when a product cannot be used', async () => {
    const result = await recalcularAction.run(context({ lineas: [] }, { lineas: [{ producto: DESCONTINUADO, cantidad: 1 }] }));
    expect(result.patch).toBeUndefined();
    expect(result.message).toEqual({
      es: 'No se pudieron recalcular los totales: El producto de la línea 1 está inactivo; elija un producto activo.',
      en: 'The totals could not be recalculated: The product on line 1 is inactive; choose an active product.',
    });
  });
});
