import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime.config';
import { ApiError } from '../errors/api-error';
import { OperationsService } from '../operations/operations.service';
import type { CallerRequest } from './caller';
import { IS_PUBLIC } from './public.decorator';

/**
 * The one check every route goes through (registered globally): routes are
 * closed unless marked @Public. Until user sessions exist, the platform's
 * bootstrap token is the credential, and it names its operation in X-Operation.
 */
@Injectable()
export class ApiAuthGuard implements CanActivate {
  private readonly token: Buffer;

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Inject(OperationsService) private readonly operations: OperationsService,
  ) {
    this.token = Buffer.from(config.bootstrapToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<CallerRequest>();
    const header = request.headers.authorization;
    const presented = typeof header === 'string' && header.startsWith('Bearer ') ? Buffer.from(header.slice(7).trim()) : undefined;
    if (!presented || presented.length !== this.token.length || !timingSafeEqual(presented, this.token)) {
      throw new ApiError(401, 'unauthorized', { es: 'Credenciales inválidas o ausentes.', en: 'Missing or invalid credentials.' });
    }
    const language = String(request.headers['accept-language'] ?? '');
    const operationKey = request.headers['x-operation'];
    request.caller = {
      userId: null,
      platform: true,
      locale: language.startsWith('en') ? 'en' : 'es',
      operation: typeof operationKey === 'string' && operationKey ? await this.operations.resolve(operationKey) : undefined,
    };
    return true;
  }
}
