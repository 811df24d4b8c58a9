import { moduleRight, type ProfilePermissions } from '../core/profile-permissions';

/** Merging changes the kept record and deletes the others: it takes both rights on the module. */
export const canMerge = (permissions: ProfilePermissions, module: string): boolean => moduleRight(permissions, module, 'edit') && moduleRight(permissions, module, 'delete');
