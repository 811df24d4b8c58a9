import type { ErrorSchema } from '@rjsf/utils';
import type { ComponentType } from 'react';
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
  /** The form itself, for widgets that open a form of another module (a lookup's "create"): handed down, not imported, so form and widgets do not import each other. */
  RecordForm: ComponentType<RecordFormProps>;
}

export interface RecordFormProps {
  definition: ModuleDefinition;
  values: Record<string, unknown>;
  isNew: boolean;
  saving: boolean;
  serverErrors: ErrorSchema;
  onChange(values: Record<string, unknown>): void;
  onSubmit(values: Record<string, unknown>): void;
}

export type { ModuleSection };
