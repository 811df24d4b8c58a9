import { api } from './http';

/** A board the agent saved (R5): its name, category, grouping field and the fields shown on cards. */
export interface KanbanView {
  name: string;
  category: string;
  groupBy: string;
  cardFields: string[];
}

/** The server's saved view (GET /api/v1/views/{module}); only what a board uses is read. */
interface ServerView {
  id: string;
  name: string;
  category: string;
  mine: boolean;
  config: { groupBy?: string; fields: string[] };
}

const base = (module: string) => `/api/v1/views/${encodeURIComponent(module)}`;
const toBoard = (v: ServerView): KanbanView => ({ name: v.name, category: v.category, groupBy: v.config.groupBy ?? '', cardFields: v.config.fields });

async function serverViews(module: string): Promise<ServerView[]> {
  return (await api<{ items: ServerView[] }>('GET', `${base(module)}?kind=kanban`)).items;
}

/**
 * Saved on the server (core.saved_views), so a view follows the agent to any browser
 * and can be shared; the agent's own and the shared boards of the module.
 */
export async function loadViews(module: string): Promise<KanbanView[]> {
  return (await serverViews(module)).map(toBoard);
}

/** Saving under an existing name of one's own replaces that view, as before; returns the new list. */
export async function saveView(module: string, view: KanbanView): Promise<KanbanView[]> {
  const body = { name: view.name, category: view.category, config: { groupBy: view.groupBy, fields: view.cardFields } };
  const same = (await serverViews(module)).find((v) => v.mine && v.name.toLowerCase() === view.name.toLowerCase());
  if (same) await api('PATCH', `${base(module)}/${same.id}`, body);
  else await api('POST', base(module), { ...body, kind: 'kanban' });
  return loadViews(module);
}
