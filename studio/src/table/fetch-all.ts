import { recordsApi } from '../api/records.api';
import type { ApiRecord, FilterNode, SortInput } from '../api/types';

/** Every record matching a filter, page by page with the cursor (1,000 at a time, the API's largest page). */
export async function fetchAll(module: string, body: { filter?: FilterNode; sort?: SortInput[]; fields?: string[]; expand?: string[] }, max: number): Promise<ApiRecord[]> {
  const out: ApiRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await recordsApi.query(module, { ...body, limit: 1000, count: false, ...(cursor && { cursor }) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out.slice(0, max);
}
