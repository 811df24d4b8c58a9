import type { FieldProps } from '@rjsf/utils';
import { useRef, useState } from 'react';
import type { ApiFailure } from '../../api/api-error';
import { downloadFile, type FileRef, uploadFile } from '../../api/files.api';
import type { FileField } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { StudioFormContext } from '../form-context';

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/**
 * A `file` field: uploads each chosen file at once (the server checks type and
 * size against the definition and answers a reference), lists the references
 * with download links and lets the agent remove them. A custom field, not a
 * widget, because the value is an array of objects.
 */
export function FileWidget({ fieldPathId, formData, onChange, uiSchema, registry, readonly, disabled, required }: FieldProps) {
  const { t, l } = useI18n();
  const context = registry.formContext as StudioFormContext;
  const field = uiSchema?.['ui:options']?.fileField as FileField;
  const files: FileRef[] = Array.isArray(formData) ? (formData as FileRef[]) : [];
  const [busy, setBusy] = useState<{ name: string; percent: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const maxFiles = field.maxFiles ?? 10;
  const locked = readonly || disabled;
  const set = (next: FileRef[]) => onChange(next.length ? next : undefined, fieldPathId.path);

  async function add(chosen: FileList | null) {
    if (!chosen?.length) return;
    setError(null);
    const added: FileRef[] = [];
    for (const file of Array.from(chosen)) {
      if (files.length + added.length >= maxFiles) {
        setError(t('files.tooMany', { count: maxFiles }));
        break;
      }
      setBusy({ name: file.name, percent: 0 });
      try {
        added.push(await uploadFile(context.definition.key, field.key, file, (percent) => setBusy({ name: file.name, percent })));
      } catch (failure) {
        const f = failure as ApiFailure;
        setError([l(f.text), ...f.details.map((d) => l(d.message))].join(' '));
      }
    }
    setBusy(null);
    if (input.current) input.current.value = '';
    if (added.length) set([...files, ...added]);
  }

  return (
    <div className="file-field" id={fieldPathId.$id} data-testid={`files-${field.key}`}>
      <label className="control-label">
        {field.label[context.lang]}
        {required && <span className="required">*</span>}
      </label>
      {files.length === 0 && <p className="muted">{t('files.none')}</p>}
      <ul className="file-list">
        {files.map((file) => (
          <li key={file.id}>
            <a
              href={`/api/v1/files/${file.id}`}
              onClick={(e) => {
                e.preventDefault();
                downloadFile(file).catch((f: ApiFailure) => setError(l(f.text)));
              }}
              data-testid="file-download"
            >
              {file.name}
            </a>{' '}
            <span className="muted">({sizeText(file.size)})</span>{' '}
            {!locked && (
              <button type="button" className="link" onClick={() => set(files.filter((f) => f.id !== file.id))} data-testid="file-remove">
                {t('files.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {!locked && (
        <>
          <input ref={input} type="file" multiple hidden accept={field.accept.map((ext) => `.${ext}`).join(',')} onChange={(e) => void add(e.target.files)} data-testid={`file-input-${field.key}`} />
          <button type="button" disabled={busy !== null || files.length >= maxFiles} onClick={() => input.current?.click()}>
            {t('files.add')}
          </button>
        </>
      )}
      {busy && (
        <p role="status" aria-busy="true" data-testid="file-progress">
          {t('files.uploading', { name: busy.name, percent: busy.percent })} <progress max={100} value={busy.percent} />
        </p>
      )}
      <p className="help-block muted">{t('files.allowed', { types: field.accept.join(', '), size: field.maxSizeMb ?? 10, count: maxFiles })}</p>
      {error && (
        <p className="error" role="alert" data-testid="file-error">
          {error}
        </p>
      )}
    </div>
  );
}
