import { useI18n } from '../i18n/i18n';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

/** Personalizar → Exportar / importar esquema (M7). */
export function BundlesPage() {
  const { t } = useI18n();
  return (
    <div className="bundles-page">
      <h1>{t('bundles.title')}</h1>
      <div className="bundles-columns">
        <ExportPanel />
        <ImportPanel />
      </div>
    </div>
  );
}
