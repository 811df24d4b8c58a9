import { useMemo } from 'react';
import { type ModuleRole, moduleWithRole } from '@crm/engine';
import type { ModuleDefinition } from '../api/types';
import { useModules } from '../app/modules.context';

/** The module of the operation with a platform role, among those the profile sees: the Studio never names module keys. */
export function useRoleModule(role: ModuleRole): ModuleDefinition | undefined {
  const { list } = useModules();
  return useMemo(() => moduleWithRole(list, role), [list, role]);
}
