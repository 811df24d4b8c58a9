import { CATALOG_MODULES } from '@crm/modules-catalog';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PluginRegistry } from '../plugins/plugin.registry';
import { withModuleSchemas } from './module-openapi.builder';

export const OPENAPI_BASE = Symbol('OPENAPI_BASE');

export function buildBaseDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Contact CRM API')
    .setDescription(
      'Metadata-driven CRM: operations, modules, records, history, jobs. Errors: `{ code, message: { es, en }, details: [{ path, code, message }] }`. ' +
        'Record schemas here are those of the default catalog; `GET /api/v1/openapi` gives the document for your operation’s current modules.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/** The OpenAPI document at /api/docs-json and Swagger UI at /api/docs, with the catalog's record schemas. */
export function setupOpenApi(app: NestFastifyApplication, base: OpenAPIObject): void {
  SwaggerModule.setup('api/docs', app, withModuleSchemas(base, CATALOG_MODULES, app.get(PluginRegistry).host), { jsonDocumentUrl: 'api/docs-json' });
}
