import { useState } from 'react';
import type { LocalizedText } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { ModuleIcon } from '../shell/ModuleIcon';
import { toKey } from './keys';
import { MODULE_ICONS } from './module-icons';

export interface ModuleBasics {
  key: string;
  names: { singular: LocalizedText; plural: LocalizedText };
  icon: string;
}

interface Props {
  initial?: Partial<Omit<ModuleBasics, 'key'>>;
  busy: boolean;
  error?: string | null;
  onSubmit(basics: ModuleBasics): void;
  onCancel?(): void;
}

/** Nombre, Nombre en plural, Nombre en singular, Ícono (S2 "Crear formulario", and a module made by hand). */
export function ModuleBasicsForm({ initial, busy, error, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(initial?.names?.plural.es ?? '');
  const [plural, setPlural] = useState<LocalizedText>(initial?.names?.plural ?? { es: '', en: '' });
  const [singular, setSingular] = useState<LocalizedText>(initial?.names?.singular ?? { es: '', en: '' });
  const [icon, setIcon] = useState(initial?.icon && (MODULE_ICONS as readonly string[]).includes(initial.icon) ? initial.icon : 'file-text');
  // The key is made once from the name: it names the table and never changes after creation.
  const key = name.trim() ? toKey(name) : '';
  const filled = (text: LocalizedText) => ({ es: text.es.trim() || text.en.trim(), en: text.en.trim() || text.es.trim() });
  const ready = key && (plural.es.trim() || plural.en.trim()) && (singular.es.trim() || singular.en.trim());

  return (
    <form
      className="module-basics panel"
      data-testid="module-basics"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit({ key, names: { plural: filled(plural), singular: filled(singular) }, icon });
      }}
    >
      <h2>{t('module.basics')}</h2>
      <label>
        {t('module.name')}
        <input
          name="moduleName"
          value={name}
          onChange={(e) => {
            const value = e.target.value;
            // The plural starts as the name; the admin may still change it.
            if (plural.es === name) setPlural({ ...plural, es: value });
            setName(value);
          }}
          required
        />
      </label>
      <p className="muted small">
        {t('designer.key')}: <code data-testid="module-key">{key}</code> · {t('module.keyHint')}
      </p>
      <div className="two-langs">
        <span />
        <span className="muted">{t('module.es')}</span>
        <span className="muted">{t('module.en')}</span>
        <span>{t('module.plural')}</span>
        <input name="pluralEs" aria-label={`${t('module.plural')} (${t('module.es')})`} value={plural.es} onChange={(e) => setPlural({ ...plural, es: e.target.value })} />
        <input name="pluralEn" aria-label={`${t('module.plural')} (${t('module.en')})`} value={plural.en} onChange={(e) => setPlural({ ...plural, en: e.target.value })} />
        <span>{t('module.singular')}</span>
        <input name="singularEs" aria-label={`${t('module.singular')} (${t('module.es')})`} value={singular.es} onChange={(e) => setSingular({ ...singular, es: e.target.value })} />
        <input name="singularEn" aria-label={`${t('module.singular')} (${t('module.en')})`} value={singular.en} onChange={(e) => setSingular({ ...singular, en: e.target.value })} />
      </div>
      <fieldset className="icon-picker">
        <legend>{t('module.icon')}</legend>
        {MODULE_ICONS.map((name) => (
          <label key={name} className={icon === name ? 'icon-choice on' : 'icon-choice'} title={name}>
            <input type="radio" name="icon" value={name} checked={icon === name} onChange={() => setIcon(name)} />
            <ModuleIcon name={name} />
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="primary" disabled={busy || !ready} data-testid="create-module">
          {t('module.create')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('module.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
