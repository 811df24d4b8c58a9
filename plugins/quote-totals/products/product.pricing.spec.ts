import { toDec } from '../calc/money';
import { CAPACITACION, DIADEMA, LICENCIA, PRODUCTS } from '../quote.fixture';
import { isActive, listPrice, paymentType, productTax, rangeDiscount } from './product.pricing';

const q = (value: number | string) => toDec(value)!;

describe('product pricing', () => {
  it("takes the price of the quote's list, else the unit price", () => {
    expect(listPrice(PRODUCTS[LICENCIA], 'Colombia COP')?.toFixed(2)).toBe('89900.00');
    expect(listPrice(PRODUCTS[LICENCIA], ' México MXN ')?.toFixed(2)).toBe('450.00');
    expect(listPrice(PRODUCTS[LICENCIA], 'Chile CLP')?.toFixed(2)).toBe('95000.00');
    expect(listPrice(PRODUCTS[LICENCIA], null)?.toFixed(2)).toBe('95000.00');
    expect(listPrice(PRODUCTS[DIADEMA], 'Colombia COP')?.toFixed(2)).toBe('185990.50');
    expect(listPrice({ activo: true }, 'Colombia COP')).toBeUndefined();
  });

  it('skips a list row without a usable price', () => {
    const product = {
      precio_unitario: '10',
      listas_precios: [
        { lista: 'A', precio: null },
        { lista: 'A', precio: 'n/a' },
      ],
    };
    expect(listPrice(product, 'A')?.toFixed(2)).toBe('10.00');
  });

  it('finds the range holding the quantity, ends included, empty "hasta" open', () => {
    const licence = PRODUCTS[LICENCIA];
    expect(rangeDiscount(licence, q(1)).toFixed()).toBe('0');
    expect(rangeDiscount(licence, q(10)).toFixed()).toBe('5');
    expect(rangeDiscount(licence, q(5000)).toFixed()).toBe('10');
    expect(rangeDiscount(PRODUCTS[CAPACITACION], q(3)).toFixed()).toBe('15');
    expect(rangeDiscount(PRODUCTS[DIADEMA], q(20)).toFixed()).toBe('0');
    expect(rangeDiscount({}, q(20)).toFixed()).toBe('0');
  });

  it('lets the range starting highest win when ranges overlap', () => {
    const product = {
      rangos_cantidad: [
        { desde: 1, hasta: 10, descuento: 2 },
        { desde: 10, hasta: 20, descuento: 4 },
        { desde: null, hasta: null, descuento: 1 },
      ],
    };
    expect(rangeDiscount(product, q(10)).toFixed()).toBe('4');
    expect(rangeDiscount(product, q(5)).toFixed()).toBe('2');
    expect(rangeDiscount(product, q(0)).toFixed()).toBe('1');
  });

  it('reads tax, active flag and payment type', () => {
    expect(productTax(PRODUCTS[DIADEMA]).toFixed()).toBe('5');
    expect(productTax({}).toFixed()).toBe('0');
    expect(isActive({ activo: false })).toBe(false);
    expect(isActive({})).toBe(true);
    expect(paymentType(PRODUCTS[LICENCIA])).toBe('mensual');
    expect(paymentType({})).toBeUndefined();
  });
});
