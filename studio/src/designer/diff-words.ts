import type { DiffOperation, FieldType, ModuleDefinition } from '@crm/engine';
import type { I18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/es';

export const typeName = (t: I18n['t'], type: FieldType): string => t(`fieldType.${type}` as MessageKey);

/**
 * One diff operation as the admin reads it ("agrega el campo «Placa» (Texto)").
 * Labels come from the definitions around the change: the new one for fields
 * it adds, the old one for fields it archives or changes.
 */
export function describeOperation(op: DiffOperation, before: ModuleDefinition | undefined, after: ModuleDefinition | undefined, i18n: Pick<I18n, 't' | 'l'>): string {
  const { t, l } = i18n;
  const label = (key: string) => {
    const field = after?.fields.find((f) => f.key === key) ?? before?.fields.find((f) => f.key === key);
    return field ? l(field.label) : key;
  };
  const optionLabel = (field: string, option: string) => {
    for (const definition of [after, before]) {
      const found = definition?.fields.find((f) => f.key === field);
      const match = found && 'options' in found ? found.options.find((o) => o.key === option) : undefined;
      if (match) return l(match.label);
    }
    return option;
  };
  switch (op.op) {
    case 'addField':
      return t('diff.addField', { field: l(op.field.label), type: typeName(t, op.field.type) });
    case 'archiveField':
      return t('diff.archiveField', { field: label(op.key) });
    case 'restoreField':
      return t('diff.restoreField', { field: label(op.key) });
    case 'changeFieldType':
      return t('diff.changeFieldType', { field: l(op.to.label), from: typeName(t, op.from.type), to: typeName(t, op.to.type) });
    case 'changeFieldOptions': {
      const members = [...Object.keys(op.set), ...op.unset];
      // Making a field required is the change admins ask for most: say it plainly.
      if (members.length === 1 && members[0] === 'required') return t(op.set.required === true ? 'diff.required' : 'diff.notRequired', { field: label(op.key) });
      return t('diff.changeFieldOptions', { field: label(op.key), members: members.join(', ') });
    }
    case 'relabelField': {
      // The old label names the field; the new one is what it becomes.
      const old = before?.fields.find((f) => f.key === op.key);
      return t('diff.relabelField', { field: old ? l(old.label) : l(op.label), label: l(op.label) });
    }
    case 'changeFieldConditions':
      return t('diff.changeFieldConditions', { field: label(op.key) });
    case 'addOption':
      return t('diff.addOption', { field: label(op.key), option: l(op.option.label) });
    case 'removeOption':
      return t('diff.removeOption', { field: label(op.key), option: optionLabel(op.key, op.option) });
    case 'changeOption':
      return t('diff.changeOption', { field: label(op.key), option: l(op.option.label) });
    case 'reorderOptions':
      return t('diff.reorderOptions', { field: label(op.key) });
    case 'reorderFields':
      return t('diff.reorderFields');
    case 'changeRules':
      return t('diff.changeRules');
    case 'changeModule':
      return t('diff.changeModule', { members: [...Object.keys(op.set), ...op.unset].join(', ') });
  }
}
