import type { PluginPackage } from '@crm/engine';
import * as installed from './installed';

// A plugin's config type is its own; the host and the Studio pass each plugin the config its module lists.
type AnyPluginPackage = PluginPackage<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every installed plugin package (`@crm/plugins`), from the one list in `installed.ts`. */
export const PLUGIN_PACKAGES: readonly AnyPluginPackage[] = Object.values(installed);
