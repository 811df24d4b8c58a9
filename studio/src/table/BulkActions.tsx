import { lazy, Suspense, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { useRoleModule } from '../definition/use-role-module';
import { useI18n } from '../i18n/i18n';
import { AssignDialog } from './AssignDialog';
import { EmailDialog } from './EmailDialog';
import type { Selection } from './use-selection';
import type { TableQuery } from './use-table-query';

// The dialog carries the form library: loaded when first opened, not with the list.
const MassActivityDialog = lazy(() => import('./MassActivityDialog').then((m) => ({ default: m.MassActivityDialog })));

interface Props {
  definition: ModuleDefinition;
  query: TableQuery;
  selection: Selection;
  busy: boolean;
  /** Runs one long action of the list; the others wait until it ends. */
  run(work: () => Promise<void>): Promise<void>;
}

/** The bar over a selection (how many, select all N, clear) and what it can do: assign, e-mail, mass activity, delete. */
export function BulkActions({ definition, query, selection, busy, run }: Props) {
  const { t, l, locale } = useI18n();
  const notify = useNotify();
  const activities = useRoleModule('activities');
  const [dialog, setDialog] = useState<'assign' | 'email' | 'activity' | null>(null);
  const count = selection.count(query.total);
  // The e-mail action needs somewhere to send to.
  const hasEmailField = definition.fields.some((f) => f.type === 'email' && !f.archived);
  const close = () => setDialog(null);

  async function selectAll() {
    try {
      await query.exactTotal();
      selection.selectAll();
    } catch (failure) {
      notify('error', l((failure as ApiFailure).text));
    }
  }

  const deleteSelection = () =>
    run(async () => {
      if (!window.confirm(t('table.confirmDelete', { count }))) return;
      try {
        const ids = await selection.ids();
        // A few deletes at a time: fast enough for a selection, gentle on the server.
        for (let i = 0; i < ids.length; i += 5) await Promise.all(ids.slice(i, i + 5).map((id) => recordsApi.remove(definition.key, id)));
        notify('ok', t('table.deleted', { count: ids.length }));
        selection.clear();
        query.reload();
      } catch (failure) {
        notify('error', l((failure as ApiFailure).text));
      }
    });

  return (
    <>
      {count > 0 && (
        <div className="selection-bar" data-testid="selection-bar">
          <span>{selection.all ? t('table.allSelected', { count: query.total.toLocaleString(locale) }) : t('table.selected', { count })}</span>
          {!selection.all && selection.pageChecked && query.total > query.rows.length && (
            <button type="button" className="link" onClick={() => void selectAll()} data-testid="select-all">
              {t('table.selectAll', { count: query.total.toLocaleString(locale) + (query.capped ? '+' : '') })}
            </button>
          )}
          <button type="button" className="link" onClick={selection.clear}>
            {t('table.clearSelection')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => setDialog('assign')} disabled={busy} data-testid="assign-open">
            {t('table.assign')}
          </button>
          {hasEmailField && (
            <button type="button" onClick={() => setDialog('email')} disabled={busy} data-testid="email-open">
              {t('table.email')}
            </button>
          )}
          {activities && definition.key !== activities.key && (
            <button type="button" onClick={() => setDialog('activity')} disabled={busy} data-testid="mass-activity-open">
              {t('table.massActivity')}
            </button>
          )}
          <button type="button" className="danger" onClick={() => void deleteSelection()} disabled={busy}>
            {t('table.delete')}
          </button>
        </div>
      )}
      {dialog === 'assign' && (
        <AssignDialog
          module={definition.key}
          records={selection.records}
          onClose={close}
          onDone={(assigned) => {
            close();
            notify('ok', t('table.assigned', { count: assigned }));
            query.reload();
          }}
        />
      )}
      {dialog === 'email' && <EmailDialog definition={definition} ids={selection.ids} onClose={close} />}
      {dialog === 'activity' && activities && (
        <Suspense fallback={null}>
          <MassActivityDialog
            activities={activities}
            module={definition.key}
            ids={selection.ids}
            onClose={close}
            onDone={(created) => {
              close();
              notify('ok', t('table.massActivityDone', { count: created }));
            }}
          />
        </Suspense>
      )}
    </>
  );
}
