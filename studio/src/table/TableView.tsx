import { roleField } from '@crm/engine';
import { useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import type { ModuleDefinition } from '../api/types';
import { useBackgroundExport } from '../exports/use-background-export';
import { useNotify } from '../app/notices';
import { useLocation } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { BulkActions } from './BulkActions';
import { Pager } from './Pager';
import { RecordsGrid } from './RecordsGrid';
import { columnCandidates, loadColumns, saveColumns } from './table-columns';
import { TableHeader } from './TableHeader';
import { TableToolbar } from './TableToolbar';
import { EXCEL_LIMITS } from './excel-export';
import { type ExcelOverLimit, useExcelExport } from './use-excel-export';
import '../exports/exports.css';
import { useSelection } from './use-selection';
import { useTableQuery } from './use-table-query';
import { decodeFilter } from './url-filter';

/** R1: the list of any module, driven only by its definition. */
export function TableView({ definition }: { definition: ModuleDefinition }) {
  const { l, t, locale } = useI18n();
  const notify = useNotify();
  const [columns, setColumns] = useState(() => loadColumns(definition));
  const fields = useMemo(() => columnCandidates(definition).filter((f) => columns.includes(f.key)), [definition, columns]);
  const { search } = useLocation();
  const query = useTableQuery(definition, fields, decodeFilter(search.get('filter')));
  const selection = useSelection(definition.key, query.rows, query.filter);
  const exportExcel = useExcelExport(definition, fields, query);
  const exportInBackground = useBackgroundExport(definition, fields, query);
  // Past the direct Excel's limits the table offers the background export instead of failing.
  const [overLimit, setOverLimit] = useState<ExcelOverLimit | null>(null);
  // The Excel export is built in the browser: the list's other actions wait for it.
  const [busy, setBusy] = useState<'excel' | null>(null);
  const run = (kind: 'excel') => async (work: () => Promise<void>) => {
    setBusy(kind);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="table-view" data-module={definition.key}>
      <TableHeader definition={definition} />
      <TableToolbar
        definition={definition}
        query={query}
        columns={columns}
        onColumns={(keys) => {
          setColumns(keys);
          saveColumns(definition.key, keys);
        }}
        busy={busy !== null}
        exporting={busy === 'excel'}
        onExport={() =>
          void run('excel')(async () => {
            setOverLimit(await exportExcel());
          })
        }
        onBackgroundExport={(format) => void run('excel')(() => exportInBackground(format))}
      />
      {overLimit && (
        <div className="export-offer" role="alert" data-testid="export-offer">
          <span>
            {overLimit.reason === 'tooMany'
              ? t('exports.tooManyOffer', { count: overLimit.count.toLocaleString(locale), limit: EXCEL_LIMITS.records.toLocaleString(locale) })
              : t('exports.tooBigOffer', { limit: EXCEL_LIMITS.megabytes })}
          </span>
          <button type="button" className="primary" data-testid="export-offer-background" onClick={() => void run('excel')(() => exportInBackground('xlsx'))}>
            {t('exports.background')}
          </button>
          <button type="button" onClick={() => setOverLimit(null)}>
            {t('exports.dismiss')}
          </button>
        </div>
      )}
      <BulkActions definition={definition} query={query} selection={selection} busy={busy !== null} />
      {query.error && <p className="error">{l(query.error.text)}</p>}
      <RecordsGrid
        definition={definition}
        fields={fields}
        rows={query.rows}
        loading={query.loading}
        sort={query.sort}
        onSort={query.toggleSort}
        selection={selection}
        flag={showsDueFlag(definition)}
      />
      <Pager
        total={query.total}
        capped={query.capped}
        page={query.page}
        pageSize={query.pageSize}
        onPage={query.setPage}
        onPageSize={query.setPageSize}
        onCountExactly={() => void query.exactTotal().catch((failure: ApiFailure) => notify('error', l(failure.text)))}
      />
    </section>
  );
}

/** Activities carry a due date (their `due` role): the rows of such a module show its flag colour. */
function showsDueFlag(definition: ModuleDefinition): boolean {
  return definition.role === 'activities' && roleField(definition, 'due') !== undefined;
}
