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
