/**
 * Keys are lowercase snake_case and never change once created (ARCHITECTURE),
 * so they are made once from the first label the admin types.
 */
export function toKey(label: string): string {
  const plain = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const key = /^[a-z]/.test(plain) ? plain : `c_${plain}`;
  return key.slice(0, 63).replace(/_+$/, '') || 'campo';
}

/** `base`, or `base_2`, `base_3`… when taken. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;
