import type { StudioPluginPart } from '@crm/engine';
import { fullName, type FullNameConfig } from '../full-name';

/** The full name the form shows while the user types the parts. */
export const fullNameStudio: StudioPluginPart<FullNameConfig> = {
  name: 'full-name',
  livePatch: (record, config) => ({ [config.target]: fullName(record, config) }),
};
