import type { StudioPluginPart } from '@crm/engine';
import { PLUGIN_PACKAGES } from './index';

/** The Studio parts of the installed plugins (`@crm/plugins/studio`); the Studio runs those a module lists, by name. */
export const STUDIO_PARTS: readonly StudioPluginPart<any>[] = PLUGIN_PACKAGES.flatMap((pkg) => (pkg.studio ? [pkg.studio] : [])); // eslint-disable-line @typescript-eslint/no-explicit-any
