import type { WidgetProps } from '@rjsf/utils';
import { useState } from 'react';

/**
 * "1.234.567,50", "1,234,567.50" or "1234567.5" → "1234567.50"-style decimal
 * strings the API stores exactly. With both marks the last one is the decimal
 * mark; a mark repeated is a thousands separator; a single one is decimal.
 */
export function normaliseDecimal(raw: string): string | undefined {
  const text = raw.trim().replace(/[\s$%]/g, '');
  if (!text) return undefined;
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  if (commas && dots) return text.lastIndexOf(',') > text.lastIndexOf('.') ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  if (commas > 1) return text.replace(/,/g, '');
  if (dots > 1) return text.replace(/\./g, '');
  return text.replace(',', '.');
}

/**
 * Currency, percent and decimal amounts, typed as text in the agent's own
 * convention; the currency code or % sits beside the box. While the box has
 * the focus it shows what was typed; the form holds the normalised value.
 */
export function DecimalWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, required, options }: WidgetProps) {
  const [typing, setTyping] = useState<string | null>(null);
  const suffix = options.fieldType === 'percent' ? '%' : options.fieldType === 'currency' ? String(options.currency ?? '') : '';
  return (
    <span className={`amount amount-${String(options.fieldType)}`}>
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
          onChange(normaliseDecimal(e.target.value));
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
