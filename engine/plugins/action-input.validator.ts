import type { ValidateFunction } from 'ajv';
import type { Issue } from '../issues/issue.types';
import { issue } from '../issues/issue.messages';
import { createRecordAjv } from '../validation/record.ajv';
import { mapAjvErrors } from '../validation/record.validator';

const ajv = createRecordAjv();
// Actions are plugin code, loaded once: their schemas are compiled on first use and kept.
const compiled = new WeakMap<Record<string, unknown>, ValidateFunction>();

/**
 * Checks what a client sends to a plugin action against the action's
 * `inputSchema` (a JSON Schema object). No schema: the input must be an
 * object, or absent. Never throws for any input.
 */
export function validateActionInput(schema: Record<string, unknown> | undefined, input: unknown): Issue[] {
  if (input === undefined || input === null) input = {};
  if (typeof input !== 'object' || Array.isArray(input)) return [issue('', 'type', { expected: 'object' })];
  if (!schema) return [];
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate(input) ? [] : mapAjvErrors(validate.errors ?? []);
}
