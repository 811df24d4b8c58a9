import { useEffect, useState } from 'react';
import { type ColumnMapping, type ImportValueOptions, importsApi, type SavedMapping } from '../api/imports.api';
import { useNotify } from '../app/notices';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';

interface Props {
  module: string;
  mapping: ColumnMapping[];
  options: ImportValueOptions;
  onApply(saved: SavedMapping): void;
}

/** The module's saved mappings: apply one (by header text), save the current one by name (the same name replaces it), delete one. */
export function SavedMappings({ module, mapping, options, onApply }: Props) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const [items, setItems] = useState<SavedMapping[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const failed = (failure: unknown) => notify('error', failureText(failure, l));

  useEffect(() => {
    importsApi.mappings(module).then((answer) => setItems(answer.items), failed);
    // Loaded once per module; `failed` is a fresh closure each render.
  }, [module]); // eslint-disable-line react-hooks/exhaustive-deps

  async function save() {
    setBusy(true);
    try {
      const saved = await importsApi.saveMapping(module, name.trim(), mapping, options);
      setItems((list) => [...list.filter((item) => item.name !== saved.name && item.id !== saved.id), saved]);
      setChosen(saved.id);
      setName('');
      notify('ok', t('imports.mapping.savedDone', { name: saved.name }));
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    const item = items.find((i) => i.id === chosen);
    if (!item) return;
    setBusy(true);
    try {
      await importsApi.deleteMapping(module, item.id);
      setItems((list) => list.filter((i) => i.id !== item.id));
      setChosen('');
      notify('ok', t('imports.mapping.deletedDone', { name: item.name }));
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="saved-mappings row-actions" data-testid="saved-mappings">
      <label className="inline">
        {t('imports.mapping.saved')}
        <select
          value={chosen}
          disabled={busy || items.length === 0}
          data-testid="saved-mapping"
          onChange={(e) => {
            setChosen(e.target.value);
            const item = items.find((i) => i.id === e.target.value);
            if (item) onApply(item);
          }}
        >
          <option value="">{t('imports.mapping.pickSaved')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="icon" disabled={busy || !chosen} onClick={() => void remove()} title={t('imports.mapping.deleteSaved')} aria-label={t('imports.mapping.deleteSaved')}>
        ✕
      </button>
      <span className="spacer" />
      <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('imports.mapping.saveName')} aria-label={t('imports.mapping.saveName')} data-testid="mapping-name" />
      <button type="button" disabled={busy || !name.trim()} onClick={() => void save()} data-testid="save-mapping">
        {t('imports.mapping.save')}
      </button>
    </div>
  );
}
