import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { HistoryItem, ModuleDefinition } from '../api/types';
import { navigate, paths } from '../app/router';
import { displayValue } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';

const ACTIONS: Record<string, MessageKey> = {
  create: 'history.create',
  update: 'history.update',
  delete: 'history.delete',
  restore: 'history.restore',
  merge: 'merges.action.merge',
  unmerge: 'merges.action.unmerge',
};

/** R3: who changed what and when, old → new, with field labels and readable values instead of keys. */
export function HistoryTab({ definition, id }: { definition: ModuleDefinition; id: string }) {
  const { t, l, lang, locale } = useI18n();
  const [items, setItems] = useState<HistoryItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [loaded, setLoaded] = useState(false);

  const load = (from?: string) =>
    recordsApi.history(definition.key, id, from).then(
      (page) => {
        setItems((list) => (from ? [...list, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoaded(true);
      },
      (failure: ApiFailure) => setError(failure),
    );
  // Loaded once per record; `load` itself changes on every render.
  useEffect(() => {
    void load();
  }, [definition.key, id]);

  if (error) return <p className="error">{l(error.text)}</p>;
  if (!loaded) return <p className="muted">{t('shell.loading')}</p>;
  if (items.length === 0) return <p className="muted">{t('history.empty')}</p>;
  return (
    <div className="history" data-testid="history">
      <h2>{t('history.title')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('history.when')}</th>
            <th>{t('history.who')}</th>
            <th>{t('history.action')}</th>
            <th>{t('history.field')}</th>
            <th>{t('history.old')}</th>
            <th>{t('history.new')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const field = item.field ? definition.fields.find((f) => f.key === item.field) : undefined;
            return (
              <tr key={item.id} data-field={item.field ?? ''}>
                <td>{new Date(item.at).toLocaleString(locale)}</td>
                <td>{item.userName ?? t('history.system')}</td>
                <td>{ACTIONS[item.action] ? t(ACTIONS[item.action]) : item.action}</td>
                <td>{field ? l(field.label) : (item.field ?? '')}</td>
                <td className="old">{item.field ? displayValue(field, item.oldValue, lang) : ''}</td>
                <td className="new">{item.field ? displayValue(field, item.newValue, lang) : <MergeNote module={definition.key} item={item} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {cursor && (
        <button type="button" onClick={() => load(cursor)}>
          {t('history.more')}
        </button>
      )}
    </div>
  );
}

/** What a merge entry says: how many records went into this one, or the record this one went into (a link). */
function MergeNote({ module, item }: { module: string; item: HistoryItem }) {
  const { t } = useI18n();
  if (item.action !== 'merge' && item.action !== 'unmerge') return null;
  const detail = (item.action === 'merge' ? item.newValue : item.oldValue) as { merged?: string[]; mergedInto?: string } | null;
  if (detail?.merged) return <>{t(item.action === 'merge' ? 'merges.history.merged' : 'merges.history.unmerged', { count: detail.merged.length })}</>;
  if (!detail?.mergedInto) return null;
  const target = paths.record(module, detail.mergedInto);
  return (
    <a
      href={target}
      onClick={(e) => {
        e.preventDefault();
        navigate(target);
      }}
    >
      {t(item.action === 'merge' ? 'merges.history.mergedInto' : 'merges.history.backFrom')}
    </a>
  );
}
