import type { FileField } from '@crm/engine';
import { ApiError } from '../core/api-error';

const invalid = (path: string, code: string, es: string, en: string) => ApiError.validation([{ path, code, message: { es, en } }]);

/** Errors of the file API, each with its code, both languages and the path of the offending value. */
export const FileErrors = {
  notFileField(module: string, field: string): ApiError {
    return ApiError.notFound({ es: `«${field}» no es un campo de adjuntos de «${module}».`, en: `"${field}" is not an attachment field of "${module}".` }, 'file_field_not_found');
  },
  badType(field: FileField, name: string): ApiError {
    const list = field.accept.join(', ');
    return invalid('name', 'file.type', `«${name}» no es de un tipo permitido (${list}).`, `"${name}" is not an allowed type (${list}).`);
  },
  tooBig(maxSizeMb: number): ApiError {
    return new ApiError(413, 'validation_failed', { es: 'Hay datos que no son válidos.', en: 'Some values are not valid.' }, [
      { path: 'content', code: 'file.size', message: { es: `El archivo supera el máximo de ${maxSizeMb} MB.`, en: `The file exceeds the ${maxSizeMb} MB limit.` } },
    ]);
  },
  notFound(id: string): ApiError {
    return ApiError.notFound({ es: `No existe el archivo ${id}.`, en: `File ${id} does not exist.` }, 'file_not_found');
  },
};
