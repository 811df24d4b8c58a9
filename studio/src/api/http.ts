import { currentLang } from '../i18n/i18n';
import { ApiFailure, networkFailure, toFailure } from './api-error';
import { readSession, writeSession } from './session.store';

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for new tokens once, shared by every request that met a 401 at the same time. */
function refreshTokens(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = readSession();
    if (!session) return false;
    try {
      const response = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) return false;
      const fresh = (await response.json()) as { accessToken: string; refreshToken: string };
      writeSession({ ...session, accessToken: fresh.accessToken, refreshToken: fresh.refreshToken });
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const session = readSession();
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw networkFailure();
  }
}

/** Calls the API; a 401 refreshes the session once and retries, a second 401 signs the user out. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response = await send(method, path, body);
  if (response.status === 401 && readSession() && !path.startsWith('/api/v1/auth/login')) {
    if (await refreshTokens()) response = await send(method, path, body);
    if (response.status === 401) writeSession(null);
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) throw toFailure(response.status, parsed);
  return parsed as T;
}

export { ApiFailure };
