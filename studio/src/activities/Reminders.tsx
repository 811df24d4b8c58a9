import { useEffect, useState } from 'react';
import { authApi } from '../api/auth.api';
import { recordsApi } from '../api/records.api';
import { type FilterNode, roleField, roleOption } from '@crm/engine';
import type { ApiRecord, ModuleDefinition } from '../api/types';
import { navigate, paths } from '../app/router';
import { useRoleModule } from '../definition/use-role-module';
import { useI18n } from '../i18n/i18n';

const CHECK_EVERY_MS = 60_000;
const DISMISSED = 'crm.dismissedReminders';

const dismissed = (): string[] => {
  try {
    return JSON.parse(localStorage.getItem(DISMISSED) ?? '[]') as string[];
  } catch {
    return [];
  }
};

/** The record a reminder leads to: the first linked record (case, contact…), else the activity itself. */
function target(activities: ModuleDefinition, activity: ApiRecord): { module: string; id: string } {
  for (const field of activities.fields) {
    if (field.type === 'lookup' && typeof activity[field.key] === 'string') return { module: field.target, id: activity[field.key] as string };
  }
  return { module: activities.key, id: activity.id };
}

/**
 * The agent's due reminders, by the activities module's field roles: reminder
 * on, reminder time passed, still pending, assigned to, owned or created by the
 * agent. Null when the module lacks the reminder roles.
 */
function dueFilter(activities: ModuleDefinition, me: string): { filter: FilterNode; at: string } | null {
  const on = roleField(activities, 'reminderOn');
  const at = roleField(activities, 'reminderAt');
  if (!on || !at) return null;
  const status = roleField(activities, 'status');
  const pending = roleOption(activities, 'status', 'pending');
  const assignee = roleField(activities, 'assignee');
  const mine: FilterNode[] = [...(assignee ? [{ field: assignee.key, op: 'eq' as const, value: me }] : []), { field: 'owner', op: 'eq', value: me }, { field: 'createdBy', op: 'eq', value: me }];
  return {
    at: at.key,
    filter: {
      and: [
        { field: on.key, op: 'eq', value: true },
        ...(status && pending ? [{ field: status.key, op: 'eq' as const, value: pending }] : []),
        { field: at.key, op: 'lte', value: new Date().toISOString() },
        { or: mine },
      ],
    },
  };
}

/**
 * R4: reminders that pop up inside the app when their time comes — the
 * agent's pending activities with a reminder set — each with a link to its
 * record and a dismiss button (remembered in this browser).
 */
export function Reminders() {
  const { t } = useI18n();
  const activities = useRoleModule('activities');
  const [due, setDue] = useState<ApiRecord[]>([]);

  useEffect(() => {
    if (!activities) return;
    let live = true;
    const check = async () => {
      const me = await authApi.me().catch(() => null);
      const due = me?.id ? dueFilter(activities, me.id) : null;
      if (!due || !live) return;
      const page = await recordsApi
        .query(activities.key, {
          filter: due.filter,
          sort: [{ field: due.at, dir: 'asc' }],
          limit: 20,
          count: false,
        })
        .catch(() => null);
      if (page && live) setDue(page.items.filter((a) => !dismissed().includes(a.id)));
    };
    void check();
    const timer = setInterval(() => void check(), CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [activities]);

  if (!activities || due.length === 0) return null;
  const subject = roleField(activities, 'subject')?.key;
  const dismiss = (id: string) => {
    localStorage.setItem(DISMISSED, JSON.stringify([...dismissed(), id].slice(-500)));
    setDue((list) => list.filter((a) => a.id !== id));
  };
  return (
    <div className="reminders" role="region" aria-label={t('reminders.title')}>
      {due.map((activity) => {
        const to = target(activities, activity);
        return (
          <div key={activity.id} className="reminder" data-testid="reminder" data-id={activity.id}>
            <strong>{t('reminders.title')}</strong>
            <span>{String(activity[subject ?? ''] ?? '')}</span>
            <span className="row-actions">
              <a
                href={paths.record(to.module, to.id)}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(paths.record(to.module, to.id));
                }}
              >
                {t('reminders.open')}
              </a>
              <button type="button" onClick={() => dismiss(activity.id)}>
                {t('reminders.dismiss')}
              </button>
            </span>
          </div>
        );
      })}
    </div>
  );
}
