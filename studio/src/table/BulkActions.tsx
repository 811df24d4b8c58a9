import { lazy, Suspense, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import type { ModuleDefinition } from '../api/types';
import { useNotify } from '../app/notices';
import { useRoleModule } from '../definition/use-role-module';
import { moduleRight, useRights } from '../designer/profile-rights';
import { useI18n } from '../i18n/i18n';
import { DeleteDialog } from '../mass-delete/DeleteDialog';
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
  /** Another long action of the list runs (the Excel export). */
  busy: boolean;
}

/** The bar over a selection (how many, select all N, clear) and what it can do: assign, e-mail, mass activity, delete. */
export function BulkActions({ definition, query, selection, busy }: Props) {
  const { t, l, locale } = useI18n();
  const notify = useNotify();
  const activities = useRoleModule('activities');
  const rights = useRights();
  const [dialog, setDialog] = useState<'assign' | 'email' | 'activity' | 'delete' | null>(null);
  // A selection is deleted by a server job, which needs both rights (the API refuses it anyway).
  const canDelete = moduleRight(rights, definition.key, 'delete') && moduleRight(rights, definition.key, 'massDelete');
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
          {canDelete && (
            <button type="button" className="danger" onClick={() => setDialog('delete')} disabled={busy} data-testid="delete-open">
              {t('table.delete')}
            </button>
          )}
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
      {dialog === 'delete' && (
        <DeleteDialog
          definition={definition}
          target={selection.all ? { filter: query.filter, count: () => query.exactTotal() } : { ids: selection.ids }}
          onClose={close}
          onDeleted={() => {
            selection.clear();
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
