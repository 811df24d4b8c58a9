import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { isSortable } from '@crm/engine';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ApiRecord, ModuleDefinition, SortInput } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { displayValue, recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import { useModules } from '../app/modules.context';
import { AssignDialog } from './AssignDialog';
import { EmailDialog } from './EmailDialog';
import { ColumnChooser } from './ColumnChooser';
import { downloadExcel, EXCEL_LIMITS } from './excel-export';
import { fetchAll } from '../api/records.api';
import { FilterBuilder } from './FilterBuilder';
import { combineFilters, draftToFilter, emptyGroup, type GroupDraft, searchFilter } from './filter-model';
import { Pager } from './Pager';
import { activityFlag } from '../activities/activity-flag';
import { columnCandidates, loadColumns, saveColumns } from './table-columns';

// The dialog carries the form library: loaded when first opened, not with the list.
const MassActivityDialog = lazy(() => import('./MassActivityDialog').then((m) => ({ default: m.MassActivityDialog })));

/** What is selected: some ids, or every record the filter matches ("Seleccionar los N registros"). */
type Selection = { all: false; ids: Set<string> } | { all: true };

/** R1: the list of any module, driven only by its definition. */
export function TableView({ definition }: { definition: ModuleDefinition }) {
  const { t, l, lang, locale } = useI18n();
  const notify = useNotify();
  const [columns, setColumns] = useState(() => loadColumns(definition));
  const [searchText, setSearchText] = useState('');
  const [search, setSearch] = useState('');
  const [draft, setDraft] = useState<GroupDraft>(() => emptyGroup());
  const [applied, setApplied] = useState<GroupDraft>(() => emptyGroup());
  const [showFilters, setShowFilters] = useState(false);
  const [sort, setSort] = useState<SortInput>({ field: 'updatedAt', dir: 'desc' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [rows, setRows] = useState<ApiRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [capped, setCapped] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [selection, setSelection] = useState<Selection>({ all: false, ids: new Set() });
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [massActivity, setMassActivity] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [emailing, setEmailing] = useState(false);
  // The e-mail action needs somewhere to send to.
  const hasEmailField = definition.fields.some((f) => f.type === 'email' && !f.archived);
  const activities = useModules().byKey.get('actividades');

  const fields = useMemo(() => columnCandidates(definition).filter((f) => columns.includes(f.key)), [definition, columns]);
  const filter = useMemo(() => combineFilters(searchFilter(definition, search), draftToFilter(applied)), [definition, search, applied]);
  const expand = useMemo(() => fields.filter((f) => f.type === 'lookup').map((f) => f.key), [fields]);

  useEffect(() => {
    let live = true;
    setLoading(true);
    recordsApi
      .query(definition.key, { filter, sort: [sort], limit: pageSize, offset: (page - 1) * pageSize, expand })
      .then((answer) => {
        if (!live) return;
        setRows(answer.items);
        setTotal(answer.total ?? answer.items.length);
        setCapped(answer.totalCapped === true);
        setError(null);
      })
      .catch((failure: ApiFailure) => live && setError(failure))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [definition.key, filter, sort, page, pageSize, expand, reload]);

  // A different result set starts a new selection.
  useEffect(() => setSelection({ all: false, ids: new Set() }), [filter]);

  const selectedCount = selection.all ? total : selection.ids.size;
  const pageAllChecked = rows.length > 0 && (selection.all || rows.every((r) => selection.ids.has(r.id)));
  const toggleRow = (id: string, on: boolean) =>
    setSelection((s) => {
      const ids = new Set(s.all ? rows.map((r) => r.id) : s.ids);
      if (on) ids.add(id);
      else ids.delete(id);
      return { all: false, ids };
    });
  const togglePage = (on: boolean) => setSelection({ all: false, ids: on ? new Set(rows.map((r) => r.id)) : new Set() });

  /** The selected records' ids and versions (the versions lock each PATCH); "all N" reads them page by page. */
  const selectedRecords = useCallback(async (): Promise<{ id: string; version: number }[]> => {
    if (!selection.all) {
      // Rows picked on other pages are read again for their current versions.
      const here = rows.filter((r) => selection.ids.has(r.id));
      const missing = [...selection.ids].filter((id) => !here.some((r) => r.id === id));
      const there = missing.length ? await fetchAll(definition.key, { filter: { field: 'id', op: 'in', value: missing }, fields: ['id'] }, missing.length) : [];
      return [...here, ...there].map((r) => ({ id: r.id, version: r.version }));
    }
    return (await fetchAll(definition.key, { filter, fields: ['id'] }, Number.MAX_SAFE_INTEGER)).map((r) => ({ id: r.id, version: r.version }));
  }, [selection, rows, definition.key, filter]);
  const selectedIds = useCallback(async () => (await selectedRecords()).map((r) => r.id), [selectedRecords]);

  async function deleteSelection() {
    if (!window.confirm(t('table.confirmDelete', { count: selectedCount }))) return;
    setBusy('delete');
    try {
      const ids = await selectedIds();
      // A few deletes at a time: fast enough for a selection, gentle on the server.
      for (let i = 0; i < ids.length; i += 5) await Promise.all(ids.slice(i, i + 5).map((id) => recordsApi.remove(definition.key, id)));
      notify('ok', t('table.deleted', { count: ids.length }));
      setSelection({ all: false, ids: new Set() });
      setReload((n) => n + 1);
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    } finally {
      setBusy(null);
    }
  }

  /** Lists count only so far; selecting or exporting every match needs the exact figure. */
  async function exactTotal(): Promise<number> {
    if (!capped) return total;
    const answer = await recordsApi.query(definition.key, { filter, limit: 1, fields: ['id'], count: 'exact' });
    const exact = answer.total ?? total;
    setTotal(exact);
    setCapped(false);
    return exact;
  }

  async function selectAll() {
    try {
      await exactTotal();
      setSelection({ all: true });
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    }
  }

  async function exportExcel() {
    let matching: number;
    try {
      matching = await exactTotal();
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
      return;
    }
    if (matching > EXCEL_LIMITS.records) {
      notify('error', t('table.excelTooMany', { count: matching.toLocaleString(locale), limit: EXCEL_LIMITS.records.toLocaleString(locale) }));
      return;
    }
    setBusy('excel');
    try {
      const records = await fetchAll(definition.key, { filter, sort: [sort], expand }, EXCEL_LIMITS.records + 1);
      const outcome = await downloadExcel(definition, fields, records, lang);
      if (outcome.ok) notify('ok', t('table.excelDone', { count: outcome.count }));
      else if (outcome.reason === 'tooMany') notify('error', t('table.excelTooMany', { count: outcome.count, limit: EXCEL_LIMITS.records }));
      else notify('error', t('table.excelTooBig', { limit: EXCEL_LIMITS.megabytes }));
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    } finally {
      setBusy(null);
    }
  }

  const toggleSort = (field: string) => {
    setSort((s) => (s.field === field ? { field, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { field, dir: 'asc' }));
    setPage(1);
  };
  const filterOn = draftToFilter(applied) !== undefined;
  // Activities (R4) carry a due date: their rows show its flag colour.
  const showFlag = definition.fields.some((f) => f.key === 'fecha_vencimiento' && !f.archived);
  const hasPicklist = definition.fields.some((f) => f.type === 'select' && !f.archived);

  return (
    <section className="table-view" data-module={definition.key}>
      <div className="view-head">
        <h1>{l(definition.names.plural)}</h1>
        <span className="spacer" />
        {hasPicklist && (
          <button type="button" onClick={() => navigate(paths.kanban(definition.key))}>
            {t('table.kanban')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => navigate(paths.newRecord(definition.key))} data-testid="new-record">
          {t('table.new')}
        </button>
      </div>
      <div className="toolbar">
        <form
          className="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            setSearch(searchText);
            setPage(1);
          }}
        >
          <input type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} placeholder={t('table.searchPlaceholder', { module: l(definition.names.plural) })} aria-label={t('table.search')} data-testid="quick-search" />
          <button type="submit">{t('table.search')}</button>
        </form>
        <button type="button" onClick={() => setShowFilters(!showFilters)} aria-expanded={showFilters} data-testid="toggle-filters" className={filterOn ? 'on' : undefined}>
          {t('table.filters')}
          {filterOn ? ` · ${t('filter.active')}` : ''}
        </button>
        <ColumnChooser
          definition={definition}
          value={columns}
          onChange={(keys) => {
            setColumns(keys);
            saveColumns(definition.key, keys);
          }}
        />
        <button type="button" onClick={exportExcel} disabled={busy !== null} data-testid="excel">
          {busy === 'excel' ? t('table.excelBusy') : t('table.excel')}
        </button>
      </div>
      {showFilters && (
        <FilterBuilder
          definition={definition}
          value={draft}
          onChange={setDraft}
          onApply={() => {
            setApplied(draft);
            setPage(1);
          }}
          onClear={() => {
            const empty = emptyGroup();
            setDraft(empty);
            setApplied(empty);
            setPage(1);
          }}
        />
      )}
      {selectedCount > 0 && (
        <div className="selection-bar" data-testid="selection-bar">
          <span>{selection.all ? t('table.allSelected', { count: total.toLocaleString(locale) }) : t('table.selected', { count: selectedCount })}</span>
          {!selection.all && pageAllChecked && total > rows.length && (
            <button type="button" className="link" onClick={() => void selectAll()} data-testid="select-all">
              {t('table.selectAll', { count: total.toLocaleString(locale) + (capped ? '+' : '') })}
            </button>
          )}
          <button type="button" className="link" onClick={() => setSelection({ all: false, ids: new Set() })}>
            {t('table.clearSelection')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => setAssigning(true)} disabled={busy !== null} data-testid="assign-open">
            {t('table.assign')}
          </button>
          {hasEmailField && (
            <button type="button" onClick={() => setEmailing(true)} disabled={busy !== null} data-testid="email-open">
              {t('table.email')}
            </button>
          )}
          {activities && definition.key !== activities.key && (
            <button type="button" onClick={() => setMassActivity(true)} disabled={busy !== null} data-testid="mass-activity-open">
              {t('table.massActivity')}
            </button>
          )}
          <button type="button" className="danger" onClick={deleteSelection} disabled={busy !== null}>
            {t('table.delete')}
          </button>
        </div>
      )}
      {assigning && (
        <AssignDialog
          module={definition.key}
          records={selectedRecords}
          onClose={() => setAssigning(false)}
          onDone={(count) => {
            setAssigning(false);
            notify('ok', t('table.assigned', { count }));
            setReload((n) => n + 1);
          }}
        />
      )}
      {emailing && <EmailDialog definition={definition} ids={selectedIds} onClose={() => setEmailing(false)} />}
      {massActivity && activities && (
        <Suspense fallback={null}>
          <MassActivityDialog
            activities={activities}
            module={definition.key}
            ids={selectedIds}
            onClose={() => setMassActivity(false)}
            onDone={(count) => {
              setMassActivity(false);
              notify('ok', t('table.massActivityDone', { count }));
            }}
          />
        </Suspense>
      )}
      {error && <p className="error">{l(error.text)}</p>}
      <div className={`table-wrap ${loading ? 'loading' : ''}`}>
        <table className="records">
          <thead>
            <tr>
              <th className="check">
                <input type="checkbox" aria-label={t('table.selectPage')} checked={pageAllChecked} onChange={(e) => togglePage(e.target.checked)} data-testid="select-page" />
              </th>
              {showFlag && <th>{t('activities.flag')}</th>}
              <th>{l(definition.names.singular)}</th>
              {fields.map((f) => (
                <th key={f.key} data-field={f.key}>
                  {isSortable(f) ? (
                    <button type="button" className="sort" onClick={() => toggleSort(f.key)} title={sort.field === f.key && sort.dir === 'asc' ? t('table.sortDesc') : t('table.sortAsc')}>
                      {l(f.label)}
                      {sort.field === f.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </button>
                  ) : (
                    l(f.label)
                  )}
                </th>
              ))}
              <th>
                <button type="button" className="sort" onClick={() => toggleSort('updatedAt')}>
                  {t('system.updatedAt')}
                  {sort.field === 'updatedAt' ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((record) => (
              <tr key={record.id} onDoubleClick={() => navigate(paths.record(definition.key, record.id))} data-id={record.id}>
                <td className="check">
                  <input type="checkbox" aria-label={t('table.open')} checked={selection.all || selection.ids.has(record.id)} onChange={(e) => toggleRow(record.id, e.target.checked)} />
                </td>
                {showFlag && (
                  <td>
                    <span className={`flag flag-${activityFlag(record)}`} title={t(`activities.flag.${activityFlag(record)}`)} data-flag={activityFlag(record)} />
                  </td>
                )}
                <td>
                  <a
                    className="title-link"
                    href={paths.record(definition.key, record.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(paths.record(definition.key, record.id));
                    }}
                  >
                    {recordTitle(definition, record) || t('table.open')}
                  </a>
                </td>
                {fields.map((f) => (
                  <td key={f.key}>{displayValue(f, record[f.key], lang)}</td>
                ))}
                <td>{displayValue({ key: 'updatedAt', type: 'datetime', label: { es: '', en: '' } }, record.updatedAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && rows.length === 0 && <p className="muted empty">{t('table.empty')}</p>}
      </div>
      <Pager
        total={total}
        capped={capped}
        page={page}
        pageSize={pageSize}
        onPage={setPage}
        onPageSize={(size) => {
          setPageSize(size);
          setPage(1);
        }}
      />
    </section>
  );
}
