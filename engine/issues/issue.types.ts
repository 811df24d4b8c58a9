import type { LocalizedText } from '../definition/module-definition.types';

/** One problem found in client input: where, a stable code, and a message in both languages. */
export interface Issue {
  /** Dotted path into the input (`lineas[0].cantidad`); empty for the input as a whole. */
  path: string;
  code: string;
  message: LocalizedText;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
