import { useEffect, useMemo, useRef, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { authApi } from '../api/auth.api';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition, SelectField } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { displayValue, recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import { type Board, COLUMN_PAGE, columnCounts, columnFilter, moveCard, NO_VALUE, replaceCard } from './kanban-columns';
import { KanbanToolbar } from './KanbanToolbar';
import { quickFilter, type QuickFilter } from './quick-filters';
import { type KanbanView as SavedView, loadViews, saveView } from '../api/views.api';

/** The card shows its title and, by default, the module's first amount. */
const defaultCardFields = (definition: ModuleDefinition) =>
  definition.fields
    .filter((f) => f.type === 'currency' && !f.archived)
    .slice(0, 1)
    .map((f) => f.key);

/**
 * R5: records as cards in columns of a picklist (Oportunidades by phase); a drop saves through PATCH with the version.
 * Column counts come from the aggregation (every matching record, not the loaded cards); each column loads its cards page by page.
 */
export function KanbanView({ definition }: { definition: ModuleDefinition }) {
  const { t, l, lang, locale } = useI18n();
  const notify = useNotify();
  const picklists = useMemo(() => definition.fields.filter((f): f is SelectField => f.type === 'select' && !f.archived), [definition]);
  const [groupBy, setGroupBy] = useState(() => (picklists.find((f) => f.required) ?? picklists[0])?.key ?? '');
  const [quick, setQuick] = useState<QuickFilter | null>(null);
  const [cardFields, setCardFields] = useState(() => defaultCardFields(definition));
  const [views, setViews] = useState<SavedView[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const [board, setBoard] = useState<Board>({});
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [reload, setReload] = useState(0);
  // Answers of an older board (another filter or grouping) are dropped.
  const generation = useRef(0);
  const [over, setOver] = useState<string | null>(null);
  const field = picklists.find((f) => f.key === groupBy);

  useEffect(() => {
    loadViews(definition.key).then(setViews, (failure: ApiFailure) => notify('error', l(failure.text)));
  }, [definition.key]);
  useEffect(() => {
    authApi.me().then(
      (me) => setUserId(me.id ?? null),
      () => setUserId(null),
    );
  }, []);

  const filter = quick ? quickFilter(definition, quick, userId) : null;
  // The filter object is rebuilt each render; its JSON says when it really changed.
  const filterKey = JSON.stringify(filter);
  const columnKeys = field ? [...field.options.filter((o) => !o.archived).map((o) => o.key), NO_VALUE] : [];

  async function loadPage(column: string, cursor: string | null, run: number) {
    setBoard((current) => ({ ...current, [column]: { cards: current[column]?.cards ?? [], cursor: current[column]?.cursor ?? null, loading: true } }));
    try {
      const page = await recordsApi.query(definition.key, {
        filter: columnFilter(filter, groupBy, column),
        sort: [{ field: 'updatedAt', dir: 'desc' }],
        limit: COLUMN_PAGE,
        count: false,
        ...(cursor && { cursor }),
      });
      if (run !== generation.current) return;
      setBoard((current) => {
        const before = cursor ? (current[column]?.cards ?? []) : [];
        const seen = new Set(before.map((c) => c.id));
        return { ...current, [column]: { cards: [...before, ...page.items.filter((c) => !seen.has(c.id))], cursor: page.nextCursor, loading: false } };
      });
    } catch (failure) {
      if (run !== generation.current) return;
      setBoard((current) => ({ ...current, [column]: { cards: current[column]?.cards ?? [], cursor: current[column]?.cursor ?? null, loading: false } }));
      notify('error', l((failure as ApiFailure).text));
    }
  }

  useEffect(() => {
    if (!field) return;
    const run = ++generation.current;
    setBoard({});
    setCounts({});
    recordsApi.aggregate(definition.key, { ...(filter && { filter }), groups: [{ field: groupBy }], measures: [{ op: 'count' }], limit: columnKeys.length + field.options.length }).then(
      (result) => run === generation.current && setCounts(columnCounts(result)),
      (failure: ApiFailure) => notify('error', l(failure.text)),
    );
    for (const column of columnKeys) void loadPage(column, null, run);
    // filterKey stands for the filter (rebuilt each render); the columns follow the grouped field.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [definition.key, reload, filterKey, groupBy]);

  if (!field) return <p className="muted">{t('kanban.none')}</p>;
  const columns = [...field.options.filter((o) => !o.archived).map((o) => ({ key: o.key, label: l(o.label), color: o.color })), { key: NO_VALUE, label: t('kanban.noValue'), color: undefined }];
  const shown = cardFields.map((key) => definition.fields.find((f) => f.key === key)).filter((f) => f !== undefined);

  async function drop(recordId: string, column: string) {
    setOver(null);
    const from = Object.keys(board).find((key) => board[key].cards.some((c) => c.id === recordId));
    const record = from ? board[from].cards.find((c) => c.id === recordId) : undefined;
    const value = column === NO_VALUE ? null : column;
    if (!record || !from || from === column) return;
    // Moves the card (and the counts) at once; the server's answer (or refusal) settles it.
    const moved = moveCard(board, counts, { ...record, [groupBy]: value }, from, column);
    setBoard(moved.board);
    setCounts(moved.counts);
    try {
      const saved = await recordsApi.update(definition.key, recordId, { [groupBy]: value, version: record.version });
      setBoard((current) => replaceCard(current, column, saved));
      notify('ok', t('kanban.moved', { column: columns.find((c) => c.key === column)?.label ?? column }));
    } catch (failure) {
      const error = failure as ApiFailure;
      notify('error', error.status === 409 ? t('kanban.conflict') : l(error.text));
      setReload((n) => n + 1);
    }
  }

  return (
    <section className="kanban-view" data-module={definition.key}>
      <div className="view-head">
        <h1>
          {l(definition.names.plural)} · {t('kanban.title', { field: l(field.label) })}
        </h1>
        <span className="spacer" />
        <button type="button" onClick={() => navigate(paths.table(definition.key))}>
          {t('kanban.table')}
        </button>
      </div>
      <KanbanToolbar
        definition={definition}
        picklists={picklists}
        groupBy={groupBy}
        onGroupBy={setGroupBy}
        quick={quick}
        onQuick={setQuick}
        cardFields={cardFields}
        onCardFields={setCardFields}
        views={views}
        onApplyView={(view: SavedView) => {
          if (picklists.some((f) => f.key === view.groupBy)) setGroupBy(view.groupBy);
          setCardFields(view.cardFields);
        }}
        onSaveView={(name, category) => {
          saveView(definition.key, { name, category, groupBy, cardFields }).then(
            (list) => {
              setViews(list);
              notify('ok', t('kanban.viewSaved', { name }));
            },
            (failure: ApiFailure) => notify('error', l(failure.text)),
          );
        }}
      />
      <div className="board">
        {columns.map((column) => {
          const state = board[column.key];
          const cards = state?.cards ?? [];
          const count = counts[column.key] ?? 0;
          return (
            <div
              key={column.key}
              className={`board-column ${over === column.key ? 'over' : ''}`}
              data-column={column.key}
              onDragOver={(e) => {
                e.preventDefault();
                setOver(column.key);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                void drop(e.dataTransfer.getData('text/plain'), column.key);
              }}
            >
              <h2 style={column.color ? { borderColor: column.color } : undefined}>
                {column.label}{' '}
                <span className="muted" data-count={count}>
                  ({count.toLocaleString(locale)})
                </span>
              </h2>
              {cards.map((card) => (
                <article
                  key={card.id}
                  className="card"
                  draggable
                  data-id={card.id}
                  onDragStart={(e) => {
                    e.dataTransfer.setData('text/plain', card.id);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                  onDoubleClick={() => navigate(paths.record(definition.key, card.id))}
                >
                  <strong>{recordTitle(definition, card)}</strong>
                  {shown.map((f) =>
                    card[f.key] == null || card[f.key] === '' ? null : (
                      <span key={f.key} className="muted" data-card-field={f.key}>
                        {displayValue(f, card[f.key], lang)}
                      </span>
                    ),
                  )}
                </article>
              ))}
              {state?.cursor ? (
                <button type="button" className="column-more" disabled={state.loading} onClick={() => void loadPage(column.key, state.cursor, generation.current)}>
                  {t('kanban.more', { count: Math.max(0, count - cards.length).toLocaleString(locale) })}
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
