/**
 * The list request of the benchmark and the same query written by hand.
 * PLACEHOLDER until the records API exists: to be matched to its SQL.
 */
export const LIST_PAGE = 50;

export function listRequestBody(term: string, sortField: string) {
  return { filter: { field: 'nombre', op: 'contains', value: term }, sort: [{ field: sortField, dir: 'desc' }], limit: LIST_PAGE };
}

const likeEscape = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export function rawListQuery(schema: string, sortColumn: string) {
  return {
    sql: `SELECT * FROM "${schema}"."contactos"
           WHERE deleted_at IS NULL AND nombre ILIKE $1
           ORDER BY "${sortColumn}" DESC NULLS LAST, id DESC
           LIMIT ${LIST_PAGE}`,
    params: (term: string) => [`%${likeEscape(term)}%`],
  };
}
