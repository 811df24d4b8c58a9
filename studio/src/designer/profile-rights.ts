import { useEffect, useState } from 'react';
import { authApi } from '../api/auth.api';
import { readSession } from '../api/session.store';
import type { Me, ModuleRight, ProfileRights } from '../api/types';

export interface Rights {
  loaded: boolean;
  /** Operation settings: the designer and schema bundles. */
  admin: boolean;
  /** "Asistente IA para módulos". */
  aiAssistant: boolean;
  /** The profile's rights per module; `null` for the platform token, which may do everything. */
  modules: ProfileRights['modules'] | null;
}

const NONE: Rights = { loaded: false, admin: false, aiAssistant: false, modules: {} };

/** What `/auth/me` says the caller may do. */
export function rightsOf(me: Me): Rights {
  const permissions = me.permissions;
  // The platform token has no profile: it may do everything.
  if (!permissions) return { loaded: true, admin: me.platform || me.isAdmin === true, aiAssistant: me.platform, modules: me.platform ? null : {} };
  return { loaded: true, admin: permissions.admin, aiAssistant: permissions.aiAssistant, modules: permissions.modules };
}

/** One right on one module, as the server decides it: the module's own entry, else the profile's `*` entry. */
export function moduleRight(rights: Rights, module: string, right: ModuleRight): boolean {
  if (!rights.loaded) return false;
  if (rights.modules === null) return true;
  return (rights.modules[module]?.[right] ?? rights.modules['*']?.[right]) === true;
}

// One request per session: the menu, the designer and the table toolbar all ask.
let cached: { token: string; answer: Promise<Rights> } | null = null;

function load(): Promise<Rights> {
  const token = readSession()?.accessToken ?? '';
  if (cached?.token === token) return cached.answer;
  const answer = authApi.me().then(rightsOf, () => ({ ...NONE, loaded: true }));
  cached = { token, answer };
  return answer;
}

/** What the signed-in profile may do; hides what it cannot use (the API refuses it anyway). */
export function useRights(): Rights {
  const [rights, setRights] = useState<Rights>(NONE);
  useEffect(() => {
    let live = true;
    load().then((r) => live && setRights(r));
    return () => {
      live = false;
    };
  }, []);
  return rights;
}
