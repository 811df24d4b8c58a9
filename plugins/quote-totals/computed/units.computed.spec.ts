import { CONFIG } from '../quote.fixture';
import { unitsComputed } from './units.computed';

describe('quote-totals computed field: units quoted', () => {
  it('sums the quantities of every line, exact to the cent', () => {
    expect(unitsComputed.compute({ lineas: [{ cantidad: 1 }, { cantidad: '2.5' }, { cantidad: '0.1' }, { cantidad: '0.2' }] }, CONFIG)).toBe('3.80');
  });

  it('is zero for a quote without lines and ignores lines that carry no number', () => {
    expect(unitsComputed.compute({}, CONFIG)).toBe('0.00');
    expect(unitsComputed.compute({ lineas: [null, { cantidad: 'tres' }, { cantidad: '' }, { cantidad: 4 }] }, CONFIG)).toBe('4.00');
  });

  it('is described as a read-only decimal in both languages', () => {
    expect(unitsComputed.field).toMatchObject({ key: 'unidades', type: 'decimal', readOnly: true, label: { es: 'Unidades cotizadas', en: 'Units quoted' } });
  });
});
