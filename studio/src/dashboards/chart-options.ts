import type { AggregateKeyView, AggregateResult, ChartType, DashboardWidget, DateBucket } from '@crm/engine';
import type { Lang } from '../i18n/i18n';

/** What a clicked data point stands for: the group keys behind it. */
export interface PointKeys {
  keys: AggregateKeyView[];
}

const EMPTY: Record<Lang, string> = { es: '(vacío)', en: '(empty)' };

/** A bucket key (`2026-Q1`, `2026-03`, `2026-03-30`, `2026-03-31T23`) in the user's language. */
export function bucketLabel(key: string, bucket: DateBucket, lang: Lang, locale: string): string {
  if (bucket === 'year') return key;
  if (bucket === 'quarter') {
    const [year, q] = key.split('-Q');
    return `${lang === 'es' ? 'T' : 'Q'}${q} ${year}`;
  }
  const [date, hour] = key.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d ?? 1, Number(hour ?? 0)));
  if (bucket === 'month') return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
  if (bucket === 'hour') return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(day);
  const text = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
  return bucket === 'week' ? `${lang === 'es' ? 'Sem.' : 'Wk.'} ${text}` : text;
}

export function keyLabel(key: AggregateKeyView, bucket: DateBucket | null, lang: Lang, locale: string): string {
  if (key.value === null) return EMPTY[lang];
  if (key.label) return key.label[lang];
  if (bucket) return bucketLabel(String(key.value), bucket, lang, locale);
  if (typeof key.value === 'boolean') return key.value ? (lang === 'es' ? 'Sí' : 'Yes') : 'No';
  if (typeof key.value === 'number') return key.value.toLocaleString(locale);
  return String(key.value);
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0) || 0);

const PIES: ReadonlySet<ChartType> = new Set(['pie', 'pie3d', 'donut', 'donut3d', 'funnel', 'horizontalFunnel']);

/**
 * The ECharts option of a chart widget from its aggregation's answer. Cartesian charts put the
 * first group on the axis and the second group (or the second measure) in series; pies and
 * funnels take one slice per row. ECharts has no 3D pie in its core: "3D" pies and donuts are
 * drawn flat with depth shading (a dropped shadow below each slice).
 */
export function chartOption(widget: DashboardWidget, result: AggregateResult, measureNames: string[], lang: Lang, locale: string): Record<string, unknown> {
  const chart = widget.chart ?? 'column';
  const format = (v: unknown) => (v === null || v === undefined ? '' : num(v).toLocaleString(locale));
  const buckets = result.groups.map((g) => g.bucket);
  const tooltip = { trigger: PIES.has(chart) ? 'item' : 'axis', valueFormatter: format };
  if (PIES.has(chart)) {
    const data = result.rows.map((row) => ({
      name: row.keys.map((k, i) => keyLabel(k, buckets[i], lang, locale)).join(' / '),
      value: num(row.values[0]),
      keys: row.keys,
    }));
    if (chart === 'funnel' || chart === 'horizontalFunnel') {
      return {
        tooltip,
        legend: { type: 'scroll', bottom: 0 },
        series: [
          {
            type: 'funnel',
            orient: chart === 'horizontalFunnel' ? 'horizontal' : 'vertical',
            sort: 'descending',
            top: 10,
            bottom: 40,
            left: '10%',
            width: '80%',
            data,
            label: { show: true, position: 'inside' },
          },
        ],
      };
    }
    const donut = chart === 'donut' || chart === 'donut3d';
    const depth = chart === 'pie3d' || chart === 'donut3d';
    return {
      tooltip,
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: donut ? ['40%', '68%'] : '68%',
          center: ['50%', depth ? '44%' : '46%'],
          data,
          label: { formatter: (p: { name: string; percent: number }) => `${p.name}: ${(p.percent / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 })}` },
          ...(depth && { itemStyle: { shadowColor: 'rgba(0, 0, 0, 0.45)', shadowOffsetY: 12, shadowBlur: 4, borderColor: 'rgba(255,255,255,0.6)', borderWidth: 1 } }),
        },
      ],
    };
  }
  const stacked = chart === 'stackedColumn' || chart === 'stackedLine';
  const type = chart === 'line' || chart === 'stackedLine' ? 'line' : 'bar';
  const first: AggregateKeyView[] = [];
  const firstIndex = new Map<string, number>();
  for (const row of result.rows) {
    const id = JSON.stringify(row.keys[0].value);
    if (!firstIndex.has(id)) {
      firstIndex.set(id, first.length);
      first.push(row.keys[0]);
    }
  }
  const categories = first.map((k) => keyLabel(k, buckets[0], lang, locale));
  let series: Record<string, unknown>[];
  if (result.groups.length === 2) {
    const seriesKeys: AggregateKeyView[] = [];
    const seriesIndex = new Map<string, number>();
    for (const row of result.rows) {
      const id = JSON.stringify(row.keys[1].value);
      if (!seriesIndex.has(id)) {
        seriesIndex.set(id, seriesKeys.length);
        seriesKeys.push(row.keys[1]);
      }
    }
    series = seriesKeys.map((key) => {
      const data: (({ value: number } & PointKeys) | null)[] = first.map(() => null);
      for (const row of result.rows) {
        if (JSON.stringify(row.keys[1].value) !== JSON.stringify(key.value)) continue;
        data[firstIndex.get(JSON.stringify(row.keys[0].value)) ?? 0] = { value: num(row.values[0]), keys: row.keys };
      }
      return { type, name: keyLabel(key, buckets[1], lang, locale), data, ...(stacked && { stack: 'total' }), ...(type === 'line' && stacked && { areaStyle: {} }) };
    });
  } else {
    series = result.measures.map((_, m) => ({
      type,
      name: measureNames[m],
      data: result.rows.map((row) => ({ value: num(row.values[m]), keys: row.keys })),
      ...(stacked && { stack: 'total' }),
      ...(type === 'line' && stacked && { areaStyle: {} }),
    }));
  }
  return {
    tooltip,
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: categories },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => v.toLocaleString(locale) } },
    series,
  };
}

/** A gauge: 0 to the goal, red below yellow, yellow to green, green above; the value with its percent of the goal. */
export function gaugeOption(value: number, goal: number, thresholds: { yellow: number; green: number }, locale: string): Record<string, unknown> {
  const cap = (p: number) => Math.min(Math.max(p / 100, 0), 1);
  const percent = goal > 0 ? (value / goal) * 100 : 0;
  return {
    series: [
      {
        type: 'gauge',
        min: 0,
        max: goal,
        progress: { show: false },
        axisLine: {
          lineStyle: {
            width: 18,
            color: [
              [cap(thresholds.yellow), '#d64545'],
              [cap(thresholds.green), '#e8b931'],
              [1, '#3a9d5d'],
            ],
          },
        },
        axisLabel: { distance: 24, formatter: (v: number) => v.toLocaleString(locale, { notation: 'compact' }) },
        pointer: { width: 5 },
        detail: {
          valueAnimation: false,
          fontSize: 16,
          offsetCenter: [0, '70%'],
          formatter: () => `${value.toLocaleString(locale)}\n${(percent / 100).toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 })}`,
        },
        data: [{ value: Math.min(value, goal) }],
      },
    ],
  };
}
