import { useState } from 'react';
import { FORMULA_RESULT_TYPES, type FormulaResultType, type JsonLogic, type ModuleDefinition, type ModuleField } from '../../../engine/definition/module-definition.types';
import { useI18n } from '../i18n/i18n';
import { typeName } from './diff-words';
import { numberOrUndefined, withMember } from './field-members';
import { PicklistEditor } from './PicklistEditor';
import { SubtableColumnsEditor } from './SubtableColumnsEditor';

const CURRENCIES = ['COP', 'USD', 'MXN', 'PEN', 'CLP', 'ARS', 'BRL', 'GTQ', 'DOP', 'EUR'];

interface Props {
  field: ModuleField;
  /** The field as stored, when it is: its picklist keys are already in records. */
  stored?: ModuleField;
  modules: ModuleDefinition[];
  onChange(field: ModuleField): void;
}

/** The options of each field type: decimals, currency, picklist, lookup target, files, autonumber, formula, sub-table columns. */
export function TypeOptionsEditor({ field, stored, modules, onChange }: Props) {
  const { t, l } = useI18n();
  const member = (name: string, value: unknown) => onChange(withMember(field, name, value));
  const number = (name: string, label: string, value: number | undefined, extra: { min?: number; max?: number } = {}) => (
    <label key={name}>
      {label}
      <input type="number" name={name} value={value ?? ''} min={extra.min} max={extra.max} onChange={(e) => member(name, numberOrUndefined(e.target.value))} />
    </label>
  );
  const currencySelect = (value: string | undefined, required: boolean) => (
    <label>
      {t('field.currency')}
      <select name="currency" value={value ?? ''} onChange={(e) => member('currency', e.target.value || undefined)}>
        {!required && <option value="">—</option>}
        {CURRENCIES.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  switch (field.type) {
    case 'text':
    case 'longText':
      return <div className="type-options">{number('maxLength', t('field.maxLength'), field.maxLength, { min: 1 })}</div>;
    case 'integer':
      return (
        <div className="type-options">
          {number('min', t('field.min'), field.min)}
          {number('max', t('field.max'), field.max)}
        </div>
      );
    case 'decimal':
    case 'percent':
      return (
        <div className="type-options">
          {number('scale', t('field.scale'), field.scale, { min: 0, max: 10 })}
          {number('min', t('field.min'), field.min)}
          {number('max', t('field.max'), field.max)}
        </div>
      );
    case 'currency':
      return (
        <div className="type-options">
          {currencySelect(field.currency, true)}
          {number('scale', t('field.scale'), field.scale, { min: 0, max: 10 })}
          {number('min', t('field.min'), field.min)}
          {number('max', t('field.max'), field.max)}
        </div>
      );
    case 'select':
    case 'multiSelect': {
      const storedKeys = new Set(stored && 'options' in stored ? stored.options.map((o) => o.key) : []);
      return (
        <div className="type-options wide">
          <PicklistEditor options={field.options} storedKeys={storedKeys} onChange={(options) => onChange({ ...field, options })} />
          {field.type === 'multiSelect' && number('maxItems', t('field.maxItems'), field.maxItems, { min: 1 })}
        </div>
      );
    }
    case 'lookup':
      return (
        <div className="type-options">
          <label>
            {t('field.target')}
            <select name="target" value={field.target} onChange={(e) => onChange({ ...field, target: e.target.value })}>
              {!modules.some((m) => m.key === field.target) && <option value={field.target}>{field.target}</option>}
              {modules.map((m) => (
                <option key={m.key} value={m.key}>
                  {l(m.names.plural)}
                </option>
              ))}
            </select>
          </label>
        </div>
      );
    case 'file':
      return (
        <div className="type-options">
          <label>
            {t('field.accept')}
            <input
              name="accept"
              defaultValue={field.accept.join(', ')}
              onBlur={(e) => {
                const accept = e.target.value
                  .split(',')
                  .map((x) => x.trim().replace(/^\./, '').toLowerCase())
                  .filter(Boolean);
                if (accept.length) onChange({ ...field, accept: [...new Set(accept)] });
              }}
            />
          </label>
          {number('maxSizeMb', t('field.maxSizeMb'), field.maxSizeMb, { min: 1, max: 1024 })}
          {number('maxFiles', t('field.maxFiles'), field.maxFiles, { min: 1, max: 100 })}
        </div>
      );
    case 'autonumber':
      return (
        <div className="type-options">
          <label>
            {t('field.prefix')}
            <input name="prefix" value={field.prefix} onChange={(e) => onChange({ ...field, prefix: e.target.value })} />
          </label>
          {number('start', t('field.start'), field.start, { min: 0 })}
        </div>
      );
    case 'formula':
      return (
        <div className="type-options wide">
          <FormulaInput key={field.key} formula={field.formula} onChange={(formula) => onChange({ ...field, formula })} />
          <label>
            {t('field.resultType')}
            <select name="resultType" value={field.resultType} onChange={(e) => onChange({ ...field, resultType: e.target.value as FormulaResultType })}>
              {FORMULA_RESULT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeName(t, type)}
                </option>
              ))}
            </select>
          </label>
          {['decimal', 'currency', 'percent'].includes(field.resultType) && number('scale', t('field.scale'), field.scale, { min: 0, max: 10 })}
          {field.resultType === 'currency' && currencySelect(field.currency, false)}
        </div>
      );
    case 'subtable':
      return (
        <div className="type-options wide">
          <SubtableColumnsEditor field={field} stored={stored?.type === 'subtable' ? stored : undefined} modules={modules} onChange={onChange} />
          {number('maxRows', t('field.maxRows'), field.maxRows, { min: 1, max: 10000 })}
        </div>
      );
    default:
      return null;
  }
}

/** A formula is JsonLogic: edited as text, taken only once it parses. */
function FormulaInput({ formula, onChange }: { formula: JsonLogic; onChange(formula: JsonLogic): void }) {
  const { t } = useI18n();
  const [text, setText] = useState(() => JSON.stringify(formula, null, 1));
  const [bad, setBad] = useState(false);
  return (
    <label>
      {t('field.formula')}
      <textarea
        name="formula"
        rows={4}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value) as JsonLogic);
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className="error small">{t('field.formulaInvalid')}</span>}
    </label>
  );
}
