/** R4: how near an activity's due date is, as the flag colour shown on rows. */
export type ActivityFlag = 'green' | 'yellow' | 'red' | 'done' | 'none';

/** A day's notice turns a flag yellow; past the due date it is red. */
const SOON_MS = 24 * 60 * 60 * 1000;

export function activityFlag(activity: Record<string, unknown>, now = Date.now()): ActivityFlag {
  if (activity.estado === 'completada') return 'done';
  if (typeof activity.fecha_vencimiento !== 'string') return 'none';
  const due = new Date(activity.fecha_vencimiento).getTime();
  if (Number.isNaN(due)) return 'none';
  if (due < now) return 'red';
  return due - now <= SOON_MS ? 'yellow' : 'green';
}
