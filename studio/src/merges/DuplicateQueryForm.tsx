import { useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import type { DuplicateMode, DuplicateQuery } from '../api/merges.api';
import { useI18n } from '../i18n/i18n';
import { duplicateQuery, GROUPABLE_TYPES } from './merge-choices';

const TEXT_TYPES = ['text', 'longText'];

/** The query of the duplicates screen: the fields compared (documents by their digits), exact or normalised, and the created / modified days. */
export function DuplicateQueryForm({ definition, busy, onSearch }: { definition: ModuleDefinition; busy: boolean; onSearch(query: DuplicateQuery): void }) {
  const { t, l } = useI18n();
  const [fields, setFields] = useState<string[]>([]);
  const [digits, setDigits] = useState<string[]>([]);
  const [mode, setMode] = useState<DuplicateMode>('normalised');
  const [created, setCreated] = useState<[string, string]>(['', '']);
  const [modified, setModified] = useState<[string, string]>(['', '']);
  const candidates = definition.fields.filter((f) => !f.archived && GROUPABLE_TYPES.includes(f.type));
  const toggle = (list: string[], key: string) => (list.includes(key) ? list.filter((k) => k !== key) : [...list, key]);
  const dates = (name: 'created' | 'modified', value: [string, string], set: (v: [string, string]) => void) => (
    <fieldset className="dates" data-testid={`dup-${name}`}>
      <legend>{t(`merges.${name}`)}</legend>
      <label>
        {t('merges.from')}
        <input type="date" value={value[0]} onChange={(e) => set([e.target.value, value[1]])} data-testid={`dup-${name}-from`} />
      </label>
      <label>
        {t('merges.to')}
        <input type="date" value={value[1]} onChange={(e) => set([value[0], e.target.value])} data-testid={`dup-${name}-to`} />
      </label>
    </fieldset>
  );
  return (
    <form
      className="panel merge-query"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(duplicateQuery(fields, mode, digits, created, modified));
      }}
    >
      <fieldset data-testid="dup-fields">
        <legend>{t('merges.fields')}</legend>
        {candidates.map((field) => (
          <span key={field.key} className="field-choice">
            <label>
              <input type="checkbox" checked={fields.includes(field.key)} onChange={() => setFields(toggle(fields, field.key))} data-testid={`dup-field-${field.key}`} /> {l(field.label)}
            </label>
            {mode === 'normalised' && TEXT_TYPES.includes(field.type) && fields.includes(field.key) && (
              <label className="digits">
                (<input type="checkbox" checked={digits.includes(field.key)} onChange={() => setDigits(toggle(digits, field.key))} data-testid={`dup-digits-${field.key}`} />
                {t('merges.digitsOnly')})
              </label>
            )}
          </span>
        ))}
        <p className="muted">{t('merges.fieldsHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('merges.mode')}</legend>
        <select value={mode} onChange={(e) => setMode(e.target.value as DuplicateMode)} data-testid="dup-mode">
          <option value="normalised">{t('merges.mode.normalised')}</option>
          <option value="exact">{t('merges.mode.exact')}</option>
        </select>
      </fieldset>
      {dates('created', created, setCreated)}
      {dates('modified', modified, setModified)}
      <button type="submit" className="primary" disabled={busy || fields.length === 0} data-testid="dup-search">
        {busy ? t('merges.searching') : t('merges.search')}
      </button>
    </form>
  );
}
