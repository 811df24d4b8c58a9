import type { ModuleDefinition } from '@crm/engine';
import { importsApi } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useNotify } from '../app/notices';
import { useI18n } from '../i18n/i18n';
import { importResultOf } from './import-format';
import { ImportsHead } from './ImportsHead';
import { usePagedList } from '../app/use-paged-list';
import '../designer/designer.css';
import './imports.css';

const PAGE = 50;

/** "Historial de importaciones": the module's imports and validations, newest first, with their counts and failed rows. */
export function ImportHistoryPage({ definition }: { definition: ModuleDefinition }) {
  const { t, l, lang, locale } = useI18n();
  const notify = useNotify();
  const list = usePagedList((cursor) => importsApi.history(definition.key, PAGE, cursor), definition.key);
  const n = (value: number | undefined) => (value === undefined ? '' : value.toLocaleString(locale));
  return (
    <section className="import-history" data-module={definition.key}>
      <ImportsHead definition={definition} title={t('imports.history.title', { module: l(definition.names.plural) })} current="history" />
      {list.error && <p className="error">{list.error}</p>}
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">{t('imports.history.empty')}</p>}
      {list.items.length > 0 && (
        <div className="table-wrap">
          <table className="records" data-testid="import-history">
            <thead>
              <tr>
                <th>{t('imports.history.when')}</th>
                <th>{t('imports.history.user')}</th>
                <th>{t('imports.history.file')}</th>
                <th>{t('imports.history.mode')}</th>
                <th>{t('imports.history.state')}</th>
                <th>{t('imports.summary.total')}</th>
                <th>{t('imports.summary.inserted')}</th>
                <th>{t('imports.summary.updated')}</th>
                <th>{t('imports.summary.duplicates')}</th>
                <th>{t('imports.summary.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((entry) => {
                const result = importResultOf(entry.job.result);
                return (
                  <tr key={entry.job.id} data-job={entry.job.id} data-state={entry.job.state}>
                    <td>{new Date(entry.createdAt).toLocaleString(locale)}</td>
                    <td>{entry.createdBy?.name ?? t('value.none')}</td>
                    <td>{entry.fileName}</td>
                    <td>{entry.validateOnly ? t('imports.modeShort.validate') : t(`imports.modeShort.${entry.mode}`)}</td>
                    <td>{t(`imports.state.${entry.job.state}`)}</td>
                    <td>{n(result?.total)}</td>
                    <td>{n(result?.inserted)}</td>
                    <td>{n(result?.updated)}</td>
                    <td>{n(result?.duplicates)}</td>
                    <td>
                      {n(result?.errorCount)}
                      {result && result.errorCount > 0 && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => importsApi.downloadFailures(entry.job.id, lang).catch((failure) => notify('error', failureText(failure, l)))}
                          data-testid="history-failures"
                        >
                          {t('imports.failures.download')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {list.more && (
        <button type="button" disabled={list.loading} onClick={list.loadMore}>
          {t('imports.history.more')}
        </button>
      )}
    </section>
  );
}
