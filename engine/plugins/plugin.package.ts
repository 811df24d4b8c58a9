import type { RecordValues } from '../validation/record.validator';
import type { ModulePlugin, PluginReads } from './plugin.contract';

/** What a plugin's Studio part may read; the Studio provides it through the API, as the caller sees it. */
export interface StudioPartContext {
  services: PluginReads;
}

/**
 * The part of a plugin the Studio runs in the browser while a user edits a
 * record of a module that lists the plugin, with the plugin's own code, so the
 * form shows what the server will save. The server still recomputes on save.
 */
export interface StudioPluginPart<Config = Record<string, unknown>> {
  /** The plugin's name, as the module definition lists it under `plugins`. */
  name: string;
  /** The values the plugin would change in the record being edited (unsaved form values). */
  livePatch(record: Readonly<RecordValues>, config: Config, context: StudioPartContext): Promise<RecordValues> | RecordValues;
}

/**
 * One installed plugin package: its server part (the contract the runtime runs)
 * and, when it has one, its Studio part. A package's `index.ts` exports it as default.
 */
export interface PluginPackage<Config = Record<string, unknown>> {
  server: ModulePlugin<Config>;
  studio?: StudioPluginPart<Config>;
}
