import type { Issue } from '@crm/engine';
import { ApiError } from '../core/api-error';

/**
 * The provider's fault, not the admin's: a 502 (the server as a gateway got a bad
 * answer from upstream), with the validation problems of the last answer as details.
 */
export function invalidAnswer(issues: Issue[]): ApiError {
  return new ApiError(
    502,
    'ai_invalid_answer',
    {
      es: 'El asistente de IA respondió dos veces con una definición que no es válida. Intente de nuevo con otras palabras o use el asistente sin conexión.',
      en: 'The AI assistant answered twice with a definition that is not valid. Try again with other words or use the offline assistant.',
    },
    issues,
  );
}

export function providerUnavailable(detail: string): ApiError {
  return new ApiError(502, 'ai_unavailable', { es: 'No fue posible consultar el asistente de IA; intente más tarde.', en: 'The AI assistant could not be reached; try again later.' }, [
    { path: '', code: 'ai_unavailable', message: { es: detail, en: detail } },
  ]);
}
