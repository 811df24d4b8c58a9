import type { DraftAnswer, DraftRequest, ModuleDraftProvider } from '../draft-provider';
import { parsePrompt } from './offline.parser';

/** The default provider: the deterministic Spanish / English grammar, no network. */
export class OfflineDraftProvider implements ModuleDraftProvider {
  readonly name = 'offline' as const;

  async draft(request: DraftRequest): Promise<DraftAnswer> {
    const { definition, notUnderstood } = parsePrompt(request.prompt, request.base, request.existing, request.modules);
    return { definition, notUnderstood };
  }
}
