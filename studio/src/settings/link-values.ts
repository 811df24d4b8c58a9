import type { WebVariable } from '../api/settings.api';

/** `{name}` and `{{name}}` placeholders of a link, in order of appearance (as the server checks them). */
export function linkVariables(url: string): string[] {
  return [...new Set([...url.matchAll(/\{\{?\s*([A-Za-z_]\w*)\s*\}?\}/g)].map((m) => m[1]))];
}

/** Each variable's value for one record: a record field, the signed-in agent, or the call (a sample until the dialer gives one). */
export function linkValues(variables: WebVariable[], record: Record<string, unknown>, agent: string, call: string): Record<string, unknown> {
  return Object.fromEntries(variables.map((v) => [v.name, v.source === 'agent' ? agent : v.source === 'call' ? call : v.field ? (record[v.field] ?? '') : '']));
}
