import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiError } from './api-error';
import type { ProfilePermissions } from './profile-permissions';
import type { OperationRef } from './operation-ref';

/** Who is calling and in which operation; set by the guard on every checked request. */
export interface Caller {
  userId: string | null;
  /** The session of a logged-in user, for logging out. */
  sessionId?: string;
  /** A platform token may act in any operation it names. */
  platform: boolean;
  operation?: OperationRef;
  locale: 'es' | 'en';
  /** A user's profile; the platform token has none (it may do everything). */
  permissions?: ProfilePermissions;
  roleId?: string | null;
  levelId?: string | null;
  /** An integration token acting instead of a user. */
  tokenId?: string;
  /** Set for external tokens: the only company whose notes they may read. */
  externalCompanyId?: string;
}

export interface CallerRequest {
  headers: Record<string, string | string[] | undefined>;
  caller?: Caller;
}

export const CurrentCaller = createParamDecorator((_: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<CallerRequest>().caller;
  if (!caller) throw new ApiError(401, 'unauthorized', { es: 'Hace falta iniciar sesión.', en: 'Authentication is required.' });
  return caller;
});

/** The operation of the request; routes over module data cannot run without one. */
export const CurrentOperation = createParamDecorator((_: unknown, context: ExecutionContext): OperationRef => {
  const operation = context.switchToHttp().getRequest<CallerRequest>().caller?.operation;
  if (!operation) {
    throw new ApiError(400, 'operation_required', {
      es: 'Indique la operación (cabecera X-Operation).',
      en: 'Name the operation (X-Operation header).',
    });
  }
  return operation;
});
