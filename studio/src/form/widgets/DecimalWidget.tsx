import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';
import { fieldTypeOf } from '@crm/engine';
import type { ModuleField } from '../../api/types';
import type { StudioFormContext } from '../form-context';

/**
 * The amount as the form holds it: what the field's type reads from the text
 * ("1.234.567,50", "1,234,567.50", "$ 1234,5" → "1234567.50"-style decimal
 * strings the API stores exactly), in the agent's language. Text it cannot
 * read stays as typed, so the form's validator says what is wrong with it.
 */
export function amountValue(field: ModuleField, text: string, lang: StudioFormContext['lang']): string | undefined {
  const read = fieldTypeOf(field).parse(field, text, { lang });
  if (!read.ok) return text.trim();
  return read.value === null ? undefined : String(read.value);
}

/**
 * Currency, percent and decimal amounts, typed as text in the agent's own
 * convention; the currency code or % sits beside the box. While the box has
 * the focus it shows what was typed; the form holds the normalised value.
 */
export function DecimalWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, required, options, registry }: WidgetProps) {
  const [typing, setTyping] = useState<string | null>(null);
  const field = options.amountField as ModuleField;
  const lang = (registry.formContext as StudioFormContext).lang;
  const suffix = field.type === 'percent' ? '%' : field.type === 'currency' ? field.currency : '';
  return (
    <span className={`amount amount-${field.type}`}>
      <input
        id={id}
        name={id}
        type="text"
        inputMode="decimal"
        value={typing ?? value ?? ''}
        required={required}
        disabled={disabled}
        readOnly={readonly}
        onChange={(e) => {
          setTyping(e.target.value);
          onChange(amountValue(field, e.target.value, lang));
        }}
        onBlur={(e) => {
          setTyping(null);
          onBlur(id, e.target.value);
        }}
        onFocus={(e) => {
          setTyping(e.target.value);
          onFocus(id, e.target.value);
        }}
      />
      {suffix && <span className="suffix">{suffix}</span>}
    </span>
  );
}
