/** Icon names the Studio draws (see shell/ModuleIcon): the designer offers these. */
export const MODULE_ICONS = [
  'file-text',
  'life-buoy',
  'wallet',
  'user',
  'user-plus',
  'receipt',
  'building',
  'phone',
  'briefcase',
  'bar-chart',
  'help-circle',
  'trending-up',
  'package',
  'folder-kanban',
  'calendar-check',
] as const;
