/** The tokens of the signed-in user, kept in localStorage so a reload keeps the session. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  mustChangePassword: boolean;
  operation: string;
  username: string;
}

const KEY = 'crm.session';
type Listener = (session: StoredSession | null) => void;
const listeners = new Set<Listener>();

export function readSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const listener of listeners) listener(session);
}

/** The shell re-renders when the session ends (e.g. a refresh token expired mid-work). */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
