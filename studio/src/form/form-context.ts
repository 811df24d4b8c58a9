import type { ModuleDefinition, ModuleSection } from '../api/types';
import type { Lang } from '../i18n/i18n';

/** What the custom templates and widgets need beyond their own field: sections, other modules, language. */
export interface StudioFormContext {
  definition: ModuleDefinition;
  sections: ModuleSection[];
  definitions: Map<string, ModuleDefinition>;
  lang: Lang;
  /** Text for "other data": fields no section lists. */
  otherLabel: string;
}

export type { ModuleSection };
