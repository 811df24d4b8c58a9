import type { Issue } from '@crm/engine';
import { ApiError } from '../core/api-error';
import type { ApiRecord } from './record-row.mapper';

/** Errors of the record API, each with its code and both languages. */
export const RecordErrors = {
  staleVersion(current: ApiRecord): ApiError {
    return ApiError.conflict(
      'stale_version',
      {
        es: `Otra persona cambió el registro (versión actual ${current.version}); recárguelo y vuelva a intentar.`,
        en: `Someone else changed the record (current version ${current.version}); reload it and try again.`,
      },
      { currentVersion: current.version, current },
    );
  },

  notDeleted(module: string, id: string): ApiError {
    return ApiError.conflict('record_not_deleted', {
      es: `El registro ${id} de «${module}» no está eliminado.`,
      en: `Record ${id} of "${module}" is not deleted.`,
    });
  },

  duplicate(issues: Issue[]): ApiError {
    return new ApiError(409, 'duplicate_value', { es: 'Ya existe un registro con ese valor.', en: 'A record with that value already exists.' }, issues);
  },

  tooManyRows(count: number, limit: number): ApiError {
    const text = {
      es: `Se enviaron ${count} filas; el máximo por solicitud es ${limit}. Divida la carga en partes.`,
      en: `${count} rows were sent; at most ${limit} are accepted per request. Split the load into parts.`,
    };
    return new ApiError(413, 'too_many_rows', text, [{ path: 'rows', code: 'maxItems', message: text }]);
  },

  unknownAction(module: string, action: string): ApiError {
    return ApiError.notFound({ es: `El módulo «${module}» no ofrece la acción «${action}».`, en: `Module "${module}" offers no action "${action}".` }, 'action_not_found');
  },

  /** A plugin action that threw: the plugin's own sentence, kept for the admin who configured it. */
  actionFailed(action: string, reason: string): ApiError {
    return new ApiError(422, 'action_failed', { es: `La acción «${action}» no se pudo ejecutar: ${reason}`, en: `Action "${action}" could not run: ${reason}` });
  },

  actionCreateForbidden(module: string, path: string): ApiError {
    const text = { es: `Su perfil no permite crear registros en «${module}», que esta acción crea.`, en: `Your profile does not allow creating records in "${module}", which this action creates.` };
    return new ApiError(403, 'forbidden', text, [{ path, code: 'forbidden', message: text }]);
  },

  badRequest(path: string, code: string, es: string, en: string): ApiError {
    return ApiError.validation([{ path, code, message: { es, en } }]);
  },
};

export const recordIssue = (path: string, code: string, es: string, en: string): Issue => ({ path, code, message: { es, en } });

/** The issue of a system field a client may not write. */
export const systemFieldIssue = (path: string, key: string): Issue =>
  recordIssue(path, 'systemField', `«${key}» es un campo del sistema y no se puede escribir.`, `"${key}" is a system field and cannot be written.`);

export const uniqueIssue = (path: string, value?: unknown): Issue =>
  value === undefined
    ? recordIssue(path, 'unique', 'Ya existe un registro con ese valor.', 'A record with that value already exists.')
    : recordIssue(path, 'unique', `Ya existe un registro con el valor «${String(value)}».`, `A record with value "${String(value)}" already exists.`);

export const referenceIssue = (path: string, target: string): Issue =>
  recordIssue(path, 'reference', `El registro referido no existe en «${target}» o fue eliminado.`, `The referenced record does not exist in "${target}" or was deleted.`);

export const userIssue = (path: string): Issue => recordIssue(path, 'user', 'El usuario no existe en esta operación.', 'The user does not exist in this operation.');
