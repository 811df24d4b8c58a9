import { type FilterOperator, operatorsFor, valueKind } from '@crm/engine';
import type { ModuleDefinition, ModuleField } from '../api/types';
import { activeFields } from '../definition/field-display';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { type ConditionDraft, emptyGroup, type FilterDraft, type GroupDraft, newId } from './filter-model';

interface Props {
  definition: ModuleDefinition;
  value: GroupDraft;
  onChange(next: GroupDraft): void;
  onApply(): void;
  onClear(): void;
}

/** Fields a filter can use: everything with operators beyond empty / not empty, plus those. */
const filterable = (definition: ModuleDefinition) => activeFields(definition).filter((f) => f.type !== 'subtable' && f.type !== 'file');

/** AND / OR groups of conditions; the operators offered follow the field's type (engine field-type registry). */
export function FilterBuilder({ definition, value, onChange, onApply, onClear }: Props) {
  const { t } = useI18n();
  return (
    <div className="filter-builder" data-testid="filter-builder">
      <GroupEditor definition={definition} group={value} onChange={onChange} root />
      <div className="row-actions">
        <button type="button" className="primary" onClick={onApply}>
          {t('filter.apply')}
        </button>
        <button type="button" onClick={onClear}>
          {t('filter.clear')}
        </button>
      </div>
    </div>
  );
}

function GroupEditor({ definition, group, onChange, onRemove, root }: { definition: ModuleDefinition; group: GroupDraft; onChange(g: GroupDraft): void; onRemove?(): void; root?: boolean }) {
  const { t } = useI18n();
  const fields = filterable(definition);
  const replace = (index: number, child: FilterDraft | null) => {
    const children = [...group.children];
    if (child) children[index] = child;
    else children.splice(index, 1);
    onChange({ ...group, children });
  };
  const addCondition = () => {
    const field = fields[0];
    if (!field) return;
    onChange({ ...group, children: [...group.children, { kind: 'condition', id: newId(), field: field.key, op: operatorsFor(field)[0], value: '' }] });
  };
  return (
    <fieldset className={`filter-group ${root ? 'root' : ''}`}>
      <div className="group-head">
        <select aria-label={t('filter.operator')} value={group.mode} onChange={(e) => onChange({ ...group, mode: e.target.value as 'and' | 'or' })} data-testid="group-mode">
          <option value="and">{t('filter.and')}</option>
          <option value="or">{t('filter.or')}</option>
        </select>
        <button type="button" onClick={addCondition} data-testid="add-condition">
          {t('filter.addCondition')}
        </button>
        <button type="button" onClick={() => onChange({ ...group, children: [...group.children, emptyGroup('or')] })}>
          {t('filter.addGroup')}
        </button>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            {t('filter.remove')}
          </button>
        )}
      </div>
      {group.children.map((child, index) =>
        child.kind === 'group' ? (
          <GroupEditor key={child.id} definition={definition} group={child} onChange={(g) => replace(index, g)} onRemove={() => replace(index, null)} />
        ) : (
          <ConditionEditor key={child.id} fields={fields} condition={child} onChange={(c) => replace(index, c)} onRemove={() => replace(index, null)} />
        ),
      )}
    </fieldset>
  );
}

function ConditionEditor({ fields, condition, onChange, onRemove }: { fields: ModuleField[]; condition: ConditionDraft; onChange(c: ConditionDraft): void; onRemove(): void }) {
  const { t, l, locale } = useI18n();
  const found = fields.find((f) => f.key === condition.field);
  if (!found)
    return <FixedCondition condition={condition} onRemove={onRemove} label={SYSTEM_KEYS.has(condition.field) ? t(`system.${condition.field}` as MessageKey) : condition.field} locale={locale} />;
  const field = found;
  const operators = operatorsFor(field);
  return (
    <div className="filter-condition" data-testid="filter-condition">
      <select
        aria-label={t('filter.field')}
        value={condition.field}
        onChange={(e) => {
          const next = fields.find((f) => f.key === e.target.value) ?? field;
          onChange({ ...condition, field: next.key, op: operatorsFor(next)[0], value: '' });
        }}
      >
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {l(f.label)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('filter.operator')}
        value={condition.op}
        onChange={(e) => onChange({ ...condition, op: e.target.value as FilterOperator, value: e.target.value === 'between' ? ['', ''] : e.target.value === 'in' ? [] : '' })}
      >
        {operators.map((op) => (
          <option key={op} value={op}>
            {t(`op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      <ConditionValue field={field} condition={condition} onChange={(value) => onChange({ ...condition, value })} />
      <button type="button" onClick={onRemove} aria-label={t('filter.remove')}>
        ✕
      </button>
    </div>
  );
}

const SYSTEM_KEYS = new Set(['createdAt', 'updatedAt', 'version']);

/** A condition on a field the builder has no editor for (a system field, from a dashboard's click-through): shown as it is, removable. */
function FixedCondition({ condition, label, locale, onRemove }: { condition: ConditionDraft; label: string; locale: string; onRemove(): void }) {
  const { t } = useI18n();
  const shown = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value).toLocaleString(locale) : String(value ?? ''));
  return (
    <div className="filter-condition" data-testid="filter-condition">
      <span>{label}</span> <span>{t(`op.${condition.op}` as MessageKey)}</span>{' '}
      <span data-testid="condition-fixed-value">{Array.isArray(condition.value) ? condition.value.map(shown).join(' – ') : shown(condition.value)}</span>
      <button type="button" onClick={onRemove} aria-label={t('filter.remove')}>
        ✕
      </button>
    </div>
  );
}

function ConditionValue({ field, condition, onChange }: { field: ModuleField; condition: ConditionDraft; onChange(value: unknown): void }) {
  const { t, l } = useI18n();
  if (condition.op === 'empty' || condition.op === 'notEmpty') return null;
  const kind = valueKind(field);
  const inputType = kind === 'number' ? 'number' : kind === 'date' ? 'date' : kind === 'datetime' ? 'datetime-local' : 'text';
  const cast = (raw: string): unknown => (kind === 'number' && raw !== '' ? Number(raw) : kind === 'datetime' && raw ? new Date(raw).toISOString() : raw);
  const options = field.type === 'select' || field.type === 'multiSelect' ? field.options.filter((o) => !o.archived) : null;
  if (options && condition.op === 'in') {
    const chosen = Array.isArray(condition.value) ? (condition.value as string[]) : [];
    return (
      <select multiple aria-label={t('filter.value')} value={chosen} onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {l(o.label)}
          </option>
        ))}
      </select>
    );
  }
  if (options) {
    return (
      <select aria-label={t('filter.value')} value={String(condition.value ?? '')} onChange={(e) => onChange(e.target.value)} data-testid="condition-value">
        <option value="">{t('value.choose')}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {l(o.label)}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'boolean') {
    return (
      <select
        aria-label={t('filter.value')}
        value={condition.value === true ? 'true' : condition.value === false ? 'false' : ''}
        onChange={(e) => onChange(e.target.value === '' ? '' : e.target.value === 'true')}
      >
        <option value="">{t('value.choose')}</option>
        <option value="true">{t('value.yes')}</option>
        <option value="false">{t('value.no')}</option>
      </select>
    );
  }
  if (condition.op === 'between') {
    const pair = Array.isArray(condition.value) ? condition.value : ['', ''];
    return (
      <span className="between">
        <input type={inputType} aria-label={t('filter.value')} onChange={(e) => onChange([cast(e.target.value), pair[1]])} />
        <span>{t('filter.to')}</span>
        <input type={inputType} aria-label={t('filter.to')} onChange={(e) => onChange([pair[0], cast(e.target.value)])} />
      </span>
    );
  }
  if (condition.op === 'in') {
    // A comma-separated list for free values.
    return (
      <input
        type="text"
        aria-label={t('filter.value')}
        onChange={(e) =>
          onChange(
            e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
              .map(cast),
          )
        }
      />
    );
  }
  return (
    <input
      type={inputType}
      aria-label={t('filter.value')}
      value={inputType === 'datetime-local' ? undefined : String(condition.value ?? '')}
      onChange={(e) => onChange(cast(e.target.value))}
      data-testid="condition-value"
    />
  );
}
