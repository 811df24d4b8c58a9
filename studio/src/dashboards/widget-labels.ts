import type { AggregateMeasureInput, ModuleDefinition } from '@crm/engine';
import type { Localized } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;
type L = (text: Localized | undefined | null) => string;

const SYSTEM_LABELS: Record<string, Localized> = {
  createdAt: { es: 'Fecha de creación', en: 'Created' },
  updatedAt: { es: 'Fecha de modificación', en: 'Modified' },
  owner: { es: 'Propietario', en: 'Owner' },
  assignee: { es: 'Asignado a', en: 'Assignee' },
  createdBy: { es: 'Creado por', en: 'Created by' },
  updatedBy: { es: 'Modificado por', en: 'Modified by' },
};

export function fieldName(definition: ModuleDefinition, key: string, l: L): string {
  const field = definition.fields.find((f) => f.key === key);
  return field ? l(field.label) : SYSTEM_LABELS[key] ? l(SYSTEM_LABELS[key]) : key;
}

/** "Suma de Monto", "Recuento". */
export function measureName(definition: ModuleDefinition, measure: AggregateMeasureInput, t: T, l: L): string {
  const op = t(`widget.op.${measure.op}` as MessageKey);
  return measure.field ? `${op} ${fieldName(definition, measure.field, l)}` : op;
}

export { SYSTEM_LABELS };
