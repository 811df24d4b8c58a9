import { ApiError } from '../core/api-error';
import { moduleRight } from '../core/profile-permissions';
import type { EnqueueScope } from '../jobs/job.contract';

/** A mass delete and its undo need the profile's "delete" and "mass delete" rights on the module (the platform token has all rights). */
export function assertMassDeleteAllowed(scope: EnqueueScope, module: string): void {
  if (!scope.permissions) return;
  if (moduleRight(scope.permissions, module, 'delete') && moduleRight(scope.permissions, module, 'massDelete')) return;
  throw new ApiError(403, 'forbidden', {
    es: `Su perfil no permite la eliminación masiva en el módulo «${module}».`,
    en: `Your profile does not allow mass deletion in module "${module}".`,
  });
}
