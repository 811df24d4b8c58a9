import { useState } from 'react';
import type { ModuleDefinition } from '../api/types';
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
}

/** Quick search, the filter builder, the column chooser and the Excel export, above the list. */
export function TableToolbar({ definition, query, columns, onColumns, busy, exporting, onExport }: Props) {
  const { t, l } = useI18n();
  const [searchText, setSearchText] = useState('');
  const [draft, setDraft] = useState<GroupDraft>(() => emptyGroup());
  const [showFilters, setShowFilters] = useState(false);
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
