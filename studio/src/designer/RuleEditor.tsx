import { type FieldConditions, type JsonLogic, type ModuleField, valueKind } from '@crm/engine';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';
import { buildRule, needsValue, parseRule, RULE_OPERATORS, type RuleModel, type RuleOperator, type RuleRow, type RuleValue } from './rule-model';

const KINDS: { kind: keyof FieldConditions; label: MessageKey }[] = [
  { kind: 'required', label: 'rule.required' },
  { kind: 'visible', label: 'rule.visible' },
  { kind: 'readOnly', label: 'rule.readOnly' },
];

interface Props {
  field: ModuleField;
  /** The fields a condition may look at: the module's other active fields. */
  fields: ModuleField[];
  onChange(conditions: FieldConditions | undefined): void;
}

/** Required / visible / read-only conditions as rows of field, operator and value (JsonLogic underneath, never shown raw). */
export function RuleEditor({ field, fields, onChange }: Props) {
  const { t } = useI18n();
  const set = (kind: keyof FieldConditions, logic: JsonLogic | undefined) => {
    const next: FieldConditions = { ...field.conditions };
    if (logic === undefined) delete next[kind];
    else next[kind] = logic;
    onChange(Object.keys(next).length ? next : undefined);
  };
  return (
    <fieldset className="rule-editor" data-testid="rule-editor">
      <legend>{t('rule.title')}</legend>
      {KINDS.map(({ kind, label }) => (
        <ConditionEditor key={kind} kind={kind} title={t(label)} logic={field.conditions?.[kind]} fields={fields} onChange={(logic) => set(kind, logic)} />
      ))}
    </fieldset>
  );
}

function ConditionEditor(props: { kind: string; title: string; logic: JsonLogic | undefined; fields: ModuleField[]; onChange(logic: JsonLogic | undefined): void }) {
  const { t } = useI18n();
  const { kind, title, logic, fields, onChange } = props;
  const model = parseRule(logic);
  if (!model) {
    return (
      <div className="condition" data-condition={kind}>
        <strong>{title}</strong>
        <p className="muted small">{t('rule.advanced')}</p>
        <button type="button" onClick={() => onChange(undefined)}>
          {t('rule.replace')}
        </button>
      </div>
    );
  }
  const update = (next: RuleModel) => onChange(buildRule(next));
  const setRow = (index: number, row: RuleRow) => update({ ...model, rows: model.rows.map((r, i) => (i === index ? row : r)) });
  return (
    <div className="condition" data-condition={kind}>
      <div className="group-head">
        <strong>{title}</strong>
        {model.rows.length === 0 && <span className="muted small">{t('rule.always')}</span>}
        {model.rows.length > 1 && (
          <select aria-label={title} value={model.join} onChange={(e) => update({ ...model, join: e.target.value as 'and' | 'or' })} data-testid="rule-join">
            <option value="and">{t('rule.and')}</option>
            <option value="or">{t('rule.or')}</option>
          </select>
        )}
      </div>
      {model.rows.map((row, index) => (
        <ConditionRow key={index} row={row} fields={fields} onChange={(next) => setRow(index, next)} onRemove={() => update({ ...model, rows: model.rows.filter((_, i) => i !== index) })} />
      ))}
      <button
        type="button"
        className="link"
        data-testid="add-condition"
        disabled={fields.length === 0}
        onClick={() => update({ ...model, rows: [...model.rows, { field: fields[0]?.key ?? '', op: 'eq', value: defaultValue(fields[0]) }] })}
      >
        + {t('rule.addCondition')}
      </button>
    </div>
  );
}

function defaultValue(field: ModuleField | undefined): RuleValue {
  if (!field) return '';
  if (field.type === 'boolean') return true;
  if ('options' in field) return field.options[0]?.key ?? '';
  return '';
}

/** Typed as the field stores it: numbers stay numbers, so `==` compares like the record does. */
function typed(field: ModuleField | undefined, text: string): RuleValue {
  if (field && valueKind(field) === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
  return text;
}

function ConditionRow({ row, fields, onChange, onRemove }: { row: RuleRow; fields: ModuleField[]; onChange(row: RuleRow): void; onRemove(): void }) {
  const { t, l } = useI18n();
  const field = fields.find((f) => f.key === row.field);
  const options = field && 'options' in field ? field.options.filter((o) => !o.archived) : null;
  const single = Array.isArray(row.value) ? row.value[0] : row.value;

  let input = null;
  if (needsValue(row.op)) {
    if (row.op === 'in') {
      const list = Array.isArray(row.value) ? row.value : row.value === undefined ? [] : [row.value];
      input = options ? (
        <select multiple aria-label={t('filter.value')} value={list.map(String)} onChange={(e) => onChange({ ...row, value: [...e.target.selectedOptions].map((o) => o.value) })}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {l(o.label)}
            </option>
          ))}
        </select>
      ) : (
        <input
          aria-label={t('filter.value')}
          placeholder={t('rule.valuesHint')}
          value={list.join(', ')}
          onChange={(e) =>
            onChange({
              ...row,
              value: e.target.value
                .split(',')
                .map((v) => typed(field, v.trim()))
                .filter((v) => v !== ''),
            })
          }
        />
      );
    } else if (options) {
      input = (
        <select aria-label={t('filter.value')} value={String(single ?? '')} onChange={(e) => onChange({ ...row, value: e.target.value })}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {l(o.label)}
            </option>
          ))}
        </select>
      );
    } else if (field?.type === 'boolean') {
      input = (
        <select aria-label={t('filter.value')} value={String(single === true)} onChange={(e) => onChange({ ...row, value: e.target.value === 'true' })}>
          <option value="true">{t('value.yes')}</option>
          <option value="false">{t('value.no')}</option>
        </select>
      );
    } else {
      input = <input aria-label={t('filter.value')} value={String(single ?? '')} onChange={(e) => onChange({ ...row, value: typed(field, e.target.value) })} />;
    }
  }

  return (
    <div className="filter-condition" data-testid="condition-row">
      <select aria-label={t('filter.field')} value={row.field} onChange={(e) => onChange({ field: e.target.value, op: row.op, value: defaultValue(fields.find((f) => f.key === e.target.value)) })}>
        {!field && <option value={row.field}>{row.field}</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {l(f.label)}
          </option>
        ))}
      </select>
      <select aria-label={t('filter.operator')} value={row.op} onChange={(e) => onChange({ ...row, op: e.target.value as RuleOperator })}>
        {RULE_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {t(`rule.op.${op}` as MessageKey)}
          </option>
        ))}
      </select>
      {input}
      <button type="button" className="link" onClick={onRemove}>
        {t('rule.remove')}
      </button>
    </div>
  );
}
