import type { AggregateInput, AggregateResult, FilterNode, ModuleDefinition, QueryInput, SortInput, SystemRecordValues } from '@crm/engine';

export type { ModuleDefinition, FilterNode, SortInput, AggregateResult };
export type { ModuleField, ModuleSection, PicklistOption, SubtableField, LookupField, SelectField, FileField } from '@crm/engine';

/** A record as the API answers it: the engine's system fields beside the field keys. */
export interface ApiRecord extends SystemRecordValues {
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number | null;
  /** More records match than the server counts by default: `total` is a lower bound (ask `count: 'exact'`). */
  totalCapped?: boolean;
  nextCursor: string | null;
}

export interface Me {
  id?: string;
  username?: string;
  displayName?: string | null;
  email?: string | null;
  isAdmin?: boolean;
  mustChangePassword?: boolean;
  platform: boolean;
  operation: string | null;
  level?: string | null;
  role?: string | null;
  profile?: string | null;
  /** The profile's permissions; the platform token has none (it may do everything). */
  permissions?: ProfileRights | null;
}

export type ModuleRight = 'view' | 'edit' | 'delete' | 'massDelete' | 'settings' | 'import';

/** The profile rights the Studio reads to hide what a profile cannot use (the server enforces them anyway). */
export interface ProfileRights {
  aiAssistant: boolean;
  admin: boolean;
  /** Rights per module key; `*` applies to the modules not named. */
  modules: Record<string, Partial<Record<ModuleRight, boolean>>>;
}

export interface LoginAnswer {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  user: { id: string; username: string; operation: string };
}

export interface HistoryItem {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete' | 'restore' | string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  userId: string | null;
  userName: string | null;
  jobId: string | null;
}

/** The body of POST /records/{module}/query: the engine's query model. */
export type QueryBody = QueryInput;

/** The body of POST /records/{module}/aggregate: a filter, up to two groups and two measures, order and limit. */
export type AggregateBody = AggregateInput;
