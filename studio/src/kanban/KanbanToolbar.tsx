import { useState } from 'react';
import type { ModuleDefinition, SelectField } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { QUICK_FILTERS, type QuickFilter } from './quick-filters';
import type { KanbanView } from '../api/views.api';

interface Props {
  definition: ModuleDefinition;
  picklists: SelectField[];
  groupBy: string;
  onGroupBy(key: string): void;
  quick: QuickFilter | null;
  onQuick(key: QuickFilter | null): void;
  cardFields: string[];
  onCardFields(keys: string[]): void;
  views: KanbanView[];
  onApplyView(view: KanbanView): void;
  onSaveView(name: string, category: string): void;
}

/** Grouping, quick filters, card fields and saved views of a board. */
export function KanbanToolbar(props: Props) {
  const { t, l } = useI18n();
  const [fieldsOpen, setFieldsOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [category, setCategory] = useState('');
  const shownCandidates = props.definition.fields.filter((f) => !f.archived && f.type !== 'subtable' && f.type !== 'longText' && f.type !== 'file');
  return (
    <div className="toolbar kanban-toolbar">
      <label className="inline">
        {t('kanban.groupBy')}{' '}
        <select value={props.groupBy} onChange={(e) => props.onGroupBy(e.target.value)} data-testid="group-by">
          {props.picklists.map((f) => (
            <option key={f.key} value={f.key}>
              {l(f.label)}
            </option>
          ))}
        </select>
      </label>
      <span className="quick-filters" role="group" aria-label={t('kanban.quick')}>
        {QUICK_FILTERS.map((key) => (
          <button
            key={key}
            type="button"
            className={props.quick === key ? 'on' : undefined}
            aria-pressed={props.quick === key}
            onClick={() => props.onQuick(props.quick === key ? null : key)}
            data-quick={key}
          >
            {t(`kanban.quick.${key}` as MessageKey)}
          </button>
        ))}
      </span>
      <div className="dropdown">
        <button type="button" onClick={() => setFieldsOpen(!fieldsOpen)} aria-expanded={fieldsOpen}>
          {t('kanban.cardFields')} ▾
        </button>
        {fieldsOpen && (
          <div className="dropdown-panel">
            {shownCandidates.map((f) => (
              <label key={f.key} className="check">
                <input
                  type="checkbox"
                  checked={props.cardFields.includes(f.key)}
                  onChange={(e) => props.onCardFields(e.target.checked ? [...props.cardFields, f.key] : props.cardFields.filter((k) => k !== f.key))}
                />
                {l(f.label)}
              </label>
            ))}
          </div>
        )}
      </div>
      {props.views.length > 0 && (
        <select
          aria-label={t('kanban.views')}
          value=""
          onChange={(e) => {
            const view = props.views.find((v) => v.name === e.target.value);
            if (view) props.onApplyView(view);
          }}
          data-testid="saved-views"
        >
          <option value="">{t('kanban.views')}…</option>
          {props.views.map((v) => (
            <option key={v.name} value={v.name}>
              {v.category ? `${v.category} · ${v.name}` : v.name}
            </option>
          ))}
        </select>
      )}
      {saving ? (
        <form
          className="inline-save"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            props.onSaveView(name.trim(), category.trim());
            setSaving(false);
            setName('');
            setCategory('');
          }}
        >
          <input aria-label={t('kanban.viewName')} placeholder={t('kanban.viewName')} value={name} onChange={(e) => setName(e.target.value)} required />
          <input aria-label={t('kanban.viewCategory')} placeholder={t('kanban.viewCategory')} value={category} onChange={(e) => setCategory(e.target.value)} />
          <button type="submit" className="primary">
            {t('record.save')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setSaving(true)} data-testid="save-view">
          {t('kanban.saveView')}
        </button>
      )}
    </div>
  );
}
