import { roleField, roleOption } from '@crm/engine';
import type { ModuleDefinition } from '../api/types';

/** R4: how near an activity's due date is, as the flag colour shown on rows. */
export type ActivityFlag = 'green' | 'yellow' | 'red' | 'done' | 'none';

/** A day's notice turns a flag yellow; past the due date it is red. */
const SOON_MS = 24 * 60 * 60 * 1000;

/** The flag of a record of the activities module, read through its field roles `status` (option `done`) and `due`. */
export function activityFlag(activity: Record<string, unknown>, activities?: ModuleDefinition, now = Date.now()): ActivityFlag {
  if (!activities) return 'none';
  const status = roleField(activities, 'status');
  if (status && activity[status.key] !== undefined && activity[status.key] === roleOption(activities, 'status', 'done')) return 'done';
  const dueField = roleField(activities, 'due');
  const value = dueField && activity[dueField.key];
  if (typeof value !== 'string') return 'none';
  const due = new Date(value).getTime();
  if (Number.isNaN(due)) return 'none';
  if (due < now) return 'red';
  return due - now <= SOON_MS ? 'yellow' : 'green';
}
