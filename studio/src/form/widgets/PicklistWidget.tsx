import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../../i18n/i18n';

interface Choice {
  value: string;
  label: string;
}

/** A picklist shows the option labels of the chosen language and stores the option key. */
export function PicklistWidget({ id, value, onChange, onBlur, onFocus, disabled, readonly, required, options }: WidgetProps) {
  const choices = (options.choices as Choice[]) ?? [];
  const { t } = useI18n();
  return (
    <select
      id={id}
      name={id}
      value={value ?? ''}
      required={required}
      disabled={disabled || readonly}
      onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    >
      <option value="">{t('value.choose')}</option>
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
    </select>
  );
}

/** Several options: one checkbox each. */
export function MultiPicklistWidget({ id, value, onChange, disabled, readonly, options }: WidgetProps) {
  const choices = (options.choices as Choice[]) ?? [];
  const chosen: string[] = Array.isArray(value) ? value : [];
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...chosen, key] : chosen.filter((k) => k !== key);
    onChange(next.length ? next : undefined);
  };
  return (
    <div className="multi-picklist" id={id}>
      {choices.map((c) => (
        <label key={c.value} className="check">
          <input type="checkbox" checked={chosen.includes(c.value)} disabled={disabled || readonly} onChange={(e) => toggle(c.value, e.target.checked)} />
          {c.label}
        </label>
      ))}
    </div>
  );
}
