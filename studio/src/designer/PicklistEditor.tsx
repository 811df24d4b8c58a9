import type { PicklistOption } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { toKey, uniqueKey } from './keys';

interface Props {
  options: PicklistOption[];
  /** Keys already stored in records: they can be archived, never renamed or dropped. */
  storedKeys: Set<string>;
  onChange(options: PicklistOption[]): void;
}

/** Picklist options with stable keys and labels in both languages. */
export function PicklistEditor({ options, storedKeys, onChange }: Props) {
  const { t } = useI18n();
  const update = (index: number, option: PicklistOption) => onChange(options.map((o, i) => (i === index ? option : o)));
  const move = (index: number, delta: number) => {
    const next = [...options];
    const target = index + delta;
    if (target < 0 || target >= next.length) return;
    [next[index], next[target]] = [next[target], next[index]];
    onChange(next);
  };
  return (
    <fieldset className="picklist-editor" data-testid="picklist-editor">
      <legend>{t('picklist.title')}</legend>
      <p className="muted small">{t('picklist.keyHint')}</p>
      <table>
        <thead>
          <tr>
            <th>{t('picklist.key')}</th>
            <th>{t('picklist.es')}</th>
            <th>{t('picklist.en')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {options.map((option, index) => {
            const stored = storedKeys.has(option.key);
            return (
              <tr key={index} className={option.archived ? 'archived' : undefined} data-option={option.key}>
                <td>
                  <input aria-label={t('picklist.key')} value={option.key} readOnly={stored} onChange={(e) => update(index, { ...option, key: e.target.value })} className="key-input" />
                </td>
                <td>
                  <input
                    aria-label={t('picklist.es')}
                    value={option.label.es}
                    onChange={(e) => {
                      const es = e.target.value;
                      // Until stored, the key follows the Spanish label, as the AI assistant names them.
                      const key = stored
                        ? option.key
                        : uniqueKey(
                            toKey(es),
                            options.filter((_, i) => i !== index).map((o) => o.key),
                          );
                      // English follows Spanish until the admin writes it.
                      const en = option.label.en === option.label.es ? es : option.label.en;
                      update(index, { ...option, key, label: { es, en } });
                    }}
                  />
                </td>
                <td>
                  <input aria-label={t('picklist.en')} value={option.label.en} onChange={(e) => update(index, { ...option, label: { ...option.label, en: e.target.value } })} />
                </td>
                <td className="option-actions">
                  <button type="button" className="icon" aria-label={t('designer.up')} onClick={() => move(index, -1)}>
                    ↑
                  </button>
                  <button type="button" className="icon" aria-label={t('designer.down')} onClick={() => move(index, 1)}>
                    ↓
                  </button>
                  {stored ? (
                    <button
                      type="button"
                      className="icon"
                      onClick={() => {
                        const { archived, ...rest } = option;
                        update(index, archived ? rest : { ...rest, archived: true });
                      }}
                    >
                      {option.archived ? t('picklist.restore') : t('picklist.archive')}
                    </button>
                  ) : (
                    <button type="button" className="icon" disabled={options.length === 1} onClick={() => onChange(options.filter((_, i) => i !== index))}>
                      {t('picklist.remove')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button
        type="button"
        data-testid="add-option"
        onClick={() => {
          const key = uniqueKey(
            `opcion_${options.length + 1}`,
            options.map((o) => o.key),
          );
          onChange([...options, { key, label: { es: '', en: '' } }]);
        }}
      >
        {t('picklist.add')}
      </button>
    </fieldset>
  );
}
