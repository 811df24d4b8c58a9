import type { ModuleDefinition } from '@crm/engine';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';

type Page = 'import' | 'history' | 'backups';

/** The head of the import screens: the title, the way back to the list, and the other two screens. */
export function ImportsHead({ definition, title, current }: { definition: ModuleDefinition; title: string; current: Page }) {
  const { t } = useI18n();
  const module = definition.key;
  const links: { page: Page; path: string; label: string }[] = [
    { page: 'import', path: paths.importWizard(module), label: t('imports.open') },
    { page: 'history', path: paths.importHistory(module), label: t('imports.history') },
    { page: 'backups', path: paths.backups(module), label: t('imports.backups') },
  ];
  return (
    <>
      <div className="view-head">
        <button type="button" className="link" onClick={() => navigate(paths.table(module))} data-testid="back-to-table">
          ← {t('imports.backToTable')}
        </button>
        <span className="spacer" />
        {links
          .filter((link) => link.page !== current)
          .map((link) => (
            <button key={link.page} type="button" onClick={() => navigate(link.path)} data-testid={`open-${link.page}`}>
              {link.label}
            </button>
          ))}
      </div>
      <h1 className="imports-title">{title}</h1>
    </>
  );
}
