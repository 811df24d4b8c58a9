import type { RecordValues } from '@crm/engine';
import fc from 'fast-check';
import { beforeSave } from '../hooks/before-save.hook';
import { quoteTotalsPlugin } from '../plugin';
import { CAPACITACION, CONFIG, DIADEMA, hookContext, LICENCIA, productStore } from '../quote.fixture';
import { quoteTotalsStudio } from './index';

const PRODUCTS = [LICENCIA, DIADEMA, CAPACITACION];
const UNKNOWN = 'a1000000-0000-4000-8000-0000000000ff';

describe('quote-totals Studio part', () => {
  it('is the Studio part of the quote-totals plugin', () => {
    expect(quoteTotalsStudio.name).toBe(quoteTotalsPlugin.name);
  });

  it('shows the line and quote totals of the unsaved form, reading each product once', async () => {
    const { services, reads } = productStore();
    const form: RecordValues = {
      asunto: 'Plan 12 puestos',
      lista_precios: 'Colombia COP',
      lineas: [
        { producto: LICENCIA, cantidad: 12 },
        { producto: LICENCIA, cantidad: 1 },
      ],
    };
    const before = structuredClone(form);
    const patch = await quoteTotalsStudio.livePatch(form, CONFIG, { services });
    // 12 × 89,900.00 = 1,078,800.00 − 5 % (10–49 range) = 1,024,860.00 + 19 % = 1,219,583.40; plus 89,900.00 + 19 %.
    expect(patch).toEqual({
      lineas: [
        expect.objectContaining({ precio_lista: '89900.00', importe: '1078800.00', descuento: '5', impuesto: '19', total: '1219583.40' }),
        expect.objectContaining({ precio_lista: '89900.00', importe: '89900.00', descuento: '0', impuesto: '19', total: '106981.00' }),
      ],
      subtotal: '1168700.00',
      descuento_total: '53940.00',
      impuesto_total: '211804.40',
      total: '1326564.40',
    });
    expect(form).toEqual(before);
    expect(reads).toEqual([`productos/${LICENCIA}`]);
  });

  it('keeps what the user typed on a line it cannot price yet, and totals the others', async () => {
    const { services } = productStore();
    const typed = { producto: UNKNOWN, cantidad: 3, precio_lista: '10.00' };
    const patch = await quoteTotalsStudio.livePatch({ lista_precios: 'Colombia COP', lineas: [typed, { producto: CAPACITACION, cantidad: 1 }] }, CONFIG, { services });
    expect((patch.lineas as RecordValues[])[0]).toEqual(typed);
    expect(patch).toMatchObject({ subtotal: '1250000.00', total: '1250000.00' });
  });

  it('shows exactly what the server saves for a quote it accepts', async () => {
    const line = fc.record({
      producto: fc.constantFrom(...PRODUCTS),
      cantidad: fc.oneof(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 20_000 }).map((n) => (n / 100).toFixed(2)),
      ),
      descuento_manual: fc.boolean(),
      descuento: fc.integer({ min: 0, max: 100 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), fc.constantFrom('Colombia COP', 'México MXN', null), async (lineas, lista) => {
        const form: RecordValues = { lista_precios: lista, lineas };
        const shown = await quoteTotalsStudio.livePatch(form, CONFIG, { services: productStore().services });
        const saved = structuredClone(form);
        expect(await beforeSave(hookContext(saved))).toEqual([]);
        expect({ ...form, ...shown }).toEqual(saved);
      }),
      { numRuns: 100 },
    );
  });
});
