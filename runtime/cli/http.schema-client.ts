import { ClientError, type SchemaClient } from './schema-client';

/**
 * A running server's API: URL from --url / CRM_URL, token from --token / CRM_TOKEN
 * (the platform token acts in the operation named by X-Operation).
 */
export function httpSchemaClient(url: string, token: string): SchemaClient {
  const call = async <T>(method: string, path: string, operation: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url.replace(/\/$/, '')}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'x-operation': operation, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed: unknown = await response.json().catch(() => ({ code: 'bad_response', message: { es: `Respuesta ${response.status}`, en: `Response ${response.status}` } }));
    if (!response.ok) throw new ClientError(parsed as ClientError['body']);
    return parsed as T;
  };
  return {
    export: (operation, modules) => call('GET', `/api/v1/schema/export${modules?.length ? `?modules=${encodeURIComponent(modules.join(','))}` : ''}`, operation),
    import: (operation, bundle, options) => call('POST', '/api/v1/schema/import', operation, { bundle, dryRun: options.dryRun, keepAside: options.keepAside }),
    close: async () => undefined,
  };
}
