import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Issue } from '@crm/engine';
import { ApiError } from './api-error';

const WORDS: Record<string, { es: string; en: string }> = {
  isString: { es: 'Debe ser texto.', en: 'Must be text.' },
  isInt: { es: 'Debe ser un número entero.', en: 'Must be a whole number.' },
  min: { es: 'El valor es demasiado pequeño.', en: 'The value is too small.' },
  max: { es: 'El valor es demasiado grande.', en: 'The value is too large.' },
  isBoolean: { es: 'Debe ser verdadero o falso.', en: 'Must be true or false.' },
  isObject: { es: 'Debe ser un objeto.', en: 'Must be an object.' },
  isArray: { es: 'Debe ser una lista.', en: 'Must be a list.' },
  isNotEmpty: { es: 'El campo es obligatorio.', en: 'This field is required.' },
  matches: { es: 'El formato no es válido.', en: 'The format is not valid.' },
  maxLength: { es: 'El texto es demasiado largo.', en: 'The text is too long.' },
  arrayMaxSize: { es: 'La lista tiene demasiados elementos.', en: 'The list has too many items.' },
  whitelistValidation: { es: 'Este campo no se admite.', en: 'This field is not accepted.' },
};

function flatten(errors: ValidationError[], base = ''): Issue[] {
  return errors.flatMap((error) => {
    const path = base ? `${base}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((code) => ({ path, code, message: WORDS[code] ?? { es: 'El valor no es válido.', en: 'The value is not valid.' } }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** class-validator for request DTOs, answering in the API's error shape. */
export const dtoValidationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => ApiError.validation(flatten(errors)),
});
