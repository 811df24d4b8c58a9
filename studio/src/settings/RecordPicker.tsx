import { useEffect, useState } from 'react';
import { recordsApi } from '../api/records.api';
import type { ApiRecord } from '../api/types';
import { useModules } from '../app/modules.context';
import { recordTitle } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';

/** Picks a real record of `module` for a preview: the latest ones, or those matching a search. */
export function RecordPicker({ module, value, onChange }: { module: string; value: ApiRecord | null; onChange(record: ApiRecord | null): void }) {
  const { t } = useI18n();
  const definition = useModules().byKey.get(module);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<ApiRecord[]>([]);
  useEffect(() => {
    let live = true;
    // A short pause so typing does not send one query per key.
    const timer = setTimeout(() => {
      const request = q.trim() ? recordsApi.search(module, q.trim(), 20) : recordsApi.query(module, { sort: [{ field: 'createdAt', dir: 'desc' }], limit: 20 });
      request.then(
        (page) => live && setFound(page.items),
        () => live && setFound([]),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [module, q]);
  const title = (r: ApiRecord) => (definition ? recordTitle(definition, r) : r.id);
  return (
    <div className="record-picker">
      <input type="search" placeholder={t('custom.preview.search')} value={q} onChange={(e) => setQ(e.target.value)} aria-label={t('custom.preview.search')} />
      <select aria-label={t('custom.preview.record')} data-testid="preview-record" value={value?.id ?? ''} onChange={(e) => onChange(found.find((r) => r.id === e.target.value) ?? null)}>
        <option value="">{t('custom.preview.record')}…</option>
        {value && !found.some((r) => r.id === value.id) && <option value={value.id}>{title(value)}</option>}
        {found.map((r) => (
          <option key={r.id} value={r.id}>
            {title(r)}
          </option>
        ))}
      </select>
    </div>
  );
}
