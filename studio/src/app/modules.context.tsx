import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ApiFailure } from '../api/api-error';
import { recordsApi } from '../api/records.api';
import type { ModuleDefinition } from '../api/types';

interface ModulesState {
  list: ModuleDefinition[];
  byKey: Map<string, ModuleDefinition>;
  error: ApiFailure | null;
  loaded: boolean;
  /** Reads the definitions again: the designer created or changed a module. */
  reload(): void;
}

const ModulesContext = createContext<ModulesState>({ list: [], byKey: new Map(), error: null, loaded: false, reload: () => undefined });

/** The definitions of the modules this profile may see, loaded once per session (the list carries whole definitions). */
export function ModulesProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<Omit<ModulesState, 'reload'>>({ list: [], byKey: new Map(), error: null, loaded: false });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    recordsApi
      .modules()
      .then((page) => setState({ list: page.items, byKey: new Map(page.items.map((m) => [m.key, m])), error: null, loaded: true }))
      .catch((error: ApiFailure) => setState((s) => ({ ...s, error, loaded: true })));
  }, [generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const value = useMemo(() => ({ ...state, reload }), [state, reload]);
  return <ModulesContext.Provider value={value}>{children}</ModulesContext.Provider>;
}

export function useModules(): ModulesState {
  return useContext(ModulesContext);
}
