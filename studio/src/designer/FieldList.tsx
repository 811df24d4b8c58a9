import { useState } from 'react';
import { deepEqual, FIELD_TYPES, type FieldType, type ModuleDefinition } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { addField, archiveField, moveField, restoreField } from './definition-edits';
import { typeName } from './diff-words';
import { newField } from './field-factory';
import { toKey, uniqueKey } from './keys';

interface Props {
  draft: ModuleDefinition;
  stored: ModuleDefinition;
  selected: string | null;
  modules: string[];
  onSelect(key: string): void;
  onChange(next: ModuleDefinition): void;
}

/** The module's fields in form order: add, reorder, archive and restore; a click opens one in the editor. */
export function FieldList({ draft, stored, selected, modules, onSelect, onChange }: Props) {
  const { t, l } = useI18n();
  const [label, setLabel] = useState('');
  const [type, setType] = useState<FieldType>('text');
  const active = draft.fields.filter((f) => !f.archived);
  const archived = draft.fields.filter((f) => f.archived);
  const storedByKey = new Map(stored.fields.map((f) => [f.key, f]));

  function add() {
    const key = uniqueKey(
      toKey(label),
      draft.fields.map((f) => f.key),
    );
    const field = newField(key, type, { es: label.trim(), en: label.trim() }, modules);
    // A new field joins the last section, where the admin is most likely building.
    onChange(addField(draft, field, draft.sections?.at(-1)?.key));
    onSelect(key);
    setLabel('');
  }

  const state = (key: string) => {
    const before = storedByKey.get(key);
    if (!before) return <span className="badge new">{t('designer.new')}</span>;
    const now = draft.fields.find((f) => f.key === key);
    return deepEqual(before, now) ? null : <span className="badge changed">{t('designer.changed')}</span>;
  };

  return (
    <div className="field-list" data-testid="field-list">
      <ol>
        {active.map((field, index) => (
          <li key={field.key} data-field={field.key} className={selected === field.key ? 'selected' : undefined}>
            <button type="button" className="link field-name" onClick={() => onSelect(field.key)}>
              {l(field.label)}
            </button>
            <span className="muted small">
              {typeName(t, field.type)}
              {field.required && ` · ${t('designer.required')}`}
              {field.locked && ` · ${t('designer.locked')}`}
            </span>
            {state(field.key)}
            <span className="spacer" />
            <button type="button" className="icon" title={t('designer.up')} aria-label={t('designer.up')} disabled={index === 0} onClick={() => onChange(moveField(draft, field.key, -1))}>
              ↑
            </button>
            <button
              type="button"
              className="icon"
              title={t('designer.down')}
              aria-label={t('designer.down')}
              disabled={index === active.length - 1}
              onClick={() => onChange(moveField(draft, field.key, 1))}
            >
              ↓
            </button>
            {!field.locked && (
              <button type="button" className="icon" data-testid="archive-field" onClick={() => onChange(archiveField(draft, field.key, stored))}>
                {t('designer.archive')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <form
        className="add-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (label.trim()) add();
        }}
      >
        <input name="newFieldLabel" placeholder={t('designer.newFieldLabel')} aria-label={t('designer.newFieldLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <select name="newFieldType" aria-label={t('designer.fieldType')} value={type} onChange={(e) => setType(e.target.value as FieldType)}>
          {FIELD_TYPES.map((name) => (
            <option key={name} value={name}>
              {typeName(t, name)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={!label.trim()} data-testid="add-field">
          {t('designer.addField')}
        </button>
      </form>
      {archived.length > 0 && (
        <div className="archived-fields" data-testid="archived-fields">
          <h3>{t('designer.archived')}</h3>
          <p className="muted small">{t('designer.archivedHint')}</p>
          <ul>
            {archived.map((field) => (
              <li key={field.key} data-field={field.key}>
                <span>{l(field.label)}</span>
                <span className="muted small">{typeName(t, field.type)}</span>
                {state(field.key)}
                <span className="spacer" />
                <button type="button" className="icon" data-testid="restore-field" onClick={() => onChange(restoreField(draft, field.key))}>
                  {t('designer.restore')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
