/** A board the agent saved (R5): its name, category, grouping field and the fields shown on cards. */
export interface KanbanView {
  name: string;
  category: string;
  groupBy: string;
  cardFields: string[];
}

const key = (module: string) => `crm.kanbanViews.${module}`;

/**
 * Saved in this browser: the API has no per-user view store yet, and a view is a
 * personal arrangement of the board, not data of the operation.
 */
export function loadViews(module: string): KanbanView[] {
  try {
    return JSON.parse(localStorage.getItem(key(module)) ?? '[]') as KanbanView[];
  } catch {
    return [];
  }
}

export function saveView(module: string, view: KanbanView): KanbanView[] {
  const views = [...loadViews(module).filter((v) => v.name !== view.name), view];
  localStorage.setItem(key(module), JSON.stringify(views));
  return views;
}
