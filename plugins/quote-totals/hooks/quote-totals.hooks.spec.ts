import type { RecordValues } from '@crm/engine';
import { CAPACITACION, DESCONTINUADO, DIADEMA, hookContext, LICENCIA, productStore } from '../quote.fixture';
import { beforeSave } from './before-save.hook';
import { beforeValidate } from './before-validate.hook';

/** The quote an agent builds: 23 licences, 12 headsets with an edited discount, 3 training sessions. */
const quote = (): RecordValues => ({
  asunto: 'Plan contact center 23 puestos',
  lista_precios: 'Colombia COP',
  lineas: [
    { producto: LICENCIA, cantidad: 23, descuento_manual: false, impuesto_manual: false },
    // The agent edited the discount to 12.5 % (the product's range would give 7.5 %); the stale 19 % tax is not manual.
    { producto: DIADEMA, cantidad: '12', descuento: '12.5', descuento_manual: true, impuesto: 19, impuesto_manual: false },
    { producto: CAPACITACION, cantidad: 3, precio_lista: '1.00', importe: '999', total: '1' },
  ],
});

describe('quote-totals hooks on a realistic quote', () => {
  /*
   * Worked by hand:
   * 1. Licencia: list "Colombia COP" 89,900.00 × 23 = 2,067,700.00; range 10–49 → 5 % = 103,385.00;
   *    net 1,964,315.00; VAT 19 % = 373,219.85; total 2,337,534.85.
   * 2. Diadema: no "Colombia COP" row → unit 185,990.50 × 12 = 2,231,886.00; edited 12.5 % = 278,985.75;
   *    net 1,952,900.25; tax 5 % = 97,645.0125 → 97,645.01; total 2,050,545.26.
   * 3. Capacitación: 1,250,000.00 × 3 = 3,750,000.00; range 3+ → 15 % = 562,500.00; net 3,187,500.00; tax 0 %; total 3,187,500.00.
   * Subtotal 8,049,586.00; discount 944,870.75; tax 470,864.86; total 7,575,580.11 (= 8,049,586.00 − 944,870.75 + 470,864.86).
   */
  const expectedLines = [
    {
      producto: LICENCIA,
      tipo_costo: 'mensual',
      precio_lista: '89900.00',
      cantidad: 23,
      importe: '2067700.00',
      descuento: '5',
      descuento_manual: false,
      impuesto: '19',
      impuesto_manual: false,
      total: '2337534.85',
    },
    {
      producto: DIADEMA,
      tipo_costo: 'unica_vez',
      precio_lista: '185990.50',
      cantidad: '12',
      importe: '2231886.00',
      descuento: '12.5',
      descuento_manual: true,
      impuesto: '5',
      impuesto_manual: false,
      total: '2050545.26',
    },
    { producto: CAPACITACION, tipo_costo: 'unica_vez', precio_lista: '1250000.00', cantidad: 3, importe: '3750000.00', descuento: '15', impuesto: '0', total: '3187500.00' },
  ];
  const expectedTotals = { subtotal: '8049586.00', descuento_total: '944870.75', impuesto_total: '470864.86', total: '7575580.11' };

  it('computes every line and the totals to the cent in beforeSave', async () => {
    const record = quote();
    const issues = await beforeSave(hookContext(record));
    expect(issues).toEqual([]);
    expect(record.lineas).toEqual(expectedLines);
    expect(record).toMatchObject(expectedTotals);
    expect(record.asunto).toBe('Plan contact center 23 puestos');
  });

  it('fills the same values in beforeValidate, so validation sees them', async () => {
    const record = quote();
    await beforeValidate(hookContext(record));
    expect(record.lineas).toEqual(expectedLines);
    expect(record).toMatchObject(expectedTotals);
  });

  it('reads each product once per write, even when two lines share it', async () => {
    const store = productStore();
    const record = quote();
    (record.lineas as RecordValues[]).push({ producto: LICENCIA, cantidad: 1 });
    await beforeSave(hookContext(record, { services: store.services }));
    expect(store.reads.sort()).toEqual([`productos/${LICENCIA}`, `productos/${DIADEMA}`, `productos/${CAPACITACION}`].sort());
    // 89,900.00 × 1, range 1–9 → 0 %, VAT 19 % = 17,081.00 → 106,981.00
    expect((record.lineas as RecordValues[])[3]).toMatchObject({ importe: '89900.00', descuento: '0', impuesto: '19', total: '106981.00' });
    expect(record.total).toBe('7682561.11');
  });

  it('keeps an edited tax and applies the open-ended range', async () => {
    // 50 licences (range 50+ → 10 %) for a tax-exempt free-trade-zone client: 4,495,000.00 − 449,500.00 + 0.
    const record: RecordValues = { lista_precios: 'Colombia COP', lineas: [{ producto: LICENCIA, cantidad: 50, impuesto: '0', impuesto_manual: true }] };
    expect(await beforeSave(hookContext(record))).toEqual([]);
    expect(record.lineas).toEqual([
      { producto: LICENCIA, tipo_costo: 'mensual', cantidad: 50, precio_lista: '89900.00', importe: '4495000.00', descuento: '10', impuesto: '0', impuesto_manual: true, total: '4045500.00' },
    ]);
    expect(record).toMatchObject({ subtotal: '4495000.00', descuento_total: '449500.00', impuesto_total: '0.00', total: '4045500.00' });
  });

  it.each([
    [9, '0'],
    [10, '5'],
    [49, '5'],
    [50, '10'],
    ['9.5', '0'], // between the 1–9 and 10–49 ranges: no range holds it
  ])('applies the range that holds quantity %p (discount %s %%)', async (cantidad, descuento) => {
    const record: RecordValues = { lista_precios: 'Colombia COP', lineas: [{ producto: LICENCIA, cantidad }] };
    await beforeSave(hookContext(record));
    expect((record.lineas as RecordValues[])[0].descuento).toBe(descuento);
  });

  it('uses the unit price when the quote has no price list', async () => {
    const record: RecordValues = { lineas: [{ producto: LICENCIA, cantidad: 2 }] };
    await beforeSave(hookContext(record));
    // 95,000.00 × 2 = 190,000.00 + 19 % = 36,100.00 → 226,100.00
    expect((record.lineas as RecordValues[])[0]).toMatchObject({ precio_lista: '95000.00', importe: '190000.00', total: '226100.00' });
  });

  it('refuses an inactive product with an issue on its line, in both languages', async () => {
    const record = quote();
    (record.lineas as RecordValues[]).splice(1, 0, { producto: DESCONTINUADO, cantidad: 1 });
    const issues = await beforeSave(hookContext(record));
    expect(issues).toEqual([
      {
        path: 'lineas[1].producto',
        code: 'quoteTotals.inactiveProduct',
        message: {
          es: 'El producto de la línea 2 está inactivo; elija un producto activo.',
          en: 'The product on line 2 is inactive; choose an active product.',
        },
      },
    ]);
  });

  it('refuses a product that does not exist', async () => {
    const record: RecordValues = { lineas: [{ producto: 'a1000000-0000-4000-8000-0000000000ff', cantidad: 1 }] };
    const issues = await beforeSave(hookContext(record));
    expect(issues.map((i) => [i.path, i.code])).toEqual([['lineas[0].producto', 'quoteTotals.unknownProduct']]);
    expect(issues[0].message.en).toBe('The product on line 1 does not exist or was deleted.');
  });

  it('keeps an inactive product that was already on the stored quote, but refuses adding it', async () => {
    const previous: RecordValues = { lineas: [{ producto: DESCONTINUADO, cantidad: 1 }] };
    const record: RecordValues = { lineas: [{ producto: DESCONTINUADO, cantidad: 2 }] };
    expect(await beforeSave(hookContext(record, { event: 'update', previous, changed: new Set(['lineas']) }))).toEqual([]);
    // 50,000.00 × 2 = 100,000.00 + 19 % = 19,000.00
    expect(record.total).toBe('119000.00');

    const added: RecordValues = { lineas: [{ producto: DESCONTINUADO, cantidad: 2 }] };
    const issues = await beforeSave(hookContext(added, { event: 'update', previous: { lineas: [] }, changed: new Set(['lineas']) }));
    expect(issues.map((i) => i.code)).toEqual(['quoteTotals.inactiveProduct']);
  });

  it('refuses a non-numeric quantity and a product without any price', async () => {
    const noPrice = 'a1000000-0000-4000-8000-000000000005';
    const store = productStore({ [noPrice]: { id: noPrice, activo: true, impuesto: 19 } });
    const record: RecordValues = {
      lista_precios: 'Colombia COP',
      lineas: [
        { producto: noPrice, cantidad: '1,5' },
        { producto: noPrice, cantidad: 1 },
      ],
    };
    const issues = await beforeSave(hookContext(record, { services: store.services }));
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['lineas[0].cantidad', 'quoteTotals.invalidNumber'],
      ['lineas[0].precio_lista', 'quoteTotals.missingPrice'],
      ['lineas[1].precio_lista', 'quoteTotals.missingPrice'],
    ]);
    expect(issues[1].message.es).toBe('El producto de la línea 1 no tiene precio en la lista «Colombia COP» ni precio unitario; ingrese el precio de lista.');
  });

  it('keeps the price the agent typed for a product that has none', async () => {
    const noPrice = 'a1000000-0000-4000-8000-000000000005';
    const store = productStore({ [noPrice]: { id: noPrice, activo: true, impuesto: 19 } });
    const record: RecordValues = { lineas: [{ producto: noPrice, cantidad: 4, precio_lista: '12500.5' }] };
    expect(await beforeSave(hookContext(record, { services: store.services }))).toEqual([]);
    // 12,500.50 × 4 = 50,002.00 + 19 % = 9,500.38 → 59,502.38
    expect((record.lineas as RecordValues[])[0]).toMatchObject({ precio_lista: '12500.50', importe: '50002.00', total: '59502.38' });
  });

  it('gives zero totals for a quote without lines', async () => {
    const record: RecordValues = { asunto: 'Borrador', lineas: [] };
    await beforeSave(hookContext(record));
    expect(record).toEqual({ asunto: 'Borrador', lineas: [], subtotal: '0.00', descuento_total: '0.00', impuesto_total: '0.00', total: '0.00' });
  });

  it('does not re-price a stored quote when the write touches neither lines, price list nor totals', async () => {
    const store = productStore();
    const record: RecordValues = { ...quote(), total: '1.00' };
    const issues = await beforeSave(hookContext(record, { event: 'update', previous: quote(), changed: new Set(['asunto']), services: store.services }));
    expect(issues).toEqual([]);
    expect(record.total).toBe('1.00');
    expect(store.reads).toEqual([]);
  });

  it('re-prices a stored quote when its price list changes', async () => {
    const record: RecordValues = { lista_precios: 'México MXN', lineas: [{ producto: LICENCIA, cantidad: 1 }] };
    await beforeSave(hookContext(record, { event: 'update', previous: { lista_precios: 'Colombia COP' }, changed: new Set(['lista_precios']) }));
    // 450.00 + 19 % = 85.50 → 535.50
    expect(record).toMatchObject({ subtotal: '450.00', total: '535.50' });
  });
});
