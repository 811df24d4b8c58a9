import fc from 'fast-check';
import type { ModuleDefinition } from '../definition/module-definition.types';
import { validateWidgets } from './dashboard.validator';
import { gaugeDays, gaugeFilter, zonedMidnight } from './gauge-range';

const label = (es: string) => ({ es, en: es });
const ventas: ModuleDefinition = {
  key: 'ventas',
  version: 1,
  names: { singular: label('Venta'), plural: label('Ventas') },
  icon: 'coins',
  fields: [
    { key: 'monto', type: 'currency', currency: 'COP', label: label('Monto') },
    { key: 'fase', type: 'select', label: label('Fase'), options: ['nueva', 'ganada'].map((key) => ({ key, label: label(key) })) },
    { key: 'cierre', type: 'date', label: label('Cierre') },
    { key: 'nombre', type: 'text', label: label('Nombre') },
  ],
};
const modules = (key: string) => (key === 'ventas' ? ventas : null);

const chart = {
  id: 'a',
  title: 'Ganado por trimestre',
  kind: 'chart',
  module: 'ventas',
  chart: 'column',
  query: { filter: { field: 'fase', op: 'eq', value: 'ganada' }, groups: [{ field: 'cierre', bucket: 'quarter' }], measures: [{ op: 'sum', field: 'monto' }] },
  layout: { x: 0, y: 0, w: 6, h: 4 },
};
const gauge = {
  id: 'b',
  title: 'Ventas mensuales',
  kind: 'gauge',
  module: 'ventas',
  query: { measures: [{ op: 'sum', field: 'monto' }] },
  gauge: { goal: 150000, dateField: 'cierre', dateFilter: 'lastMonth', thresholds: { yellow: 50, green: 70 } },
  layout: { x: 6, y: 0, w: 6, h: 4 },
};
const paths = (input: unknown) => {
  const result = validateWidgets(input, modules);
  return result.ok ? [] : result.issues.map((i) => i.path);
};

describe('dashboard widgets', () => {
  it('takes a chart and a gauge', () => {
    expect(validateWidgets([chart, gauge], modules)).toEqual({ ok: true, value: [chart, gauge] });
  });

  it('names the path of what is wrong, in both languages', () => {
    const bad = { ...chart, query: { ...chart.query, groups: [{ field: 'nope' }] } };
    const result = validateWidgets([chart, gauge, bad], modules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['widgets[2].id', 'widgets[2].query.groups[0].field']);
    expect(result.issues[1].message.es).toContain('nope');
    expect(result.issues[1].message.en).toContain('nope');
  });

  it('refuses unknown modules, chart types, gauges without a date field and charts without groups', () => {
    expect(paths([{ ...chart, module: 'otro' }])).toEqual(['widgets[0].module']);
    expect(paths([{ ...chart, chart: 'pie4d' }])).toEqual(['widgets[0].chart']);
    expect(paths([{ ...gauge, gauge: { ...gauge.gauge, dateField: 'nombre' } }])).toEqual(['widgets[0].gauge.dateField']);
    expect(paths([{ ...chart, query: { measures: [{ op: 'count' }] } }])).toEqual(['widgets[0].query.groups']);
    expect(paths([{ ...chart, chart: undefined }])).toEqual(['widgets[0].chart']);
    expect(paths([{ ...chart, extra: 1 }])).toEqual(['widgets[0].extra']);
    expect(paths([{ ...chart, layout: { x: 0, y: 0, w: 0, h: 4 } }])).toEqual(['widgets[0].layout.w']);
    expect(paths({})).toEqual(['widgets']);
  });

  it('never throws and always answers paths under widgets, whatever comes in', () => {
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        const result = validateWidgets([{ ...chart, query: anything }], modules);
        if (!result.ok) for (const found of result.issues) expect(found.path.startsWith('widgets')).toBe(true);
      }),
    );
  });
});

describe('gauge date ranges', () => {
  // 2026-04-01 03:30 UTC is still 31 March in Bogotá (UTC-5).
  const now = new Date('2026-04-01T03:30:00Z');
  it('reads the day in the operation time zone', () => {
    expect(gaugeDays('today', now, 'America/Bogota')).toEqual({ from: '2026-03-31', to: '2026-04-01' });
    expect(gaugeDays('today', now, 'UTC')).toEqual({ from: '2026-04-01', to: '2026-04-02' });
    expect(gaugeDays('thisWeek', now, 'America/Bogota')).toEqual({ from: '2026-03-30', to: '2026-04-06' });
    expect(gaugeDays('thisMonth', now, 'America/Bogota')).toEqual({ from: '2026-03-01', to: '2026-04-01' });
    expect(gaugeDays('lastMonth', now, 'America/Bogota')).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(gaugeDays('thisQuarter', now, 'America/Bogota')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(gaugeDays('thisYear', now, 'America/Bogota')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(gaugeDays({ custom: { from: '2026-01-15', to: '2026-02-28' } }, now, 'UTC')).toEqual({ from: '2026-01-15', to: '2026-03-01' });
    expect(gaugeDays('lastMonth', new Date('2026-01-10T12:00:00Z'), 'UTC')).toEqual({ from: '2025-12-01', to: '2026-01-01' });
  });

  it('turns local midnight into the instant, across daylight saving', () => {
    expect(zonedMidnight('2026-03-31', 'America/Bogota')).toBe('2026-03-31T05:00:00.000Z');
    expect(zonedMidnight('2026-07-01', 'Europe/Madrid')).toBe('2026-06-30T22:00:00.000Z');
    expect(zonedMidnight('2026-01-01', 'Europe/Madrid')).toBe('2025-12-31T23:00:00.000Z');
    expect(gaugeFilter('momento', 'datetime', 'today', now, 'America/Bogota')).toEqual({
      and: [
        { field: 'momento', op: 'gte', value: '2026-03-31T05:00:00.000Z' },
        { field: 'momento', op: 'lt', value: '2026-04-01T05:00:00.000Z' },
      ],
    });
  });
});
