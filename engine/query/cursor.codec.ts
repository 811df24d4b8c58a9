import type { PageCursor } from './query.types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// btoa/atob over UTF-8 bytes: the engine also runs in the browser, where Buffer does not exist.
function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** An opaque cursor: base64url JSON of the last record's sort values (without the id) and its id. */
export function encodeCursor(cursor: PageCursor): string {
  return toBase64Url(JSON.stringify([cursor.values, cursor.id]));
}

/** The cursor behind a string, or null for anything that is not one of ours; never throws. */
export function decodeCursor(text: unknown, sortValues: number): PageCursor | null {
  if (typeof text !== 'string' || text.length === 0 || text.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(text));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [values, id] = parsed;
    if (!Array.isArray(values) || values.length !== sortValues || typeof id !== 'string' || !UUID.test(id)) return null;
    if (!values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))) return null;
    return { values, id };
  } catch {
    return null;
  }
}
