import { useEffect, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { type Dashboard, dashboardsApi } from '../api/dashboards.api';

/** Paneles: the dashboards the user owns or shares by profile (all for administrators): new, open, delete. */
export function DashboardsPage() {
  const { t, l, locale } = useI18n();
  const [items, setItems] = useState<Dashboard[] | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const load = () =>
    dashboardsApi
      .list()
      .then((page) => setItems(page.items))
      .catch(setError);
  useEffect(() => {
    void load();
  }, []);
  const remove = async (dashboard: Dashboard) => {
    if (!window.confirm(t('dashboards.deleteConfirm', { name: dashboard.name }))) return;
    await dashboardsApi.remove(dashboard.id).catch(setError);
    await load();
  };
  return (
    <section className="dashboards">
      <header className="view-header">
        <h1>{t('dashboards.title')}</h1>
        <button type="button" className="primary" data-testid="new-dashboard" onClick={() => navigate(paths.dashboard(null))}>
          {t('dashboards.new')}
        </button>
      </header>
      {error && <p className="error">{l(error.text)}</p>}
      {items === null ? (
        <p className="muted">{t('dashboards.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('dashboards.empty')}</p>
      ) : (
        <table className="grid">
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="dashboard-row" onDoubleClick={() => navigate(paths.dashboard(d.id))}>
                <td>
                  <a
                    href={paths.dashboard(d.id)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(paths.dashboard(d.id));
                    }}
                  >
                    {d.name}
                  </a>
                </td>
                <td className="muted">{t('dashboards.widgets', { count: d.widgets.length.toLocaleString(locale) })}</td>
                <td className="muted">{d.sharedWith.length ? t('dashboards.shared') : t('dashboards.private')}</td>
                <td className="muted">{new Date(d.updatedAt).toLocaleString(locale)}</td>
                <td>
                  {d.mine && (
                    <button type="button" onClick={() => void remove(d)}>
                      {t('dashboards.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
