import { useEffect, useState } from 'react';
import { authApi } from '../api/auth.api';
import { readSession } from '../api/session.store';

export interface Rights {
  loaded: boolean;
  /** Operation settings: the designer and schema bundles. */
  admin: boolean;
  /** "Asistente IA para módulos". */
  aiAssistant: boolean;
}

// One request per session: the menu and the designer both ask.
let cached: { token: string; answer: Promise<Rights> } | null = null;

function load(): Promise<Rights> {
  const token = readSession()?.accessToken ?? '';
  if (cached?.token === token) return cached.answer;
  const answer = authApi.me().then(
    (me) => {
      const permissions = me.permissions;
      // The platform token has no profile: it may do everything.
      if (!permissions) return { loaded: true, admin: me.platform || me.isAdmin === true, aiAssistant: me.platform };
      return { loaded: true, admin: permissions.admin, aiAssistant: permissions.aiAssistant };
    },
    () => ({ loaded: true, admin: false, aiAssistant: false }),
  );
  cached = { token, answer };
  return answer;
}

/** What the signed-in profile may do in the designer; hides what it cannot use (the API refuses it anyway). */
export function useRights(): Rights {
  const [rights, setRights] = useState<Rights>({ loaded: false, admin: false, aiAssistant: false });
  useEffect(() => {
    let live = true;
    load().then((r) => live && setRights(r));
    return () => {
      live = false;
    };
  }, []);
  return rights;
}
