import { useState } from 'react';
import type { ExportFormat } from '../api/exports.api';
import type { ModuleDefinition } from '../api/types';
import { navigate, paths } from '../app/router';
import { moduleRight, useRights } from '../designer/profile-rights';
import { useI18n } from '../i18n/i18n';
import { ColumnChooser } from './ColumnChooser';
import { FilterBuilder } from './FilterBuilder';
import { emptyGroup, type GroupDraft } from './filter-model';
import type { TableQuery } from './use-table-query';

interface Props {
  definition: ModuleDefinition;
  query: TableQuery;
  columns: string[];
  onColumns(keys: string[]): void;
  busy: boolean;
  exporting: boolean;
  onExport(): void;
  /** Starts a background export of the view (filter, columns, sort). */
  onBackgroundExport(format: ExportFormat): void;
}

/** Quick search, the filter builder, the column chooser, the Excel export, background exports, (with the profile's import right) Importar, (with mass delete) Eliminaciones and (with edit and delete) Duplicados, above the list. */
export function TableToolbar({ definition, query, columns, onColumns, busy, exporting, onExport, onBackgroundExport }: Props) {
  const { t, l } = useI18n();
  const [searchText, setSearchText] = useState('');
  const [draft, setDraft] = useState<GroupDraft>(() => query.applied);
  const [showFilters, setShowFilters] = useState(query.filterOn);
  const rights = useRights();
  return (
    <>
      <div className="toolbar">
        <form
          className="search"
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            query.search(searchText);
          }}
        >
          <input
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder={t('table.searchPlaceholder', { module: l(definition.names.plural) })}
            aria-label={t('table.search')}
            data-testid="quick-search"
          />
          <button type="submit">{t('table.search')}</button>
        </form>
        <button type="button" onClick={() => setShowFilters(!showFilters)} aria-expanded={showFilters} data-testid="toggle-filters" className={query.filterOn ? 'on' : undefined}>
          {t('table.filters')}
          {query.filterOn ? ` · ${t('filter.active')}` : ''}
        </button>
        <ColumnChooser definition={definition} value={columns} onChange={onColumns} />
        <button type="button" onClick={onExport} disabled={busy} data-testid="excel">
          {exporting ? t('table.excelBusy') : t('table.excel')}
        </button>
        <details className="export-menu" data-testid="export-menu">
          <summary>{t('exports.background')}</summary>
          <div className="export-menu-items">
            {(['xlsx', 'csv'] as const).map((format) => (
              <button
                key={format}
                type="button"
                disabled={busy}
                data-testid={`export-background-${format}`}
                onClick={(e) => {
                  e.currentTarget.closest('details')?.removeAttribute('open');
                  onBackgroundExport(format);
                }}
              >
                {t(format === 'xlsx' ? 'exports.backgroundXlsx' : 'exports.backgroundCsv')}
              </button>
            ))}
          </div>
        </details>
        {moduleRight(rights, definition.key, 'import') && (
          <button type="button" onClick={() => navigate(paths.importWizard(definition.key))} data-testid="import-open">
            {t('imports.open')}
          </button>
        )}
        {moduleRight(rights, definition.key, 'massDelete') && (
          <button type="button" onClick={() => navigate(paths.deletions(definition.key))} data-testid="deletions-open">
            {t('massDelete.list')}
          </button>
        )}
        {moduleRight(rights, definition.key, 'edit') && moduleRight(rights, definition.key, 'delete') && (
          <button type="button" onClick={() => navigate(paths.duplicates(definition.key))} data-testid="duplicates-open">
            {t('merges.open')}
          </button>
        )}
      </div>
      {showFilters && (
        <FilterBuilder
          definition={definition}
          value={draft}
          onChange={setDraft}
          onApply={() => query.applyFilter(draft)}
          onClear={() => {
            const empty = emptyGroup();
            setDraft(empty);
            query.applyFilter(empty);
          }}
        />
      )}
    </>
  );
}
