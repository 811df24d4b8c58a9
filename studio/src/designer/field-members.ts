import type { ModuleField } from '@crm/engine';

/**
 * A field with one member set, or removed when the value is empty: the
 * meta-schema refuses empty strings where a member is optional, and an absent
 * member keeps the diff free of noise.
 */
export function withMember<F extends ModuleField>(field: F, member: string, value: unknown): F {
  const next = { ...field } as Record<string, unknown>;
  if (value === undefined || value === '' || value === false || (typeof value === 'number' && Number.isNaN(value))) delete next[member];
  else next[member] = value;
  return next as unknown as F;
}

export const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));
