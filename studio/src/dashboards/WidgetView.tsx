import { type AggregateResult, type DashboardWidget, gaugeFilter, type ModuleDefinition, SYSTEM_FIELDS, valueKind } from '@crm/engine';
import { useEffect, useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { combineFilters } from '../table/filter-model';
import { encodeFilter } from '../table/url-filter';
import { chartOption, gaugeOption, type PointKeys } from './chart-options';
import { dashboardsApi } from '../api/dashboards.api';
import { drillFilter } from './drill-filter';
import { EChart } from './EChart';
import { measureName } from './widget-labels';

function dateKindOf(definition: ModuleDefinition, key: string): 'date' | 'datetime' {
  const field = definition.fields.find((f) => f.key === key);
  if (field) return valueKind(field) === 'date' ? 'date' : 'datetime';
  return key in SYSTEM_FIELDS ? 'datetime' : 'date';
}

/** One widget's numbers, read through the aggregate API with the viewer's own access, drawn with ECharts. */
export function WidgetView({ widget, definition }: { widget: DashboardWidget; definition: ModuleDefinition | undefined }) {
  const { lang, locale, t, l } = useI18n();
  const [result, setResult] = useState<AggregateResult | null>(null);
  const [gaugeBase, setGaugeBase] = useState<typeof widget.query.filter>(undefined);
  const [error, setError] = useState<ApiFailure | null>(null);
  const request = JSON.stringify([widget.module, widget.query, widget.gauge]);

  useEffect(() => {
    if (!definition) return;
    let live = true;
    const run = async () => {
      let body = widget.query;
      if (widget.kind === 'gauge' && widget.gauge) {
        const range = gaugeFilter(widget.gauge.dateField, dateKindOf(definition, widget.gauge.dateField), widget.gauge.dateFilter, new Date(), await dashboardsApi.timeZone());
        body = { ...widget.query, filter: combineFilters(widget.query.filter, range) };
        if (live) setGaugeBase(body.filter);
      }
      const answer = await recordsApi.aggregate(widget.module, body);
      if (live) {
        setResult(answer);
        setError(null);
      }
    };
    run().catch((failure: ApiFailure) => live && setError(failure));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `request` is the widget's query as text
  }, [request, definition]);

  const measureNames = useMemo(() => (definition ? (widget.query.measures ?? [{ op: 'count' as const }]).map((m) => measureName(definition, m, t, l)) : []), [definition, widget.query.measures, t, l]);
  const option = useMemo(() => {
    if (!result) return null;
    if (widget.kind === 'gauge' && widget.gauge) return gaugeOption(Number(result.rows[0]?.values[0] ?? 0), widget.gauge.goal, widget.gauge.thresholds, locale);
    return chartOption(widget, result, measureNames, lang, locale);
  }, [result, widget, measureNames, lang, locale]);

  if (!definition) return <p className="error">{t('record.notFound')}</p>;
  if (error) return <p className="error">{l(error.text)}</p>;
  if (!option || !result) return <p className="muted">{t('dashboards.loading')}</p>;

  const open = (data: unknown) => {
    const keys = (data as PointKeys | null)?.keys;
    const base = widget.kind === 'gauge' ? gaugeBase : widget.query.filter;
    const filter = keys ? drillFilter(base, result.groups, keys) : base;
    navigate(paths.table(widget.module, filter && encodeFilter(filter)));
  };
  return (
    <>
      <EChart option={option} onPoint={open} label={widget.title} />
      {result.truncated && <p className="muted small">{t('dashboards.truncated')}</p>}
    </>
  );
}
