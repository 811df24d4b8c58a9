import type { DashboardWidget } from '@crm/engine';
import { useEffect, useState } from 'react';
import { GridLayout, type Layout, useContainerWidth } from 'react-grid-layout';
import 'react-grid-layout/css/styles.css';
import type { ApiFailure } from '../api/api-error';
import { useModules } from '../app/modules.context';
import { useNotify } from '../app/notices';
import { navigate, paths } from '../app/router';
import { useI18n } from '../i18n/i18n';
import { type Dashboard, dashboardsApi, type ProfileOption } from '../api/dashboards.api';
import { WidgetDialog } from './WidgetDialog';
import { WidgetView } from './WidgetView';

/** A dashboard: its widgets on a 12-column grid (drag to move, resize from the corner), each drawn from its aggregation. */
export function DashboardPage({ id }: { id: string | null }) {
  const { t, l } = useI18n();
  const notify = useNotify();
  const { byKey } = useModules();
  const { width, containerRef, mounted } = useContainerWidth();
  const [loaded, setLoaded] = useState<Dashboard | null>(null);
  const [name, setName] = useState('');
  const [sharedWith, setSharedWith] = useState<string[]>([]);
  const [widgets, setWidgets] = useState<DashboardWidget[]>([]);
  const [profiles, setProfiles] = useState<ProfileOption[] | null>(null);
  const [editing, setEditing] = useState<DashboardWidget | 'new' | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const readOnly = loaded !== null && !loaded.mine;

  useEffect(() => {
    dashboardsApi
      .profiles()
      .then(setProfiles)
      .catch(() => setProfiles(null));
    if (id === null) return;
    dashboardsApi
      .get(id)
      .then((d) => {
        setLoaded(d);
        setName(d.name);
        setSharedWith(d.sharedWith);
        setWidgets(d.widgets);
      })
      .catch(setError);
  }, [id]);

  const onLayout = (layout: Layout) => {
    setWidgets((current) =>
      current.map((w) => {
        const item = layout.find((i) => i.i === w.id);
        return item && (item.x !== w.layout.x || item.y !== w.layout.y || item.w !== w.layout.w || item.h !== w.layout.h) ? { ...w, layout: { x: item.x, y: item.y, w: item.w, h: item.h } } : w;
      }),
    );
  };

  const save = async () => {
    const draft = { name: name.trim() || t('dashboards.untitled'), sharedWith, widgets };
    try {
      const saved = loaded ? await dashboardsApi.update(loaded.id, loaded.version, draft) : await dashboardsApi.create(draft);
      setLoaded(saved);
      setError(null);
      notify('ok', t('dashboards.saved'));
      if (!loaded) history.replaceState(null, '', paths.dashboard(saved.id));
    } catch (failure) {
      setError(failure as ApiFailure);
    }
  };

  const put = (widget: DashboardWidget) => {
    setWidgets((current) => (current.some((w) => w.id === widget.id) ? current.map((w) => (w.id === widget.id ? widget : w)) : [...current, widget]));
    setEditing(null);
  };
  const nextY = widgets.reduce((max, w) => Math.max(max, w.layout.y + w.layout.h), 0);

  return (
    <section className="dashboard-page">
      <header className="view-header">
        <a
          href={paths.dashboards()}
          onClick={(e) => {
            e.preventDefault();
            navigate(paths.dashboards());
          }}
        >
          {t('dashboards.back')}
        </a>
        <input aria-label={t('dashboards.name')} placeholder={t('dashboards.name')} value={name} onChange={(e) => setName(e.target.value)} disabled={readOnly} data-testid="dashboard-name" />
        {!readOnly && (
          <>
            <button type="button" onClick={() => setEditing('new')} data-testid="add-widget">
              {t('dashboards.addWidget')}
            </button>
            <button type="button" className="primary" onClick={() => void save()} data-testid="save-dashboard">
              {t('dashboards.save')}
            </button>
          </>
        )}
      </header>
      {readOnly && <p className="muted">{t('dashboards.readOnly')}</p>}
      {!readOnly && (
        <fieldset className="dashboard-sharing">
          <legend>{t('dashboards.sharing')}</legend>
          {profiles === null ? (
            <span className="muted">{t('dashboards.noProfiles')}</span>
          ) : (
            profiles.map((p) => (
              <label key={p.id}>
                <input type="checkbox" checked={sharedWith.includes(p.id)} onChange={(e) => setSharedWith((s) => (e.target.checked ? [...s, p.id] : s.filter((x) => x !== p.id)))} />
                {p.name}
              </label>
            ))
          )}
        </fieldset>
      )}
      {error && (
        <div className="error" role="alert">
          <p>{error.status === 409 ? t('dashboards.stale') : l(error.text)}</p>
          {error.details.map((d) => (
            <p key={d.path}>
              {d.path}: {l(d.message)}
            </p>
          ))}
        </div>
      )}
      {widgets.length === 0 && <p className="muted">{t('dashboards.noWidgets')}</p>}
      <div ref={containerRef} className="dashboard-grid">
        {mounted && (
          <GridLayout
            width={width}
            layout={widgets.map((w) => ({ i: w.id, ...w.layout, minW: 2, minH: 2 }))}
            gridConfig={{ cols: 12, rowHeight: 60 }}
            dragConfig={{ enabled: !readOnly, handle: '.widget-head' }}
            resizeConfig={{ enabled: !readOnly }}
            onLayoutChange={onLayout}
          >
            {widgets.map((w) => (
              <div key={w.id} className="widget" data-testid="widget" data-widget={w.id}>
                <div className="widget-head">
                  <strong>{w.title}</strong>
                  {!readOnly && (
                    <span className="widget-actions">
                      <button type="button" onMouseDown={(e) => e.stopPropagation()} onClick={() => setEditing(w)}>
                        {t('dashboards.editWidget')}
                      </button>
                      <button type="button" onMouseDown={(e) => e.stopPropagation()} onClick={() => setWidgets((c) => c.filter((x) => x.id !== w.id))}>
                        {t('dashboards.removeWidget')}
                      </button>
                    </span>
                  )}
                </div>
                <div className="widget-body">
                  <WidgetView widget={w} definition={byKey.get(w.module)} />
                </div>
              </div>
            ))}
          </GridLayout>
        )}
      </div>
      {editing && <WidgetDialog initial={editing === 'new' ? null : editing} nextY={nextY} onCancel={() => setEditing(null)} onConfirm={put} />}
    </section>
  );
}
