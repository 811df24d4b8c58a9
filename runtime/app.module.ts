import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime.config';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController } from './health.controller';
import { ModulesController } from './modules/modules.controller';
import { ModuleDefinitionsService } from './modules/module-definitions.service';
import { OperationsController } from './operations/operations.controller';
import { OperationsService } from './operations/operations.service';
import { PluginRegistry } from './plugins/plugin.registry';

@Module({})
export class AppModule {
  /** The whole server, wired to an open database. */
  static forRoot(config: RuntimeConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
      ],
      controllers: [HealthController, OperationsController, ModulesController],
      providers: [
        { provide: RUNTIME_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: APP_GUARD, useClass: ApiAuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        PluginRegistry,
        ModuleDefinitionsService,
        OperationsService,
      ],
    };
  }
}
