import { Fragment, useState, type ReactNode } from 'react';
import { type DesignerOption, fieldTypeOf, FORMULA_RESULT_TYPES, type FormulaResultType, type JsonLogic, type ModuleDefinition, type ModuleField, type PicklistOption } from '@crm/engine';
import type { MessageKey } from '../i18n/es';
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
  // Required members keep what was typed, even an empty prefix or a `false` formula, for the validator to judge.
  const set = (name: string, value: unknown) => onChange({ ...field, [name]: value } as ModuleField);
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

  const shown = fieldTypeOf(field).designer.options.filter((option) => !option.when || option.when(field));
  if (shown.length === 0) return null;
  const members = field as unknown as Record<string, unknown>;
  const control = (option: DesignerOption): ReactNode => {
    const value = members[option.key];
    switch (option.input) {
      case 'number':
        return number(option.key, t(`field.${option.key}` as MessageKey), value as number | undefined, option);
      case 'currency':
        return <Fragment key={option.key}>{currencySelect(value as string | undefined, option.required === true)}</Fragment>;
      case 'options': {
        const storedKeys = new Set(stored && 'options' in stored ? stored.options.map((o) => o.key) : []);
        return <PicklistEditor key={option.key} options={value as PicklistOption[]} storedKeys={storedKeys} onChange={(options) => set('options', options)} />;
      }
      case 'module':
        return (
          <label key={option.key}>
            {t('field.target')}
            <select name="target" value={String(value)} onChange={(e) => set('target', e.target.value)}>
              {!modules.some((m) => m.key === value) && <option value={String(value)}>{String(value)}</option>}
              {modules.map((m) => (
                <option key={m.key} value={m.key}>
                  {l(m.names.plural)}
                </option>
              ))}
            </select>
          </label>
        );
      case 'extensions':
        return (
          <label key={option.key}>
            {t('field.accept')}
            <input
              name="accept"
              defaultValue={(value as string[]).join(', ')}
              onBlur={(e) => {
                const accept = e.target.value
                  .split(',')
                  .map((x) => x.trim().replace(/^\./, '').toLowerCase())
                  .filter(Boolean);
                if (accept.length) set('accept', [...new Set(accept)]);
              }}
            />
          </label>
        );
      case 'text':
        return (
          <label key={option.key}>
            {t(`field.${option.key}` as MessageKey)}
            <input name={option.key} value={String(value ?? '')} onChange={(e) => set(option.key, e.target.value)} />
          </label>
        );
      case 'logic':
        return <FormulaInput key={`${field.key}-${option.key}`} formula={value as JsonLogic} onChange={(formula) => set(option.key, formula)} />;
      case 'resultType':
        return (
          <label key={option.key}>
            {t('field.resultType')}
            <select name="resultType" value={String(value)} onChange={(e) => set('resultType', e.target.value as FormulaResultType)}>
              {FORMULA_RESULT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {typeName(t, type)}
                </option>
              ))}
            </select>
          </label>
        );
      case 'columns':
        return field.type === 'subtable' ? (
          <SubtableColumnsEditor key={option.key} field={field} stored={stored?.type === 'subtable' ? stored : undefined} modules={modules} onChange={onChange} ColumnOptions={TypeOptionsEditor} />
        ) : null;
    }
  };
  // Lists, formulas and columns need the width of the editor.
  const wide = shown.some((option) => option.input === 'options' || option.input === 'logic' || option.input === 'columns');
  return <div className={wide ? 'type-options wide' : 'type-options'}>{shown.map(control)}</div>;
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
