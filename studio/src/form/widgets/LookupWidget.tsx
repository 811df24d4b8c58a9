import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useRef, useState } from 'react';
import { recordsApi } from '../../api/records.api';
import type { ApiRecord } from '../../api/types';
import { recordTitle } from '../../definition/field-display';
import { useI18n } from '../../i18n/i18n';
import { LookupCreateDialog } from './LookupCreateDialog';
import type { StudioFormContext } from '../form-context';

/** A relation to a record of another module: type to search (the target's quick search), pick one, store its id. */
export function LookupWidget({ id, value, onChange, disabled, readonly, options, registry }: WidgetProps) {
  const context = registry.formContext as StudioFormContext;
  const target = context.definitions.get(String(options.target));
  const [text, setText] = useState('');
  const [title, setTitle] = useState<string | null>(null);
  const [results, setResults] = useState<ApiRecord[]>([]);
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const { t } = useI18n();

  // The stored id becomes the target's title once, when the form opens.
  useEffect(() => {
    if (!value || !target) {
      setTitle(null);
      return;
    }
    let live = true;
    recordsApi.get(target.key, String(value)).then(
      (record) => live && setTitle(recordTitle(target, record)),
      () => live && setTitle(String(value)),
    );
    return () => {
      live = false;
    };
  }, [value, target]);

  const search = (q: string) => {
    setText(q);
    if (timer.current) clearTimeout(timer.current);
    if (!target || q.trim().length === 0) {
      setResults([]);
      return;
    }
    // Waits for a pause in typing so each keystroke does not cost a request.
    timer.current = setTimeout(() => {
      recordsApi.search(target.key, q.trim(), 8).then(
        (page) => {
          setResults(page.items);
          setOpen(true);
        },
        () => setResults([]),
      );
    }, 250);
  };

  if (!target) return <input id={id} value={value ?? ''} readOnly />;
  if (value) {
    return (
      <span className="lookup-chosen" id={id}>
        <span className="chip">{title ?? '…'}</span>
        {!disabled && !readonly && (
          <button type="button" className="link" onClick={() => onChange(undefined)}>
            {t('lookup.clear')}
          </button>
        )}
      </span>
    );
  }
  // The first text field of the target takes what was typed, so "Crear" starts from the search.
  const firstText = target.fields.find((f) => f.type === 'text' && !f.archived);
  return (
    <span className="lookup">
      <input
        id={id}
        type="search"
        value={text}
        placeholder={t('lookup.placeholder')}
        disabled={disabled || readonly}
        onChange={(e) => search(e.target.value)}
        onFocus={() => setOpen(results.length > 0)}
        onBlur={() => setTimeout(() => setOpen(false), 200)}
        autoComplete="off"
        role="combobox"
        aria-expanded={open}
      />
      {open && (
        <ul className="lookup-results" role="listbox">
          {results.length === 0 && <li className="muted">{t('lookup.none')}</li>}
          {results.map((r) => (
            <li
              key={r.id}
              role="option"
              aria-selected={false}
              onMouseDown={(e) => {
                e.preventDefault();
                setTitle(recordTitle(target, r));
                onChange(r.id);
                setOpen(false);
                setText('');
              }}
            >
              {recordTitle(target, r)}
            </li>
          ))}
          <li
            className="create"
            role="option"
            aria-selected={false}
            onMouseDown={(e) => {
              e.preventDefault();
              setOpen(false);
              setCreating(true);
            }}
          >
            + {t('lookup.create')}
          </li>
        </ul>
      )}
      {creating && (
        <LookupCreateDialog
          target={target}
          initial={firstText && text.trim() ? { [firstText.key]: text.trim() } : {}}
          RecordForm={context.RecordForm}
          onClose={() => setCreating(false)}
          onCreated={(record) => {
            setCreating(false);
            setTitle(recordTitle(target, record));
            setText('');
            onChange(record.id);
          }}
        />
      )}
    </span>
  );
}
