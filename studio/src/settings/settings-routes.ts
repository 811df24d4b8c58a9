/** The S4 settings screens live under `/settings/custom/{section}`, beside the designer's own routes. */
export type CustomizeSection = 'picklists' | 'caseTypes' | 'priorities' | 'phases' | 'tipificaciones' | 'templates' | 'webIntegration';

export const CUSTOMIZE_SECTIONS: readonly CustomizeSection[] = ['picklists', 'caseTypes', 'priorities', 'phases', 'tipificaciones', 'templates', 'webIntegration'];

/** `parts` are the path segments after `/settings/custom`. */
export function matchCustomize(parts: string[]): CustomizeSection {
  return CUSTOMIZE_SECTIONS.find((s) => s === parts[0]) ?? 'picklists';
}

export const customizePath = (section: CustomizeSection = 'picklists') => `/settings/custom/${section}`;
