import type { Dispatch } from 'react';
import type { DateOrder } from '@crm/engine';
import type { ImportDelimiter, ImportEncoding, ImportPreview, ImportValueOptions } from '../api/imports.api';
import type { MessageKey } from '../i18n/es';
import { useI18n } from '../i18n/i18n';
import type { SourceChoice, WizardAction } from './import-wizard.state';

const ENCODINGS: { value: ImportEncoding; label: MessageKey }[] = [
  { value: 'utf-8', label: 'imports.encoding.utf8' },
  { value: 'windows-1252', label: 'imports.encoding.windows1252' },
];
const DELIMITERS: { value: ImportDelimiter; label: MessageKey }[] = [
  { value: ';', label: 'imports.delimiter.semicolon' },
  { value: ',', label: 'imports.delimiter.comma' },
  { value: '\t', label: 'imports.delimiter.tab' },
  { value: '|', label: 'imports.delimiter.pipe' },
];
const DATE_ORDERS: DateOrder[] = ['dmy', 'mdy', 'ymd'];
const DECIMAL_MARKS: { value: ImportValueOptions['decimalMark']; label: MessageKey }[] = [
  { value: ',', label: 'imports.decimalMark.comma' },
  { value: '.', label: 'imports.decimalMark.point' },
];
const LIST_SEPARATORS = [';', ',', '|', '/'];

interface Props {
  preview: ImportPreview;
  /** What the admin chose; the rest is the server's detection, and says so. */
  source: SourceChoice;
  options: ImportValueOptions;
  dispatch: Dispatch<WizardAction>;
}

/** Step 3: how the file and its cells are read. Every choice starts as the server detected it; changing one asks the preview again. */
export function ValuesStep({ preview, source, options, dispatch }: Props) {
  const { t } = useI18n();
  const shown = (label: string, detected: boolean) => (detected ? t('imports.values.detected', { value: label }) : label);
  const csv = preview.file.format === 'csv';
  const separators = LIST_SEPARATORS.includes(options.listSeparator) ? LIST_SEPARATORS : [options.listSeparator, ...LIST_SEPARATORS];
  return (
    <div className="import-values" data-testid="import-values">
      <fieldset>
        <legend>{t('imports.values.file')}</legend>
        {csv && (
          <>
            <label>
              {t('imports.values.encoding')}
              <select value={preview.encoding ?? ''} data-testid="values-encoding" onChange={(e) => dispatch({ type: 'source', choice: { encoding: e.target.value as ImportEncoding } })}>
                {ENCODINGS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {shown(t(o.label), o.value === preview.encoding && !source.encoding)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('imports.values.delimiter')}
              <select value={preview.delimiter ?? ''} data-testid="values-delimiter" onChange={(e) => dispatch({ type: 'source', choice: { delimiter: e.target.value as ImportDelimiter } })}>
                {DELIMITERS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {shown(t(o.label), o.value === preview.delimiter && !source.delimiter)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {!csv && preview.sheets.length > 0 && (
          <label>
            {t('imports.values.sheet')}
            <select value={preview.sheet ?? ''} data-testid="values-sheet" onChange={(e) => dispatch({ type: 'source', choice: { sheet: e.target.value } })}>
              {preview.sheets.map((sheet) => (
                <option key={sheet} value={sheet}>
                  {sheet}
                </option>
              ))}
            </select>
          </label>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('imports.values.cells')}</legend>
        <label>
          {t('imports.values.dateOrder')}
          <select value={options.dateOrder} data-testid="values-date-order" onChange={(e) => dispatch({ type: 'options', options: { dateOrder: e.target.value as DateOrder } })}>
            {DATE_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(`imports.dateOrder.${order}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imports.values.decimalMark')}
          <select
            value={options.decimalMark}
            data-testid="values-decimal-mark"
            onChange={(e) => dispatch({ type: 'options', options: { decimalMark: e.target.value as ImportValueOptions['decimalMark'] } })}
          >
            {DECIMAL_MARKS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.label)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('imports.values.listSeparator')}
          <select value={options.listSeparator} data-testid="values-list-separator" onChange={(e) => dispatch({ type: 'options', options: { listSeparator: e.target.value } })}>
            {separators.map((separator) => (
              <option key={separator} value={separator}>
                {separator}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </div>
  );
}
