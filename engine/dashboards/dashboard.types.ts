import type { AggregateInput } from '../query/aggregate.types';

/** The ten chart types of the dashboards (seed 001, Paneles de información). */
export const CHART_TYPES = ['column', 'line', 'stackedColumn', 'stackedLine', 'pie', 'pie3d', 'donut', 'donut3d', 'funnel', 'horizontalFunnel'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const WIDGET_KINDS = ['chart', 'gauge'] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

/** The date ranges a goal gauge measures over, in the operation's time zone. */
export const GAUGE_DATE_FILTERS = ['today', 'thisWeek', 'thisMonth', 'lastMonth', 'thisQuarter', 'thisYear', 'custom'] as const;
export type GaugeDateFilterName = (typeof GAUGE_DATE_FILTERS)[number];
export type GaugeDateFilter = Exclude<GaugeDateFilterName, 'custom'> | { custom: { from: string; to: string } };

export interface GaugeConfig {
  /** The value that is 100 %. */
  goal: number;
  /** A date or datetime field of the widget's module: the measure counts the records whose value falls in the range. */
  dateField: string;
  dateFilter: GaugeDateFilter;
  /** Percent of the goal where yellow and green start (red below yellow). */
  thresholds: { yellow: number; green: number };
}

/** Where a widget sits on the dashboard's 12-column grid. */
export interface WidgetLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DashboardWidget {
  id: string;
  title: string;
  kind: WidgetKind;
  /** The module whose records are aggregated. */
  module: string;
  /** Charts only. */
  chart?: ChartType;
  /** The aggregation body of `POST /records/{module}/aggregate` (filter, groups, measures, order). */
  query: AggregateInput;
  /** Gauges only. */
  gauge?: GaugeConfig;
  layout: WidgetLayout;
}

export const DASHBOARD_LIMITS = { maxWidgets: 30, maxTitle: 120, maxName: 120, gridColumns: 12 } as const;
