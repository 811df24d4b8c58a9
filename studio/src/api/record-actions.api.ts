import type { LocalizedText, OfferedAction } from '@crm/engine';
import { api } from './http';
import type { ApiRecord } from './types';

const enc = encodeURIComponent;

export type { OfferedAction };

export interface ActionOutcome {
  record: ApiRecord;
  created: { module: string; id: string }[];
  message: LocalizedText | null;
}

/** Plugin actions on records: the same endpoints integrators call. */
export const recordActionsApi = {
  offered: (module: string) => api<{ actions: OfferedAction[] }>('GET', `/api/v1/records/${enc(module)}/actions`),
  run: (module: string, id: string, action: string, input: Record<string, unknown>) => api<ActionOutcome>('POST', `/api/v1/records/${enc(module)}/${enc(id)}/actions/${enc(action)}`, input),
};
