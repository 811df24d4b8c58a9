import type { FilterNode } from '../api/types';

/** base64url of the filter's JSON (UTF-8), for `/m/{module}?filter=…`. */
export function encodeFilter(filter: FilterNode): string {
  const bytes = new TextEncoder().encode(JSON.stringify(filter));
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The filter of a `?filter=` parameter; undefined when it cannot be read. */
export function decodeFilter(param: string | null): FilterNode | undefined {
  if (!param) return undefined;
  try {
    const text = atob(param.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0))));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as FilterNode) : undefined;
  } catch {
    return undefined;
  }
}
