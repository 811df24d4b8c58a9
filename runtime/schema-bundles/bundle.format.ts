import type { ModuleDefinition } from '@crm/engine';

export const BUNDLE_FORMAT = 'contact-crm.schema-bundle';
/** Bump when the bundle's shape changes, and add the step from the previous version to bundle.upgrades.ts. */
export const BUNDLE_FORMAT_VERSION = 1;

/**
 * Operation settings that travel with the schema. Picklists, case types with
 * prefixes, priorities with resolution hours and phases with probabilities live
 * in the module definitions (options with `data`), so they travel there; this
 * holds the S4 settings kept outside modules, by section as the operation saved
 * them (`tipificaciones`, `email_templates`, `web_integration`, see
 * runtime/settings/settings.sections.ts). Never records, users, tokens or secrets.
 */
export type BundleSettings = Record<string, unknown>;

/** A versioned export of an operation's module schema (M7). */
export interface SchemaBundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  /** META_SCHEMA_VERSION of the engine that wrote the definitions. */
  metaSchemaVersion: string;
  exportedAt: string;
  /** Key of the operation it came from, for the reader's information. */
  operation: string;
  modules: ModuleDefinition[];
  settings: BundleSettings;
}
