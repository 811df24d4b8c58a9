import type { ErrorSchema } from '@rjsf/utils';
import type { ApiIssue } from '../api/api-error';
import type { Lang } from '../i18n/i18n';

/** `lineas[0].cantidad` → ['lineas', '0', 'cantidad'] */
function segments(path: string): string[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
}

/**
 * The API's `details[].path` placed on the form's fields (react-jsonschema-form's
 * `extraErrors`); issues about the record as a whole (empty path) are returned apart.
 */
export function serverErrors(details: ApiIssue[], lang: Lang): { fields: ErrorSchema; general: string[] } {
  const fields: Record<string, unknown> = {};
  const general: string[] = [];
  for (const detail of details) {
    const parts = segments(detail.path);
    const text = detail.message[lang] || detail.message.es;
    if (parts.length === 0) {
      general.push(text);
      continue;
    }
    let node = fields;
    for (const part of parts) node = (node[part] ??= {}) as Record<string, unknown>;
    ((node.__errors ??= []) as string[]).push(text);
  }
  return { fields: fields as ErrorSchema, general };
}
