import { META_SCHEMA_VERSION, validateDefinition, type Issue } from '@crm/engine';
import { Inject, Injectable } from '@nestjs/common';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService, type ModuleChange } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { PluginRegistry } from '../plugins/plugin.registry';
import { OperationSettingsService, type SettingsImportChange } from '../settings/operation-settings.service';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type SchemaBundle } from './bundle.format';
import { readBundle } from './bundle.upgrades';

export interface ImportResult {
  dryRun: boolean;
  operation: string;
  formatVersion: number;
  upgradedFrom?: number;
  /** Per module: create / update / unchanged, with its diff (`operations`) and storage plan. */
  modules: ModuleChange[];
  /** Per S4 settings section in the bundle: create / update / unchanged. */
  settings: SettingsImportChange[];
}

/** Moves module schemas between operations as versioned bundles (M7). */
@Injectable()
export class SchemaBundlesService {
  constructor(
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
    @Inject(OperationSettingsService) private readonly settings: OperationSettingsService,
  ) {}

  /** The named modules (all when none are named), as the operation has them now. */
  async export(operation: OperationRef, keys?: string[]): Promise<SchemaBundle> {
    const all = await this.modules.list(operation);
    const wanted = keys?.length ? keys : all.map((m) => m.key);
    const missing = wanted.find((k) => !all.some((m) => m.key === k));
    if (missing) throw ApiError.moduleNotFound(missing);
    return {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      metaSchemaVersion: META_SCHEMA_VERSION,
      exportedAt: new Date().toISOString(),
      operation: operation.key,
      modules: all.filter((m) => wanted.includes(m.key)),
      settings: await this.settings.saved(operation),
    };
  }

  /** Dry run: each module's diff against this operation and its storage plan. Otherwise all modules are applied in one transaction. */
  async import(operation: OperationRef, input: unknown, options: { dryRun?: boolean; keepAside?: boolean; userId?: string | null } = {}): Promise<ImportResult> {
    const { bundle, upgradedFrom } = readBundle(input);
    await this.checkModules(operation, bundle);
    // Settings are checked before any module is applied (they may name modules the bundle creates),
    // and saved after the modules exist.
    const settingsPlan = await this.settings.importAll(operation, bundle.settings, { dryRun: true, extraModules: bundle.modules.map((m) => m.key) });
    const modules = await this.modules.applyMany(operation, bundle.modules, options);
    const settings = options.dryRun ? settingsPlan : await this.settings.importAll(operation, bundle.settings, { userId: options.userId });
    return { dryRun: Boolean(options.dryRun), operation: operation.key, formatVersion: BUNDLE_FORMAT_VERSION, ...(upgradedFrom !== undefined && { upgradedFrom }), modules, settings };
  }

  /** Every definition is checked before anything runs, so an issue names its module: `modules[2].fields[0].type`. */
  private async checkModules(operation: OperationRef, bundle: SchemaBundle): Promise<void> {
    const keys = [...(await this.modules.list(operation)).map((m) => m.key), ...bundle.modules.map((m) => m.key)];
    const issues: Issue[] = [];
    bundle.modules.forEach((definition, index) => {
      const result = validateDefinition(definition, { modules: keys, plugins: this.plugins.host.configChecks() });
      if (!result.ok) issues.push(...result.issues.map((i) => ({ ...i, path: `modules[${index}]${i.path ? `.${i.path}` : ''}` })));
    });
    if (issues.length) throw ApiError.validation(issues);
  }
}
