import { useState } from 'react';
import type { ModuleDefinition, ModuleSection } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import { updateSections } from './definition-edits';
import { toKey, uniqueKey } from './keys';

interface Props {
  draft: ModuleDefinition;
  onChange(next: ModuleDefinition): void;
}

/** Groups the form into sections: names in both languages, columns, order of sections and of their fields. */
export function SectionsEditor({ draft, onChange }: Props) {
  const { t, l } = useI18n();
  const [label, setLabel] = useState('');
  const sections = draft.sections ?? [];
  const labelOf = (key: string) => {
    const field = draft.fields.find((f) => f.key === key);
    return field ? l(field.label) : key;
  };
  const save = (next: ModuleSection[]) => onChange(updateSections(draft, next));
  const setSection = (index: number, section: ModuleSection) => save(sections.map((s, i) => (i === index ? section : s)));
  const swap = <T,>(list: T[], i: number, j: number): T[] => {
    if (j < 0 || j >= list.length) return list;
    const next = [...list];
    [next[i], next[j]] = [next[j], next[i]];
    return next;
  };
  const placed = new Set(sections.flatMap((s) => s.fields));
  const loose = draft.fields.filter((f) => !f.archived && !placed.has(f.key));

  return (
    <div className="sections-editor" data-testid="sections-editor">
      <h2>{t('sections.title')}</h2>
      {sections.length === 0 && <p className="muted">{t('sections.empty')}</p>}
      {sections.map((section, index) => (
        <fieldset key={section.key} className="panel section-card" data-section={section.key}>
          <div className="filter-condition">
            <input
              aria-label={`${t('field.label')} (${t('module.es')})`}
              value={section.label.es}
              onChange={(e) => setSection(index, { ...section, label: { ...section.label, es: e.target.value } })}
            />
            <input
              aria-label={`${t('field.label')} (${t('module.en')})`}
              value={section.label.en}
              onChange={(e) => setSection(index, { ...section, label: { ...section.label, en: e.target.value } })}
            />
            <label>
              {t('sections.columns')}{' '}
              <select value={section.columns ?? 2} onChange={(e) => setSection(index, { ...section, columns: Number(e.target.value) as 1 | 2 | 3 })}>
                {[1, 2, 3].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <span className="spacer" />
            <button type="button" className="icon" aria-label={t('designer.up')} onClick={() => save(swap(sections, index, index - 1))}>
              ↑
            </button>
            <button type="button" className="icon" aria-label={t('designer.down')} onClick={() => save(swap(sections, index, index + 1))}>
              ↓
            </button>
            <button type="button" className="link" onClick={() => save(sections.filter((_, i) => i !== index))}>
              {t('sections.remove')}
            </button>
          </div>
          {section.fields.length === 0 && <p className="muted small">{t('sections.noFields')}</p>}
          <ol>
            {section.fields.map((key, j) => (
              <li key={key}>
                {labelOf(key)}
                <button type="button" className="icon" aria-label={t('designer.up')} onClick={() => setSection(index, { ...section, fields: swap(section.fields, j, j - 1) })}>
                  ↑
                </button>
                <button type="button" className="icon" aria-label={t('designer.down')} onClick={() => setSection(index, { ...section, fields: swap(section.fields, j, j + 1) })}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
        </fieldset>
      ))}
      {loose.length > 0 && sections.length > 0 && <p className="muted">{t('sections.unassigned', { fields: loose.map((f) => l(f.label)).join(', ') })}</p>}
      <form
        className="add-field"
        onSubmit={(e) => {
          e.preventDefault();
          if (!label.trim()) return;
          const key = uniqueKey(
            toKey(label),
            sections.map((s) => s.key),
          );
          // The first section takes every field, so the form keeps showing them all.
          const fields = sections.length === 0 ? draft.fields.filter((f) => !f.archived).map((f) => f.key) : [];
          save([...sections, { key, label: { es: label.trim(), en: label.trim() }, fields, columns: 2 }]);
          setLabel('');
        }}
      >
        <input name="sectionLabel" aria-label={t('sections.newLabel')} placeholder={t('sections.newLabel')} value={label} onChange={(e) => setLabel(e.target.value)} />
        <button type="submit" disabled={!label.trim()}>
          {t('sections.add')}
        </button>
      </form>
    </div>
  );
}
