import { type ExportFormat, exportsApi } from '../api/exports.api';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { browserTimeZone } from '../table/excel-export';
import type { TableQuery } from '../table/use-table-query';

/**
 * "Exportar en segundo plano": the table view as it is (filter, columns in
 * order, sort) becomes a `records.export` job in the user's language and time
 * zone; the user then follows it in "Mis exportaciones".
 */
export function useBackgroundExport(definition: ModuleDefinition, fields: ModuleField[], query: TableQuery): (format: ExportFormat) => Promise<void> {
  const { t, l, lang } = useI18n();
  const notify = useNotify();
  return async (format) => {
    try {
      await exportsApi.start({ module: definition.key, filter: query.filter, columns: fields.map((f) => f.key), sort: [query.sort], format, language: lang, timeZone: browserTimeZone() });
      notify('ok', t('exports.started'));
      navigate(paths.exports());
    } catch (failure) {
      notify('error', failureText(failure, l));
    }
  };
}
