import { readSession } from './session.store';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** How a stream ended: `status` is the HTTP status when the server refused it (401, 404…), 0 when the connection dropped. */
export interface StreamEnd {
  status: number;
}

/**
 * Reads a server-sent-events endpoint with fetch and a stream reader.
 * EventSource cannot send the `Authorization: Bearer` header this API uses,
 * and putting the token in the URL would leave it in logs and history.
 * Resolves when the stream ends (server closed it, network lost, or `signal` aborted).
 */
export async function readEventStream(path: string, onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<StreamEnd> {
  const session = readSession();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (session) headers.authorization = `Bearer ${session.accessToken}`;
  let response: Response;
  try {
    response = await fetch(path, { headers, signal, cache: 'no-store' });
  } catch {
    return { status: 0 };
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { status: response.ok ? 0 : response.status };
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = parseFrame(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (frame) onEvent(frame);
      }
    }
  } catch {
    // Network lost or aborted: the caller decides whether to reconnect.
  }
  return { status: 0 };
}

/** One SSE frame (`event:` and `data:` lines; comments and ids ignored). */
function parseFrame(frame: string): StreamEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  if (data.length === 0) return null;
  try {
    return { event, data: JSON.parse(data.join('\n')) };
  } catch {
    return { event, data: data.join('\n') };
  }
}

/** Reconnection delays after a stream drops: doubles from the first to the last. */
export const RECONNECT_BACKOFF_MS = { first: 1000, max: 30_000 };

export interface FollowOptions {
  /** Opens the stream once; resolves when it ends. */
  open(onEvent: (event: StreamEvent) => void, signal: AbortSignal): Promise<StreamEnd>;
  /** Each event; `true` when nothing more is expected, so a closed stream is not asked again. */
  onEvent(event: StreamEvent): boolean | void;
  /** After a 401: a plain API call, which renews the session before the stream is asked again. */
  refreshSession(): Promise<unknown>;
  signal: AbortSignal;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });

/**
 * Keeps following a stream: a dropped connection is opened again with backoff
 * (servers restart, proxies cut idle streams). It ends when `signal` aborts,
 * `onEvent` says the story is over, or the server answers 403 / 404 (gone for this user: `'refused'`).
 */
export async function followStream({ open, onEvent, refreshSession, signal }: FollowOptions): Promise<'ended' | 'refused'> {
  let delay = RECONNECT_BACKOFF_MS.first;
  let over = false;
  while (!signal.aborted && !over) {
    let heard = false;
    const end = await open((event) => {
      heard = true;
      if (onEvent(event) === true) over = true;
    }, signal);
    if (end.status === 404 || end.status === 403) return 'refused';
    if (signal.aborted || over) return 'ended';
    if (end.status === 401) await refreshSession().catch(() => undefined);
    if (heard) delay = RECONNECT_BACKOFF_MS.first;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, RECONNECT_BACKOFF_MS.max);
  }
  return 'ended';
}
