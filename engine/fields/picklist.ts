import type { PicklistOption } from '../definition/module-definition.types';
import type { DesignerOption } from './field-type';

/** Keys a client may write: archived options stay readable on old records but take no new values. */
export const activeKeys = (options: readonly PicklistOption[]): string[] => options.filter((o) => !o.archived).map((o) => o.key);

export const PICKLIST_OPTIONS: DesignerOption = { key: 'options', input: 'options' };

export const firstOption = () => ({ options: [{ key: 'opcion_1', label: { es: 'Opción 1', en: 'Option 1' } }] });
