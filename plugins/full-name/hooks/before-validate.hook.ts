import type { HookContext } from '@crm/engine';
import { fullName, type FullNameConfig } from '../full-name';

/** Fills the target before validation, so a required target is satisfied by its parts. */
export function beforeValidate({ record, config }: HookContext<FullNameConfig>): void {
  record[config.target] = fullName(record, config);
}
