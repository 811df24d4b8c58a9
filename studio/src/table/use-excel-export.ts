import type { ApiFailure } from '../api/api-error';
import { fetchAll } from '../api/records.api';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { useNotify } from '../app/notices';
import { useI18n } from '../i18n/i18n';
import { downloadExcel, EXCEL_LIMITS } from './excel-export';
import type { TableQuery } from './use-table-query';

/** "Exportar a Excel": every match of the list's filter, in its sort, with the columns shown; refused past the limits. */
export function useExcelExport(definition: ModuleDefinition, fields: ModuleField[], query: TableQuery): () => Promise<void> {
  const { t, l, lang, locale } = useI18n();
  const notify = useNotify();
  return async () => {
    let matching: number;
    try {
      matching = await query.exactTotal();
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
      return;
    }
    if (matching > EXCEL_LIMITS.records) {
      notify('error', t('table.excelTooMany', { count: matching.toLocaleString(locale), limit: EXCEL_LIMITS.records.toLocaleString(locale) }));
      return;
    }
    try {
      const records = await fetchAll(definition.key, { filter: query.filter, sort: [query.sort], expand: query.expand }, EXCEL_LIMITS.records + 1);
      const outcome = await downloadExcel(definition, fields, records, lang);
      if (outcome.ok) notify('ok', t('table.excelDone', { count: outcome.count }));
      else if (outcome.reason === 'tooMany') notify('error', t('table.excelTooMany', { count: outcome.count, limit: EXCEL_LIMITS.records }));
      else notify('error', t('table.excelTooBig', { limit: EXCEL_LIMITS.megabytes }));
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    }
  };
}
