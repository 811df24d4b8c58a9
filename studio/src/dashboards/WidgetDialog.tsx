import {
  type AggregateGroupInput,
  type AggregateMeasureInput,
  CHART_TYPES,
  type ChartType,
  type DashboardWidget,
  DATE_BUCKETS,
  type DateBucket,
  GAUGE_DATE_FILTERS,
  type GaugeDateFilter,
  MEASURE_OPS,
  type MeasureOp,
  type ModuleDefinition,
  valueKind,
} from '@crm/engine';
import { useState } from 'react';
import { useModules } from '../app/modules.context';
import { activeFields } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { FilterBuilder } from '../table/FilterBuilder';
import { draftToFilter, filterToDraft, type GroupDraft } from '../table/filter-model';
import { fieldName } from './widget-labels';

interface Props {
  initial: DashboardWidget | null;
  nextY: number;
  onCancel(): void;
  onConfirm(widget: DashboardWidget): void;
}

const SYSTEM_DATES = ['createdAt', 'updatedAt'];
const SYSTEM_USERS = ['owner', 'assignee', 'createdBy', 'updatedBy'];

function choices(definition: ModuleDefinition) {
  const fields = activeFields(definition);
  const kinds = new Map(fields.map((f) => [f.key, valueKind(f)]));
  const dated = (key: string) => SYSTEM_DATES.includes(key) || kinds.get(key) === 'date' || kinds.get(key) === 'datetime';
  return {
    groupable: [...fields.filter((f) => ['string', 'number', 'date', 'datetime', 'boolean', 'option', 'reference'].includes(valueKind(f))).map((f) => f.key), ...SYSTEM_USERS, ...SYSTEM_DATES],
    numeric: fields.filter((f) => valueKind(f) === 'number').map((f) => f.key),
    dates: [...fields.filter((f) => dated(f.key)).map((f) => f.key), ...SYSTEM_DATES],
    dated,
    isDate: (key: string) => kinds.get(key) === 'date',
  };
}

/** "Agregar widget": title, module, kind, chart type, one or two measures and groups, date bucket, order, filter; for a gauge its goal, date field, date filter and thresholds. */
export function WidgetDialog({ initial, nextY, onCancel, onConfirm }: Props) {
  const { t, l } = useI18n();
  const { list, byKey } = useModules();
  const [title, setTitle] = useState(initial?.title ?? '');
  const [module, setModule] = useState(initial?.module ?? list[0]?.key ?? '');
  const [kind, setKind] = useState<DashboardWidget['kind']>(initial?.kind ?? 'chart');
  const [chart, setChart] = useState<ChartType>(initial?.chart ?? 'column');
  const [measures, setMeasures] = useState<AggregateMeasureInput[]>(initial?.query.measures ?? [{ op: 'count' }]);
  const [groups, setGroups] = useState<AggregateGroupInput[]>(initial?.query.groups ?? []);
  const [order, setOrder] = useState(initial?.query.order ? `${initial.query.order.by}:${initial.query.order.dir ?? 'asc'}` : 'label:asc');
  const [filter, setFilter] = useState<GroupDraft>(() => filterToDraft(initial?.query.filter));
  const [goal, setGoal] = useState(String(initial?.gauge?.goal ?? 100));
  const [dateField, setDateField] = useState(initial?.gauge?.dateField ?? 'createdAt');
  const [dateFilter, setDateFilter] = useState<GaugeDateFilter>(initial?.gauge?.dateFilter ?? 'thisMonth');
  const [yellow, setYellow] = useState(String(initial?.gauge?.thresholds.yellow ?? 50));
  const [green, setGreen] = useState(String(initial?.gauge?.thresholds.green ?? 70));
  const definition = byKey.get(module);
  if (!definition) return null;
  const c = choices(definition);
  const label = (key: string) => fieldName(definition, key, l);

  const setGroup = (i: number, field: string) => {
    const next = [...groups];
    if (!field) next.splice(i);
    else next[i] = { field, ...(c.dated(field) && { bucket: (groups[i]?.bucket ?? 'month') as DateBucket }) };
    setGroups(next);
  };
  const setMeasure = (i: number, op: MeasureOp | '', field?: string) => {
    const next = [...measures];
    if (!op) next.splice(i);
    else next[i] = op === 'count' ? { op } : { op, field: field ?? measures[i]?.field ?? c.numeric[0] };
    setMeasures(next);
  };
  const confirm = () => {
    const [by, dir] = order.split(':') as ['label' | 'value', 'asc' | 'desc'];
    const query = {
      ...(draftToFilter(filter) && { filter: draftToFilter(filter) }),
      ...(kind === 'chart' && { groups }),
      measures: kind === 'gauge' ? measures.slice(0, 1) : measures,
      ...(kind === 'chart' && { order: { by, dir, ...(by === 'value' && { measure: 0 }) } }),
    };
    onConfirm({
      id: initial?.id ?? `w${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`,
      title: title.trim() || t('widget.new'),
      kind,
      module,
      ...(kind === 'chart' && { chart }),
      query,
      ...(kind === 'gauge' && { gauge: { goal: Number(goal) || 1, dateField, dateFilter, thresholds: { yellow: Number(yellow) || 0, green: Number(green) || 0 } } }),
      layout: initial?.layout ?? { x: 0, y: nextY, w: 6, h: 5 },
    });
  };
  const custom = typeof dateFilter === 'object' ? dateFilter.custom : null;

  return (
    <div className="dialog-backdrop">
      <div className="dialog widget-dialog" role="dialog" aria-label={t('dashboards.addWidget')} data-testid="widget-dialog">
        <label>
          {t('widget.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="widget-title" />
        </label>
        <label>
          {t('widget.module')}
          <select
            value={module}
            data-testid="widget-module"
            onChange={(e) => {
              setModule(e.target.value);
              setGroups([]);
              setMeasures([{ op: 'count' }]);
            }}
          >
            {list.map((m) => (
              <option key={m.key} value={m.key}>
                {l(m.names.plural)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('widget.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as DashboardWidget['kind'])} data-testid="widget-kind">
            <option value="chart">{t('widget.kind.chart')}</option>
            <option value="gauge">{t('widget.kind.gauge')}</option>
          </select>
        </label>
        {kind === 'chart' && (
          <label>
            {t('widget.chart')}
            <select value={chart} onChange={(e) => setChart(e.target.value as ChartType)} data-testid="widget-chart">
              {CHART_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`widget.chart.${type}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        )}
        {(kind === 'gauge' ? [0] : [0, 1]).map((i) =>
          i > measures.length ? null : (
            <div className="row" key={`m${i}`}>
              <label>
                {t('widget.measure', { n: i + 1 })}
                <select value={measures[i]?.op ?? ''} onChange={(e) => setMeasure(i, e.target.value as MeasureOp | '')} data-testid={`widget-measure-${i}`}>
                  {i > 0 && <option value="">{t('widget.none')}</option>}
                  {MEASURE_OPS.filter((op) => op === 'count' || c.numeric.length > 0).map((op) => (
                    <option key={op} value={op}>
                      {t(`widget.op.${op}` as MessageKey)}
                    </option>
                  ))}
                </select>
              </label>
              {measures[i] && measures[i].op !== 'count' && (
                <select
                  aria-label={t('widget.measure', { n: i + 1 })}
                  value={measures[i].field}
                  onChange={(e) => setMeasure(i, measures[i].op, e.target.value)}
                  data-testid={`widget-measure-field-${i}`}
                >
                  {c.numeric.map((key) => (
                    <option key={key} value={key}>
                      {label(key)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          ),
        )}
        {kind === 'chart' &&
          [0, 1].map((i) =>
            i > groups.length ? null : (
              <div className="row" key={`g${i}`}>
                <label>
                  {t('widget.group', { n: i + 1 })}
                  <select value={groups[i]?.field ?? ''} onChange={(e) => setGroup(i, e.target.value)} data-testid={`widget-group-${i}`}>
                    <option value="">{t('widget.none')}</option>
                    {c.groupable.map((key) => (
                      <option key={key} value={key}>
                        {label(key)}
                      </option>
                    ))}
                  </select>
                </label>
                {groups[i]?.bucket && (
                  <label>
                    {t('widget.bucket')}
                    <select
                      value={groups[i].bucket}
                      data-testid={`widget-bucket-${i}`}
                      onChange={(e) => setGroups(groups.map((g, j) => (j === i ? { ...g, bucket: e.target.value as DateBucket } : g)))}
                    >
                      {DATE_BUCKETS.filter((b) => !(b === 'hour' && c.isDate(groups[i].field))).map((b) => (
                        <option key={b} value={b}>
                          {t(`widget.bucket.${b}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
            ),
          )}
        {kind === 'chart' && (
          <label>
            {t('widget.order')}
            <select value={order} onChange={(e) => setOrder(e.target.value)} data-testid="widget-order">
              <option value="label:asc">{t('widget.order.labelAsc')}</option>
              <option value="label:desc">{t('widget.order.labelDesc')}</option>
              <option value="value:asc">{t('widget.order.valueAsc')}</option>
              <option value="value:desc">{t('widget.order.valueDesc')}</option>
            </select>
          </label>
        )}
        {kind === 'gauge' && (
          <>
            <label>
              {t('widget.goal')}
              <input type="number" min="0" value={goal} onChange={(e) => setGoal(e.target.value)} data-testid="widget-goal" />
            </label>
            <label>
              {t('widget.dateField')}
              <select value={dateField} onChange={(e) => setDateField(e.target.value)} data-testid="widget-date-field">
                {c.dates.map((key) => (
                  <option key={key} value={key}>
                    {label(key)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('widget.dateFilter')}
              <select
                value={typeof dateFilter === 'object' ? 'custom' : dateFilter}
                data-testid="widget-date-filter"
                onChange={(e) => {
                  const today = new Date().toISOString().slice(0, 10);
                  setDateFilter(e.target.value === 'custom' ? { custom: { from: today, to: today } } : (e.target.value as GaugeDateFilter));
                }}
              >
                {GAUGE_DATE_FILTERS.map((f) => (
                  <option key={f} value={f}>
                    {t(`widget.dateFilter.${f}` as MessageKey)}
                  </option>
                ))}
              </select>
            </label>
            {custom && (
              <div className="row">
                <label>
                  {t('widget.from')}
                  <input type="date" value={custom.from} onChange={(e) => setDateFilter({ custom: { ...custom, from: e.target.value } })} />
                </label>
                <label>
                  {t('widget.to')}
                  <input type="date" value={custom.to} onChange={(e) => setDateFilter({ custom: { ...custom, to: e.target.value } })} />
                </label>
              </div>
            )}
            <div className="row">
              <label>
                {t('widget.yellow')}
                <input type="number" min="0" max="100" value={yellow} onChange={(e) => setYellow(e.target.value)} data-testid="widget-yellow" />
              </label>
              <label>
                {t('widget.green')}
                <input type="number" min="0" max="100" value={green} onChange={(e) => setGreen(e.target.value)} data-testid="widget-green" />
              </label>
            </div>
          </>
        )}
        <details>
          <summary>{t('widget.filter')}</summary>
          <FilterBuilder definition={definition} value={filter} onChange={setFilter} onApply={() => undefined} onClear={() => setFilter(filterToDraft(undefined))} />
        </details>
        <div className="row-actions">
          <button type="button" className="primary" onClick={confirm} data-testid="widget-confirm">
            {t('widget.confirm')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('widget.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
