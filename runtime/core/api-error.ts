import type { Issue, LocalizedText } from '@crm/engine';

/**
 * An error a client caused, with everything the response needs:
 * `{ code, message: { es, en }, details: [{ path, code, message }] }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details: Issue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(text.en);
  }

  static validation(details: Issue[]): ApiError {
    return new ApiError(400, 'validation_failed', { es: 'Hay datos que no son válidos.', en: 'Some values are not valid.' }, details);
  }

  static notFound(what: LocalizedText, code = 'not_found'): ApiError {
    return new ApiError(404, code, what);
  }

  static moduleNotFound(key: string): ApiError {
    return new ApiError(404, 'module_not_found', { es: `El módulo «${key}» no existe.`, en: `Module "${key}" does not exist.` });
  }

  static recordNotFound(module: string, id: string): ApiError {
    return new ApiError(404, 'record_not_found', { es: `No existe el registro ${id} en «${module}».`, en: `Record ${id} does not exist in "${module}".` });
  }

  static conflict(code: string, text: LocalizedText, extra: Record<string, unknown> = {}): ApiError {
    return new ApiError(409, code, text, [], extra);
  }

  toBody() {
    return { code: this.code, message: this.text, details: this.details, ...this.extra };
  }
}
