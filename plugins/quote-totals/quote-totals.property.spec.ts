import type { RecordValues } from '@crm/engine';
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { beforeSave } from './hooks/before-save.hook';
import { hookContext, productStore } from './quote.fixture';

const MONEY = /^-?\d+\.\d{2}$/;
const D = Decimal.clone({ precision: 60 });
const cents = (value: Decimal.Value) => new D(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** A decimal with up to `scale` places, as a number or as a string (both are accepted inputs). */
const decimal = (max: number, scale: number) =>
  fc.tuple(fc.integer({ min: 0, max: max * 10 ** scale }), fc.boolean()).map(([units, asString]) => {
    const text = new D(units).dividedBy(10 ** scale).toFixed();
    return asString ? text : Number(text);
  });

const product = fc.record({
  activo: fc.constant(true),
  precio_unitario: decimal(50_000_000, 2),
  impuesto: fc.oneof(fc.constantFrom(0, 5, 19, '19'), decimal(100, 2)),
  listas_precios: fc.array(fc.record({ lista: fc.constantFrom('Colombia COP', 'México MXN'), precio: decimal(50_000_000, 2) }), { maxLength: 2 }),
  rangos_cantidad: fc.array(fc.record({ desde: fc.integer({ min: 0, max: 50 }), hasta: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), descuento: decimal(100, 2) }), { maxLength: 3 }),
});

const line = (productCount: number) =>
  fc.record({
    index: fc.nat({ max: productCount - 1 }),
    cantidad: fc.oneof(decimal(1000, 0), decimal(1000, 2)),
    descuento_manual: fc.boolean(),
    descuento: decimal(100, 2),
    impuesto_manual: fc.boolean(),
    impuesto: decimal(100, 2),
  });

const quoteCase = fc
  .array(product, { minLength: 1, maxLength: 4 })
  .chain((products) => fc.record({ products: fc.constant(products), lines: fc.array(line(products.length), { maxLength: 8 }), lista: fc.constantFrom('Colombia COP', 'México MXN', null) }));

describe('quote-totals properties', () => {
  it('total = subtotal − discount + tax exactly, every money value has two decimals, every line matches an independent decimal computation', async () => {
    await fc.assert(
      fc.asyncProperty(quoteCase, async ({ products, lines, lista }) => {
        const ids = products.map((_, i) => `a1000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
        const store = productStore(Object.fromEntries(ids.map((id, i) => [id, { id, ...products[i] }])));
        const record: RecordValues = {
          lista_precios: lista,
          lineas: lines.map(({ index, ...rest }) => ({ producto: ids[index], ...rest })),
        };
        const issues = await beforeSave(hookContext(record, { services: store.services }));
        expect(issues).toEqual([]);

        const money = [record.subtotal, record.descuento_total, record.impuesto_total, record.total];
        const written = record.lineas as RecordValues[];
        for (const row of written) money.push(row.precio_lista, row.importe, row.total);
        for (const value of money) expect(value).toMatch(MONEY);

        const [subtotal, discount, tax, total] = money.slice(0, 4).map((v) => new D(v as string));
        expect(total.equals(subtotal.minus(discount).plus(tax))).toBe(true);
        expect(written.reduce((sum, row) => sum.plus(row.importe as string), new D(0)).equals(subtotal)).toBe(true);
        expect(written.reduce((sum, row) => sum.plus(row.total as string), new D(0)).equals(total)).toBe(true);

        // Oracle written apart from the plugin: price from the list (else unit price), range with the highest start, rounding per step.
        lines.forEach((input, i) => {
          const p = products[input.index];
          const listed = p.listas_precios.find((r) => r.lista === lista);
          const price = cents(listed ? listed.precio : p.precio_unitario);
          const quantity = new D(input.cantidad);
          const ranges = p.rangos_cantidad.filter((r) => quantity.gte(r.desde) && (r.hasta === null || quantity.lte(r.hasta)));
          const range = ranges.reduce<(typeof ranges)[number] | undefined>((best, r) => (!best || r.desde > best.desde ? r : best), undefined);
          const discountPct = new D(input.descuento_manual ? input.descuento : (range?.descuento ?? 0));
          const taxPct = new D(input.impuesto_manual ? input.impuesto : p.impuesto);
          const amount = cents(price.times(quantity));
          const off = cents(amount.times(discountPct).div(100));
          const lineTax = cents(amount.minus(off).times(taxPct).div(100));
          expect(written[i]).toMatchObject({ precio_lista: price.toFixed(2), importe: amount.toFixed(2), total: amount.minus(off).plus(lineTax).toFixed(2) });
          // Close to the unrounded formula (importe − importe × d) × (1 + t): three half-cent roundings, two of them scaled by (1 + t).
          const exact = price
            .times(quantity)
            .times(new D(1).minus(discountPct.div(100)))
            .times(new D(1).plus(taxPct.div(100)));
          const tolerance = new D('0.005').times(taxPct.div(100).plus(1).times(2).plus(1));
          expect(new D(written[i].total as string).minus(exact).abs().lte(tolerance)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
