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

/** What a request carries: a JSON value, or raw bytes (an import file) with their type. */
type RequestBody = { json: unknown } | { raw: Blob; type: string } | undefined;

async function send(method: string, path: string, body: RequestBody): Promise<Response> {
  const session = readSession();
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  if (body) headers['content-type'] = 'json' in body ? 'application/json' : body.type;
  try {
    return await fetch(path, { method, headers, body: !body ? undefined : 'json' in body ? JSON.stringify(body.json) : body.raw });
  } catch {
    throw networkFailure();
  }
}

/** Sends once; a 401 refreshes the session once and retries, a second 401 signs the user out. */
async function call(method: string, path: string, body: RequestBody): Promise<Response> {
  let response = await send(method, path, body);
  if (response.status === 401 && readSession() && !path.startsWith('/api/v1/auth/login')) {
    if (await refreshTokens()) response = await send(method, path, body);
    if (response.status === 401) writeSession(null);
  }
  return response;
}

async function answer<T>(response: Response): Promise<T> {
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

/** Calls the API with a JSON body (or none) and reads its JSON answer. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return answer<T>(await call(method, path, body === undefined ? undefined : { json: body }));
}

/** POSTs raw bytes as the request body (the import upload streams the file as it is, not as JSON). */
export async function apiUpload<T>(path: string, content: Blob, type: string): Promise<T> {
  return answer<T>(await call('POST', path, { raw: content, type }));
}

/** The file name a Content-Disposition header gives, if any. */
export function dispositionName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed encoding: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}

/**
 * Downloads with the session's token (a plain link could not send it) and hands
 * the bytes to the browser under the server's file name, else `fallbackName`.
 */
export async function apiDownload(path: string, fallbackName: string): Promise<void> {
  const response = await call('GET', path, undefined);
  if (!response.ok) return answer<never>(response);
  const name = dispositionName(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export { ApiFailure };
