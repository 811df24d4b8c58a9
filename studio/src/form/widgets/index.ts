import type { RegistryFieldsType, RegistryWidgetsType } from '@rjsf/utils';
import { ComputedField } from './ComputedField';
import { DecimalWidget } from './DecimalWidget';
import { FileWidget } from './FileWidget';
import { LookupWidget } from './LookupWidget';
import { MultiPicklistWidget, PicklistWidget } from './PicklistWidget';
import { UserWidget } from './UserWidget';

/** The Studio's widgets, named as `form-schema.ts` asks for them in the UI schema. */
export const studioWidgets: RegistryWidgetsType = {
  decimal: DecimalWidget,
  picklist: PicklistWidget,
  multiPicklist: MultiPicklistWidget,
  lookup: LookupWidget,
  user: UserWidget,
};

export const studioFields: RegistryFieldsType = {
  computed: ComputedField,
  files: FileWidget,
};
