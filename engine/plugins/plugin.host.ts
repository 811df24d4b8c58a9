import type { LocalizedText, ModuleDefinition, ModuleField } from '../definition/module-definition.types';
import type { PluginConfigCheck } from '../definition/definition.validator';
import type { Issue } from '../issues/issue.types';
import type { ActionContext, ActionResult, HookContext, ModulePlugin, SavedContext } from './plugin.contract';

type AnyPlugin = ModulePlugin<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An action as menus and the API list it. */
export interface OfferedAction {
  plugin: string;
  key: string;
  label: LocalizedText;
  inputSchema?: Record<string, unknown>;
}

/** Thrown for an action the module's plugins do not offer; the runtime turns it into a 404. */
export class UnknownActionError extends Error {
  constructor(readonly action: string) {
    super(`Unknown action "${action}"`);
  }
}

/**
 * The installed plugins and the one place hooks are run from, in the order
 * the module definition lists its plugins.
 */
export class PluginHost {
  private readonly plugins = new Map<string, AnyPlugin>();

  constructor(plugins: AnyPlugin[] = []) {
    for (const plugin of plugins) this.register(plugin);
  }

  register(plugin: AnyPlugin): void {
    if (this.plugins.has(plugin.name)) throw new Error(`Plugin "${plugin.name}" is registered twice`);
    this.plugins.set(plugin.name, plugin);
  }

  get(name: string): AnyPlugin | undefined {
    return this.plugins.get(name);
  }

  /** Config checks by plugin name, for `validateDefinition`'s context. */
  configChecks(): ReadonlyMap<string, PluginConfigCheck> {
    return new Map([...this.plugins].map(([name, plugin]) => [name, (config: Record<string, unknown>, definition: ModuleDefinition) => plugin.checkConfig(config, definition)]));
  }

  private active(definition: ModuleDefinition): { plugin: AnyPlugin; config: Record<string, unknown> }[] {
    return (definition.plugins ?? []).flatMap(({ name, config }) => {
      const plugin = this.plugins.get(name);
      return plugin ? [{ plugin, config: config ?? {} }] : [];
    });
  }

  async beforeValidate(context: Omit<HookContext<unknown>, 'config'>): Promise<void> {
    for (const { plugin, config } of this.active(context.definition)) {
      await plugin.hooks?.beforeValidate?.({ ...context, config });
    }
  }

  async beforeSave(context: Omit<HookContext<unknown>, 'config'>): Promise<Issue[]> {
    const issues: Issue[] = [];
    for (const { plugin, config } of this.active(context.definition)) {
      const found = await plugin.hooks?.beforeSave?.({ ...context, config });
      if (found) issues.push(...found);
    }
    return issues;
  }

  async afterSave(context: Omit<SavedContext<unknown>, 'config'>): Promise<void> {
    for (const { plugin, config } of this.active(context.definition)) {
      await plugin.hooks?.afterSave?.({ ...context, config });
    }
  }

  /** Actions the module's plugins offer, for menus, forms and the API. */
  actions(definition: ModuleDefinition): OfferedAction[] {
    return this.active(definition).flatMap(({ plugin, config }) =>
      (plugin.actions ?? [])
        .filter((a) => a.offeredFor?.(config, definition) ?? true)
        .map((a) => ({ plugin: plugin.name, key: a.key, label: a.label, ...(a.inputSchema && { inputSchema: a.inputSchema }) })),
    );
  }

  /** The fields the module's plugins compute on reads (never stored), for the API's description of the module. */
  computedFields(definition: ModuleDefinition): { plugin: string; field: ModuleField }[] {
    return this.active(definition).flatMap(({ plugin }) => (plugin.computedFields ?? []).map((c) => ({ plugin: plugin.name, field: c.field })));
  }

  async runAction(actionKey: string, context: Omit<ActionContext<unknown>, 'config'>): Promise<ActionResult> {
    for (const { plugin, config } of this.active(context.definition)) {
      const action = plugin.actions?.find((a) => a.key === actionKey && (a.offeredFor?.(config, context.definition) ?? true));
      if (action) return action.run({ ...context, config });
    }
    throw new UnknownActionError(actionKey);
  }

  /** Values of every plugin-computed field of the module for one record. */
  computed(definition: ModuleDefinition, record: Readonly<Record<string, unknown>>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const { plugin, config } of this.active(definition)) {
      for (const computed of plugin.computedFields ?? []) out[computed.field.key] = computed.compute(record, config);
    }
    return out;
  }
}
