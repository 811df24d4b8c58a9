import { useState } from 'react';
import { type ImportFile, importsApi } from '../api/imports.api';
import { failureText } from '../designer/failure-text';
import { useI18n } from '../i18n/i18n';
import { formatBytes } from './import-format';

const ACCEPT = '.csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const readable = (file: File) => /\.(csv|txt|xlsx)$/i.test(file.name);

interface Props {
  module: string;
  file: ImportFile | null;
  onUploaded(file: ImportFile): void;
  /** The preview of the uploaded file is being read, or failed (e.g. not a CSV inside). */
  reading: boolean;
  readError: string | null;
}

/** Step 1: the file, dropped or chosen, streamed to the server as it is; and the module's example file. */
export function UploadStep({ module, file, onUploaded, reading, readError }: Props) {
  const { t, l, lang, locale } = useI18n();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  async function upload(chosen: File | undefined) {
    if (!chosen) return;
    setError(null);
    if (!readable(chosen)) {
      setError(t('imports.upload.wrongType'));
      return;
    }
    setUploading(chosen.name);
    try {
      onUploaded(await importsApi.upload(chosen));
    } catch (failure) {
      setError(failureText(failure, l));
    } finally {
      setUploading(null);
    }
  }

  const example = (format: 'csv' | 'xlsx') => importsApi.downloadExample(module, format, lang).catch((failure) => setError(failureText(failure, l)));
  const problem = error ?? readError;
  return (
    <div className="import-upload" data-testid="import-upload">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void upload(e.dataTransfer.files[0]);
        }}
      >
        <span>{t('imports.upload.drop')}</span>
        <label className="file-choose">
          <span className="link">{t('imports.upload.choose')}</span>
          <input
            type="file"
            accept={ACCEPT}
            disabled={uploading !== null}
            data-testid="import-file"
            onChange={(e) => {
              void upload(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {uploading && <p className="muted">{t('imports.upload.busy', { name: uploading })}</p>}
      {file && !uploading && (
        <dl className="import-file" data-testid="import-file-info">
          <dt>{t('imports.upload.file')}</dt>
          <dd data-testid="import-file-name">{file.name}</dd>
          <dt>{t('imports.upload.size')}</dt>
          <dd data-testid="import-file-size">{formatBytes(file.size, locale)}</dd>
          <dt>{t('imports.upload.format')}</dt>
          <dd>{file.format.toUpperCase()}</dd>
        </dl>
      )}
      {reading && <p className="muted">{t('imports.loading')}</p>}
      {problem && (
        <p className="error" role="alert" data-testid="import-error">
          {problem}
        </p>
      )}
      <p className="import-example">
        {t('imports.upload.example')}
        <button type="button" className="link" onClick={() => void example('csv')} data-testid="example-csv">
          {t('imports.upload.exampleCsv')}
        </button>
        <button type="button" className="link" onClick={() => void example('xlsx')} data-testid="example-xlsx">
          {t('imports.upload.exampleXlsx')}
        </button>
      </p>
    </div>
  );
}
