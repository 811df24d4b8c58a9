import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { RuntimeConfig } from './config/runtime.config';
import { closeDatabase, openDatabase } from './database/database.provider';
import { type DemoInfo, seedDemo } from './demo/demo.seeder';
import { dtoValidationPipe } from './core/dto-validation.pipe';
import { OpenApiDocument } from './openapi/openapi-document';
import { buildBaseDocument, setupOpenApi } from './openapi/openapi.setup';
import { serveStudio } from './studio/studio.static';

export interface RunningServer {
  app: NestFastifyApplication;
  url: string;
  close(): Promise<void>;
  /** The demo operation, when the configuration names one (created with its sample records on first start). */
  demo?: DemoInfo;
}

/** Opens the database, builds the Nest app on Fastify and listens. Used by main.ts and the end-to-end tests. */
export async function startServer(config: RuntimeConfig): Promise<RunningServer> {
  const database = await openDatabase(config);
  const adapter = new FastifyAdapter({ bodyLimit: 50 * 1024 * 1024, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, database.dataSource), adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(dtoValidationPipe);
  app.enableShutdownHooks();
  const base = buildBaseDocument(app);
  app.get(OpenApiDocument).set(base);
  setupOpenApi(app, base);
  await serveStudio(app);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const close = async () => {
    await app.close();
    await closeDatabase(database);
  };
  let demo: DemoInfo | undefined;
  try {
    demo = config.demoOperation ? await seedDemo(app, config.demoOperation) : undefined;
  } catch (error) {
    await close();
    throw error;
  }
  return { app, url: `http://${config.host}:${port}`, close, ...(demo && { demo }) };
}
