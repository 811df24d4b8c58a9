import { describe, expect, it } from '@jest/globals';
import type { AggregateResult, DashboardWidget } from '@crm/engine';
import { chartOption, gaugeOption } from './chart-options';

const widget = (chart: DashboardWidget['chart']): DashboardWidget => ({ id: 'a', title: 'A', kind: 'chart', module: 'oportunidades', chart, query: {}, layout: { x: 0, y: 0, w: 6, h: 4 } });
const q = (key: string, from: string, to: string) => ({ value: key, label: null, from, to });
const twoGroups: AggregateResult = {
  groups: [
    { field: 'fecha_cierre', bucket: 'quarter' },
    { field: 'fase', bucket: null },
  ],
  measures: [{ op: 'sum', field: 'monto' }],
  timeZone: 'America/Bogota',
  rows: [
    { keys: [q('2026-Q1', '2026-01-01', '2026-04-01'), { value: 'ganada', label: { es: 'Ganada', en: 'Won' } }], values: [1500] },
    { keys: [q('2026-Q1', '2026-01-01', '2026-04-01'), { value: 'perdida', label: { es: 'Perdida', en: 'Lost' } }], values: [200] },
    { keys: [q('2026-Q2', '2026-04-01', '2026-07-01'), { value: 'perdida', label: { es: 'Perdida', en: 'Lost' } }], values: [700] },
  ],
  truncated: false,
};

describe('dashboard chart options', () => {
  it('puts the first group on the axis and the second in stacked series, holes where a pair has no records', () => {
    const option = chartOption(widget('stackedColumn'), twoGroups, ['Suma de Monto'], 'en', 'en-US') as {
      xAxis: { data: string[] };
      series: { name: string; stack?: string; data: ({ value: number } | null)[] }[];
    };
    expect(option.xAxis.data).toEqual(['Q1 2026', 'Q2 2026']);
    expect(option.series.map((s) => [s.name, s.stack, s.data.map((d) => d?.value ?? null)])).toEqual([
      ['Won', 'total', [1500, null]],
      ['Lost', 'total', [200, 700]],
    ]);
  });

  it('draws one slice per row; 3D donuts are donuts with depth shading', () => {
    const option = chartOption(widget('donut3d'), twoGroups, ['Suma'], 'es', 'es-CO') as {
      series: { type: string; radius: string[]; itemStyle?: { shadowOffsetY: number }; data: { name: string; value: number }[] }[];
    };
    expect(option.series[0].type).toBe('pie');
    expect(option.series[0].radius).toEqual(['40%', '68%']);
    expect(option.series[0].itemStyle?.shadowOffsetY).toBeGreaterThan(0);
    expect(option.series[0].data.map((d) => [d.name, d.value])).toEqual([
      ['T1 2026 / Ganada', 1500],
      ['T1 2026 / Perdida', 200],
      ['T2 2026 / Perdida', 700],
    ]);
  });

  it('bands a gauge red, yellow and green at the thresholds', () => {
    const option = gaugeOption(90_000, 150_000, { yellow: 50, green: 70 }, 'es-CO') as { series: { max: number; axisLine: { lineStyle: { color: [number, string][] } }; data: { value: number }[] }[] };
    expect(option.series[0].max).toBe(150_000);
    expect(option.series[0].axisLine.lineStyle.color.map(([at]) => at)).toEqual([0.5, 0.7, 1]);
    expect(option.series[0].data[0].value).toBe(90_000);
  });
});
