import type { ModuleDefinition } from '@crm/engine';
import type { ModuleSummary } from './offline/parse-context';

export type { ModuleSummary };

/** What a provider is asked: a prompt, the definition it refines (if any) and the modules lookups may point to. */
export interface DraftRequest {
  prompt: string;
  /** The draft or stored module the prompt changes; absent for a new module. */
  base?: ModuleDefinition;
  /** True when `base` is a stored module: its key and names must stay. */
  existing: boolean;
  modules: ModuleSummary[];
}

export interface DraftAnswer {
  /** The whole proposed definition; the service diffs it against storage. */
  definition: ModuleDefinition;
  /** Parts of the prompt the provider did not act on, as the admin wrote them. */
  notUnderstood: string[];
}

export type ProviderName = 'offline' | 'anthropic';

/** One way of turning a prompt into a module definition (S2). */
export interface ModuleDraftProvider {
  readonly name: ProviderName;
  draft(request: DraftRequest): Promise<DraftAnswer>;
}

export const DRAFT_PROVIDER = Symbol('DRAFT_PROVIDER');
