import { type ArgumentMetadata, type PipeTransform, ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Issue, LocalizedText } from '@crm/engine';
import type { ValidationOptions } from 'class-validator';
import { ApiError } from './api-error';

/** What a constraint answers instead of its generic text, when a route keeps its own code (`required`, `format.ip`). */
interface IssueOverride {
  code: string;
  message?: LocalizedText;
}

/** Options for a class-validator decorator: its failure reads as `code` (and `message`) in the error's details. */
export function answer(code: string, message?: LocalizedText): ValidationOptions {
  return { context: { code, message } satisfies IssueOverride };
}

export const REQUIRED = answer('required', { es: 'El campo es obligatorio.', en: 'This field is required.' });

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
};

/** A property the DTO does not declare: the same code the rest of the API uses for it. */
const UNKNOWN_FIELD = 'whitelistValidation';

/**
 * One issue per field: the first decorator written that failed says what is wrong
 * (class-validator lists failures from the last decorator to the first).
 */
function flatten(errors: ValidationError[], base = ''): Issue[] {
  return errors.flatMap((error) => {
    const path = base ? `${base}.${error.property}` : error.property;
    const constraint = Object.keys(error.constraints ?? {}).at(-1);
    const own: Issue[] = [];
    if (constraint === UNKNOWN_FIELD) {
      own.push({ path, code: 'unknownField', message: { es: `«${error.property}» no es un campo admitido.`, en: `"${error.property}" is not an accepted field.` } });
    } else if (constraint) {
      const override = error.contexts?.[constraint] as IssueOverride | undefined;
      own.push({ path, code: override?.code ?? constraint, message: override?.message ?? WORDS[constraint] ?? { es: 'El valor no es válido.', en: 'The value is not valid.' } });
    }
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Fields the DTO does not know come last, after what is wrong with the ones it does. */
function issues(errors: ValidationError[]): Issue[] {
  const all = flatten(errors);
  return [...all.filter((issue) => issue.code !== 'unknownField'), ...all.filter((issue) => issue.code === 'unknownField')];
}

const IGNORES_UNKNOWN_FIELDS = 'dto:ignoresUnknownFields';

/**
 * Drops undeclared fields instead of refusing them: for the settings bodies whose
 * clients have always sent extra fields (ids, authors) and had them ignored.
 */
export function IgnoresUnknownFields(): ClassDecorator {
  return (target) => Reflect.defineMetadata(IGNORES_UNKNOWN_FIELDS, true, target);
}

const options = { whitelist: true, transform: true, exceptionFactory: (errors: ValidationError[]) => ApiError.validation(issues(errors)) };
const refusing = new ValidationPipe({ ...options, forbidNonWhitelisted: true });
const ignoring = new ValidationPipe({ ...options, forbidNonWhitelisted: false });

/** class-validator for request DTOs, answering in the API's error shape. */
class DtoValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const lenient = typeof metadata.metatype === 'function' && Reflect.getMetadata(IGNORES_UNKNOWN_FIELDS, metadata.metatype) === true;
    return (lenient ? ignoring : refusing).transform(value, metadata);
  }
}

export const dtoValidationPipe = new DtoValidationPipe();
