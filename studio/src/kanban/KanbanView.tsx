import { useEffect, useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { authApi } from '../api/auth.api';
import { recordsApi } from '../api/records.api';
import type { ApiRecord, ModuleDefinition, SelectField } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { displayValue, recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import { KanbanToolbar } from './KanbanToolbar';
import { quickFilter, type QuickFilter } from './quick-filters';
import { type KanbanView as SavedView, loadViews, saveView } from '../api/views.api';

/** Cards shown per board; a module past this needs filters, which the table view offers. */
const BOARD_LIMIT = 500;
const NO_VALUE = '__none__';

/** The card shows its title and, by default, the module's first amount. */
const defaultCardFields = (definition: ModuleDefinition) =>
  definition.fields
    .filter((f) => f.type === 'currency' && !f.archived)
    .slice(0, 1)
    .map((f) => f.key);

/** R5: records as cards in columns of a picklist (Oportunidades by phase); a drop saves through PATCH with the version. */
export function KanbanView({ definition }: { definition: ModuleDefinition }) {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  const picklists = useMemo(() => definition.fields.filter((f): f is SelectField => f.type === 'select' && !f.archived), [definition]);
  const [groupBy, setGroupBy] = useState(() => (picklists.find((f) => f.required) ?? picklists[0])?.key ?? '');
  const [quick, setQuick] = useState<QuickFilter | null>(null);
  const [cardFields, setCardFields] = useState(() => defaultCardFields(definition));
  const [views, setViews] = useState<SavedView[]>([]);
  const [userId, setUserId] = useState<string | null>(null);
  const [records, setRecords] = useState<ApiRecord[]>([]);
  const [reload, setReload] = useState(0);
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
  useEffect(() => {
    recordsApi.query(definition.key, { ...(filter && { filter }), sort: [{ field: 'updatedAt', dir: 'desc' }], limit: BOARD_LIMIT, count: false }).then(
      (page) => setRecords(page.items),
      (failure: ApiFailure) => notify('error', l(failure.text)),
    );
  }, [definition.key, reload, filterKey]);

  if (!field) return <p className="muted">{t('kanban.none')}</p>;
  const columns = [...field.options.filter((o) => !o.archived).map((o) => ({ key: o.key, label: l(o.label), color: o.color })), { key: NO_VALUE, label: t('kanban.noValue'), color: undefined }];
  const shown = cardFields.map((key) => definition.fields.find((f) => f.key === key)).filter((f) => f !== undefined);

  async function drop(recordId: string, column: string) {
    setOver(null);
    const record = records.find((r) => r.id === recordId);
    const value = column === NO_VALUE ? null : column;
    if (!record || record[groupBy] === value) return;
    // Moves the card at once; the server's answer (or refusal) settles it.
    setRecords((list) => list.map((r) => (r.id === recordId ? { ...r, [groupBy]: value } : r)));
    try {
      const saved = await recordsApi.update(definition.key, recordId, { [groupBy]: value, version: record.version });
      setRecords((list) => list.map((r) => (r.id === recordId ? saved : r)));
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
          const cards = records.filter((r) => (r[groupBy] ?? NO_VALUE) === column.key);
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
                {column.label} <span className="muted">({cards.length})</span>
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
            </div>
          );
        })}
      </div>
    </section>
  );
}
