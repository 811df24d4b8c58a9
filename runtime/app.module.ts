import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AccessController } from './access/access.controller';
import { ApiTokensController } from './access/api-tokens.controller';
import { NotesHistoryController } from './access/notes-history.controller';
import { LoginHistoryController } from './access/login-history.controller';
import { ProfilesService } from './access/profiles.service';
import { RolesService } from './access/roles.service';
import { UsersController } from './access/users.controller';
import { UsersService } from './access/users.service';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { AuthController } from './auth/auth.controller';
import type { RuntimeConfig } from './config/runtime.config';
import { CoreModule } from './core.module';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { HealthController } from './health.controller';
import { JobsModule } from './jobs/jobs.module';
import { ModulesController } from './modules/modules.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OpenApiDocument } from './openapi/openapi-document';
import { OperationsController } from './operations/operations.controller';
import { RecordsModule } from './records/records.module';

@Module({})
export class AppModule {
  /** The whole server, wired to an open database. */
  static forRoot(config: RuntimeConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        JobsModule.forRoot(config),
        RecordsModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
      ],
      controllers: [HealthController, AuthController, OperationsController, ModulesController, OpenApiController, UsersController, LoginHistoryController, AccessController, ApiTokensController, NotesHistoryController],
      providers: [
        { provide: APP_GUARD, useClass: ApiAuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        OpenApiDocument,
        UsersService,
        ProfilesService,
        RolesService,
      ],
    };
  }
}
