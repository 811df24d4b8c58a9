import type { Localized } from '../i18n/i18n';

export interface ApiIssue {
  path: string;
  code: string;
  message: Localized;
}

/** An answer of the API that is not 2xx, in the API's error shape `{ code, message, details }`. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Localized,
    readonly details: ApiIssue[],
    readonly body: Record<string, unknown>,
  ) {
    super(text.en);
  }
}

const NETWORK: Localized = { es: 'No hay conexión con el servidor.', en: 'The server cannot be reached.' };
const UNKNOWN: Localized = { es: 'Ocurrió un error inesperado.', en: 'An unexpected error occurred.' };

export function networkFailure(): ApiFailure {
  return new ApiFailure(0, 'network', NETWORK, [], {});
}

export function toFailure(status: number, body: unknown): ApiFailure {
  const data = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const message = data.message && typeof data.message === 'object' ? (data.message as Localized) : UNKNOWN;
  const details = Array.isArray(data.details) ? (data.details as ApiIssue[]) : [];
  return new ApiFailure(status, typeof data.code === 'string' ? data.code : 'error', message, details, data);
}
