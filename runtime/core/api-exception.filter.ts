import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiError } from './api-error';

const GENERIC: Record<number, { code: string; es: string; en: string }> = {
  400: { code: 'bad_request', es: 'La solicitud no es válida.', en: 'The request is not valid.' },
  401: { code: 'unauthorized', es: 'Hace falta iniciar sesión.', en: 'Authentication is required.' },
  403: { code: 'forbidden', es: 'No tiene permiso para esta acción.', en: 'You are not allowed to do this.' },
  404: { code: 'not_found', es: 'La ruta no existe.', en: 'The route does not exist.' },
  405: { code: 'method_not_allowed', es: 'El método no está permitido.', en: 'The method is not allowed.' },
  413: { code: 'payload_too_large', es: 'La solicitud es demasiado grande.', en: 'The request is too large.' },
  415: { code: 'unsupported_media_type', es: 'El tipo de contenido no es compatible.', en: 'The content type is not supported.' },
  429: { code: 'too_many_requests', es: 'Demasiadas solicitudes; intente más tarde.', en: 'Too many requests; try again later.' },
};

/** Every error leaves the server in one shape; only faults of the server itself are 5xx. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof ApiError) {
      void reply.status(exception.status).send(exception.toBody());
      return;
    }
    const status = statusOf(exception);
    if (status !== undefined && status < 500) {
      const known = GENERIC[status] ?? GENERIC[400];
      const detail = exception instanceof Error ? exception.message : undefined;
      void reply.status(status).send({
        code: known.code,
        message: { es: known.es, en: known.en },
        details: detail ? [{ path: '', code: known.code, message: { es: detail, en: detail } }] : [],
      });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(500).send({
      code: 'internal_error',
      message: { es: 'Error interno del servidor.', en: 'Internal server error.' },
      details: [],
    });
  }
}

/** Status of Nest's HttpException and of Fastify's own client errors (bad JSON, body too large). */
function statusOf(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const candidate = (exception as { statusCode?: unknown } | null)?.statusCode;
  return typeof candidate === 'number' ? candidate : undefined;
}
