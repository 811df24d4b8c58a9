import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** The OpenAPI document at /api/docs-json and Swagger UI at /api/docs. */
export async function setupOpenApi(app: NestFastifyApplication): Promise<void> {
  const config = new DocumentBuilder()
    .setTitle('Contact CRM API')
    .setDescription('Metadata-driven CRM: modules, records, history, jobs. Errors: { code, message: { es, en }, details: [{ path, code, message }] }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
