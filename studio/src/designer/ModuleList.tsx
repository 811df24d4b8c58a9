import { useModules } from '../app/modules.context';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { ModuleIcon } from '../shell/ModuleIcon';

/** Personalizar → Módulos y campos: every module of the operation, to design or to start a new one. */
export function ModuleList() {
  const { list } = useModules();
  const { t, l } = useI18n();
  const sorted = [...list].sort((a, b) => l(a.names.plural).localeCompare(l(b.names.plural)));
  return (
    <div className="module-list">
      <div className="view-head">
        <h1>{t('designer.modules')}</h1>
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => navigate(paths.newModule())} data-testid="new-module">
          {t('designer.newModule')}
        </button>
      </div>
      <div className="table-wrap">
        <table className="records">
          <tbody>
            {sorted.map((m) => (
              <tr key={m.key} data-module={m.key}>
                <td className="check">
                  <ModuleIcon name={m.icon} />
                </td>
                <td>
                  <a
                    className="title-link"
                    href={paths.module(m.key)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(paths.module(m.key));
                    }}
                  >
                    {l(m.names.plural)}
                  </a>
                </td>
                <td>
                  <code>{m.key}</code>
                </td>
                <td className="muted">{t('designer.fieldsCount', { count: m.fields.filter((f) => !f.archived).length })}</td>
                <td className="muted">{t('designer.versionN', { version: m.version })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
