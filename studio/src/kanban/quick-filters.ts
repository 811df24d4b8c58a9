import type { FilterNode, ModuleDefinition } from '../api/types';

/** R5's quick filters of a board, by key. */
export const QUICK_FILTERS = ['mine', 'closingThisMonth', 'closingNextMonth', 'newThisWeek', 'newLastWeek'] as const;
export type QuickFilter = (typeof QUICK_FILTERS)[number];

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Monday 00:00 (local time) of the week `weeksAgo` weeks before this one. */
function weekStart(now: Date, weeksAgo: number): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - ((now.getDay() + 6) % 7) - 7 * weeksAgo);
  return start;
}

/**
 * The filter tree of a quick filter for this module: "mine" by owner or the
 * first user field, closing dates on the first date field (Oportunidades:
 * fecha_cierre), "new" on the creation time. Null when the module lacks the field.
 */
export function quickFilter(definition: ModuleDefinition, key: QuickFilter, userId: string | null, now = new Date()): FilterNode | null {
  const active = definition.fields.filter((f) => !f.archived);
  switch (key) {
    case 'mine': {
      if (!userId) return null;
      const userField = active.find((f) => f.type === 'user');
      return userField
        ? {
            or: [
              { field: 'owner', op: 'eq', value: userId },
              { field: userField.key, op: 'eq', value: userId },
            ],
          }
        : { field: 'owner', op: 'eq', value: userId };
    }
    case 'closingThisMonth':
    case 'closingNextMonth': {
      const dateField = active.find((f) => f.type === 'date');
      if (!dateField) return null;
      const offset = key === 'closingThisMonth' ? 0 : 1;
      const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset, 1));
      const last = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset + 1, 0));
      return { field: dateField.key, op: 'between', value: [day(first), day(last)] };
    }
    case 'newThisWeek':
    case 'newLastWeek': {
      const weeksAgo = key === 'newThisWeek' ? 0 : 1;
      const from = weekStart(now, weeksAgo);
      const to = new Date(weekStart(now, weeksAgo - 1).getTime() - 1);
      return { field: 'createdAt', op: 'between', value: [from.toISOString(), to.toISOString()] };
    }
  }
}
