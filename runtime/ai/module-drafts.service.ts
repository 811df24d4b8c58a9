import { planModuleChange, validateDefinition, type DiffOperation, type ModuleDefinition, type StoragePlan } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { DRAFT_PROVIDER, type ModuleDraftProvider, type ProviderName } from './draft-provider';

export interface DraftInput {
  prompt: string;
  /** Key of a stored module to edit. */
  module?: string;
  /** The draft being refined (a new module, or an edit not applied yet). */
  draft?: Record<string, unknown>;
}

export interface ModuleDraft {
  provider: ProviderName;
  definition: ModuleDefinition;
  diff: DiffOperation[];
  plan: StoragePlan;
  notUnderstood: string[];
}

/**
 * Prompt → proposed definition → diff and storage plan (S2). Nothing is applied:
 * the admin reviews the diff and applies it through the modules API. The diff is
 * always against what is stored (an empty module for a new one), so it shows
 * exactly what applying would do, however many prompts refined the draft.
 */
@Injectable()
export class ModuleDraftsService {
  constructor(
    @Inject(DRAFT_PROVIDER) private readonly provider: ModuleDraftProvider,
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
  ) {}

  async draft(operation: OperationRef, input: DraftInput): Promise<ModuleDraft> {
    const all = await this.modules.list(operation);
    const stored = input.module ? await this.modules.get(operation, input.module) : undefined;
    const draft = input.draft
      ? this.checkDraft(
          input.draft,
          stored,
          all.map((m) => m.key),
        )
      : undefined;
    const answer = await this.provider.draft({
      prompt: input.prompt,
      base: draft ?? stored,
      existing: Boolean(stored),
      modules: all.map((m) => ({ key: m.key, names: m.names })),
    });
    const definition: ModuleDefinition = { ...answer.definition, version: stored?.version ?? 1 };
    if (stored) definition.key = stored.key;
    if (!stored && all.some((m) => m.key === definition.key)) {
      throw ApiError.conflict('module_exists', {
        es: `El módulo «${definition.key}» ya existe; para cambiarlo indique module: "${definition.key}".`,
        en: `Module "${definition.key}" already exists; to change it send module: "${definition.key}".`,
      });
    }
    this.assertValid(
      definition,
      all.map((m) => m.key),
    );
    const { operations: diff, plan } = planModuleChange(stored, definition);
    return { provider: this.provider.name, definition, diff, plan, notUnderstood: answer.notUnderstood };
  }

  /** A draft sent back by the client is client input: refuse it with the engine's issues. */
  private checkDraft(draft: Record<string, unknown>, stored: ModuleDefinition | undefined, modules: string[]): ModuleDefinition {
    const result = validateDefinition({ version: 1, ...draft, ...(stored && { key: stored.key }) }, { modules: [...modules, String(draft.key ?? '')] });
    if (!result.ok) throw ApiError.validation(result.issues.map((i) => ({ ...i, path: i.path ? `draft.${i.path}` : 'draft' })));
    return result.value;
  }

  /** Providers validate their own answers; this is the last guard before the admin sees one. */
  private assertValid(definition: ModuleDefinition, modules: string[]): void {
    const result = validateDefinition(definition, { modules: [...modules, definition.key], plugins: this.plugins.host.configChecks() });
    if (!result.ok) throw new Error(`AI draft does not validate: ${JSON.stringify(result.issues)}`);
  }
}
