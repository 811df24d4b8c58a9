import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { INTEGRATION_PROFILE, moduleRight, NO_PERMISSIONS, type ProfilePermissions } from '../core/profile-permissions';
import { REQUIRES, type Requirement } from '../core/requires.decorator';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { ApiError } from '../core/api-error';
import { OperationsService } from '../operations/operations.service';
import { ApiTokenAuthenticator } from './api-token.authenticator';
import type { Caller, CallerRequest } from '../core/caller';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC, PLATFORM_ONLY } from '../core/public.decorator';
import { SessionService } from './session.service';

const FORBIDDEN = () => new ApiError(403, 'forbidden', { es: 'Su perfil no permite esta acción.', en: 'Your profile does not allow this.' });

/** Whether a profile meets a route's requirement; a route that declares none is closed to users. */
function meets(permissions: ProfilePermissions, requirement: Requirement, params: Record<string, string>): boolean {
  switch (requirement.kind) {
    case 'user':
      return true;
    case 'admin':
      return permissions.admin;
    case 'aiAssistant':
      return permissions.aiAssistant;
    case 'notesHistory':
      // The activities module is found by role in the operation's definitions: NotesHistoryService checks the view right on it.
      return true;
    case 'module': {
      const module = params[requirement.param ?? 'module'];
      return typeof module === 'string' && moduleRight(permissions, module, requirement.right);
    }
  }
}

const UNAUTHORIZED = () => new ApiError(401, 'unauthorized', { es: 'Credenciales inválidas o ausentes.', en: 'Missing or invalid credentials.' });

/**
 * The one check every route goes through (registered globally): routes are
 * closed unless marked @Public, and closed to users unless they declare what
 * profile right they need (@Requires). A user's session carries its operation;
 * the platform's token names the operation it acts in with X-Operation.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private readonly platformToken: Buffer;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(OperationsService) private readonly operations: OperationsService,
    @Inject(SessionService) private readonly sessions: SessionService,
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(ApiTokenAuthenticator) private readonly tokens: ApiTokenAuthenticator,
  ) {
    this.platformToken = Buffer.from(config.bootstrapToken);
  }

  private flag(name: string, context: ExecutionContext): boolean {
    return this.reflector.getAllAndOverride<boolean>(name, [context.getHandler(), context.getClass()]) === true;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.flag(IS_PUBLIC, context)) return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) throw UNAUTHORIZED();
    const language = String(request.headers['accept-language'] ?? '');
    const locale = language.startsWith('en') ? 'en' : 'es';

    if (this.isPlatformToken(token)) {
      const operationKey = request.headers['x-operation'];
      request.caller = {
        userId: null,
        platform: true,
        locale,
        operation: typeof operationKey === 'string' && operationKey ? await this.operations.resolve(operationKey) : undefined,
      };
      return true;
    }
    if (this.flag(PLATFORM_ONLY, context)) {
      throw new ApiError(403, 'platform_only', { es: 'Solo la plataforma puede hacer esto.', en: 'Only the platform can do this.' });
    }
    const requirement = this.reflector.getAllAndOverride<Requirement | undefined>(REQUIRES, [context.getHandler(), context.getClass()]);
    if (token.startsWith('crm_')) {
      const integration = await this.tokens.authenticate(token);
      if (!integration) throw UNAUTHORIZED();
      const external = integration.type === 'external';
      request.caller = {
        userId: null,
        platform: false,
        locale,
        operation: integration.operation,
        tokenId: integration.id,
        permissions: external ? NO_PERMISSIONS : INTEGRATION_PROFILE,
        ...(external && { externalCompanyId: integration.companyId ?? undefined }),
      };
      // An external token reads its company's notes history and nothing else.
      if (external ? requirement?.kind !== 'notesHistory' : !requirement || !meets(INTEGRATION_PROFILE, requirement, (request as { params?: Record<string, string> }).params ?? {})) {
        throw FORBIDDEN();
      }
      return true;
    }
    const caller = await this.userCaller(token, locale);
    request.caller = caller;
    if (this.flag(ALLOW_PENDING_PASSWORD, context)) return true;
    if (caller.mustChangePassword) {
      throw new ApiError(403, 'password_change_required', {
        es: 'Debe cambiar la contraseña antes de continuar.',
        en: 'You must change your password before going on.',
      });
    }
    if (!requirement || !meets(caller.permissions ?? NO_PERMISSIONS, requirement, (request as { params?: Record<string, string> }).params ?? {})) {
      throw FORBIDDEN();
    }
    return true;
  }

  private isPlatformToken(token: string): boolean {
    const presented = Buffer.from(token);
    return presented.length === this.platformToken.length && timingSafeEqual(presented, this.platformToken);
  }

  /** A logged-in user: the token must be valid and the user, its license, its session and its operation still good. */
  private async userCaller(token: string, locale: 'es' | 'en'): Promise<Caller & { mustChangePassword: boolean }> {
    if (token.split('.').length !== 3) throw UNAUTHORIZED();
    const claims = await this.sessions.verify(token);
    const [row] = await this.db.query(
      `SELECT u.must_change_password, u.role_id, u.level_id, p.permissions, o.id AS operation_id, o.key, o.schema_name, o.crm_enabled
         FROM core.users u
         LEFT JOIN core.profiles p ON p.id = u.profile_id
         JOIN core.operations o ON o.id = u.operation_id AND o.deleted_at IS NULL
         JOIN core.sessions s ON s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL
        WHERE u.id = $1 AND u.operation_id = $2 AND u.token_version = $4 AND u.active AND u.license_active`,
      [claims.sub, claims.op, claims.sid, claims.tv],
    );
    if (!row) {
      throw new ApiError(401, 'invalid_session', { es: 'La sesión no es válida o expiró; inicie sesión de nuevo.', en: 'The session is not valid or has expired; log in again.' });
    }
    if (!row.crm_enabled) throw new ApiError(403, 'crm_disabled', { es: 'El CRM no está habilitado en esta operación.', en: 'The CRM is not enabled for this operation.' });
    return {
      userId: claims.sub,
      sessionId: claims.sid,
      platform: false,
      locale,
      operation: { id: row.operation_id, key: row.key, schemaName: row.schema_name },
      mustChangePassword: row.must_change_password,
      permissions: row.permissions ?? NO_PERMISSIONS,
      roleId: row.role_id,
      levelId: row.level_id,
    };
  }
}
