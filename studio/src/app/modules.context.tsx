import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';

interface ModulesState {
  list: ModuleDefinition[];
  byKey: Map<string, ModuleDefinition>;
  error: ApiFailure | null;
  loaded: boolean;
}

const ModulesContext = createContext<ModulesState>({ list: [], byKey: new Map(), error: null, loaded: false });

/** The definitions of the modules this profile may see, loaded once per session (the list carries whole definitions). */
export function ModulesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ModulesState>({ list: [], byKey: new Map(), error: null, loaded: false });
  useEffect(() => {
    recordsApi
      .modules()
      .then((page) => setState({ list: page.items, byKey: new Map(page.items.map((m) => [m.key, m])), error: null, loaded: true }))
      .catch((error: ApiFailure) => setState((s) => ({ ...s, error, loaded: true })));
  }, []);
  return <ModulesContext.Provider value={state}>{children}</ModulesContext.Provider>;
}

export function useModules(): ModulesState {
  return useContext(ModulesContext);
}
