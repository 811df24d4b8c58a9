import { useState } from 'react';
import type { ApiRecord } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { RecordPicker } from './RecordPicker';
import { renderPreview } from './render-preview';
import type { EmailTemplate } from '../api/settings.api';

/** The template filled with a real record the admin picks: subject as text, body as HTML in a sandboxed frame (no scripts). */
export function TemplatePreview({ template }: { template: EmailTemplate }) {
  const { t } = useI18n();
  const [record, setRecord] = useState<ApiRecord | null>(null);
  const subject = record ? renderPreview(template.subject, record, 'text') : null;
  const body = record ? renderPreview(template.body, record, 'html') : null;
  return (
    <div className="template-preview" data-testid="template-preview">
      <h3>{t('custom.preview')}</h3>
      <RecordPicker key={template.module} module={template.module} value={record} onChange={setRecord} />
      {!record || !subject || !body ? (
        <p className="muted">{t('custom.preview.choose')}</p>
      ) : 'error' in subject || 'error' in body ? (
        <p className="error">{t('custom.preview.error', { error: 'error' in subject ? subject.error : 'error' in body ? body.error : '' })}</p>
      ) : (
        <>
          <p className="preview-subject" data-testid="preview-subject">
            <strong>{t('custom.templates.subject')}:</strong> {subject.text}
          </p>
          <iframe className="preview-body" data-testid="preview-body" title={t('custom.preview')} sandbox="" srcDoc={body.text} />
        </>
      )}
    </div>
  );
}
