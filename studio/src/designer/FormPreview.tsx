import { useState } from 'react';
import type { ModuleDefinition } from '@crm/engine';
import { RecordForm } from '../form/RecordForm';
import { useI18n } from '../i18n/i18n';

/** The generated form of the working copy, drawn by the same RecordForm agents use; nothing is saved. */
export function FormPreview({ definition }: { definition: ModuleDefinition }) {
  const { t } = useI18n();
  const [values, setValues] = useState<Record<string, unknown>>({});
  return (
    <div className="form-preview" data-testid="form-preview">
      <h2>{t('preview.title')}</h2>
      <p className="muted">{t('preview.hint')}</p>
      <div className="panel">
        <RecordForm definition={definition} values={values} isNew saving={false} serverErrors={{}} onChange={setValues} onSubmit={() => undefined} />
      </div>
    </div>
  );
}
