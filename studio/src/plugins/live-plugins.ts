import type { PluginReads } from '@crm/engine';
import { STUDIO_PARTS } from '@crm/plugins/studio';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';

type Values = Record<string, unknown>;

/**
 * The Studio parts of the installed plugins, run while the user types in a
 * record of a module that lists them, with the plugin's own code, so what the
 * form shows is what the server will save. The server still recomputes on save.
 */
const PARTS = new Map(STUDIO_PARTS.map((part) => [part.name, part]));

/** The plugin reads records and definitions through the API the same way it reads them through the runtime's services on the server. */
const services: PluginReads = {
  findRecord: (module, id) => recordsApi.get(module, id).catch(() => null),
  findDefinition: (module) => recordsApi.module(module).catch(() => null),
};

export function hasLivePlugins(definition: ModuleDefinition): boolean {
  return (definition.plugins ?? []).some((p) => PARTS.has(p.name));
}

/** The values every live plugin of the module would change, merged in the definition's plugin order. */
export async function livePatch(definition: ModuleDefinition, values: Values): Promise<Values> {
  let patch: Values = {};
  for (const plugin of definition.plugins ?? []) {
    const part = PARTS.get(plugin.name);
    if (part) patch = { ...patch, ...(await part.livePatch({ ...values, ...patch }, plugin.config ?? {}, { services })) };
  }
  return patch;
}
