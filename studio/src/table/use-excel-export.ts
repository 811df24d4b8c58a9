import type { ApiFailure } from '../api/api-error';
import { fetchAll } from '../api/records.api';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { useNotify } from '../app/notices';
import { useI18n } from '../i18n/i18n';
import { downloadExcel, EXCEL_LIMITS } from './excel-export';
import type { TableQuery } from './use-table-query';

/** Why the direct Excel could not be built: the view is past a limit, and a background export is offered instead. */
export type ExcelOverLimit = { reason: 'tooMany'; count: number } | { reason: 'tooBig' };

/**
 * "Descargar Excel con filtro": every match of the list's filter, in its sort,
 * with the columns shown. Past the limits it answers which one, so the table
 * offers "Exportar en segundo plano" instead of failing.
 */
export function useExcelExport(definition: ModuleDefinition, fields: ModuleField[], query: TableQuery): () => Promise<ExcelOverLimit | null> {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  return async () => {
    let matching: number;
    try {
      matching = await query.exactTotal();
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
      return null;
    }
    if (matching > EXCEL_LIMITS.records) return { reason: 'tooMany', count: matching };
    try {
      const records = await fetchAll(definition.key, { filter: query.filter, sort: [query.sort], expand: query.expand }, EXCEL_LIMITS.records + 1);
      const outcome = await downloadExcel(definition, fields, records, lang);
      if (outcome.ok) notify('ok', t('table.excelDone', { count: outcome.count }));
      else return outcome.reason === 'tooMany' ? { reason: 'tooMany', count: outcome.count } : { reason: 'tooBig' };
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    }
    return null;
  };
}
