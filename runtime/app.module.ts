import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AccessController } from './access/access.controller';
import { AiModule } from './ai/ai.module';
import { ApiTokensController } from './access/api-tokens.controller';
import { IpRestrictionsController } from './access/ip-restrictions.controller';
import { IpRestrictionsService } from './access/ip-restrictions.service';
import { NotesHistoryController } from './access/notes-history.controller';
import { LoginHistoryController } from './access/login-history.controller';
import { ProfilesService } from './access/profiles.service';
import { RolesService } from './access/roles.service';
import { UsersController } from './access/users.controller';
import { AssignableUsersController } from './access/assignable-users.controller';
import { SavedViewsModule } from './views/saved-views.module';
import { MailModule } from './mail/mail.module';
import { UsersService } from './access/users.service';
import { LevelsService } from './access/levels.service';
import { AssignableUsersService } from './access/assignable-users.service';
import { LoginHistoryService } from './access/login-history.service';
import { NotesHistoryService } from './access/notes-history.service';
import { CurrentUserService } from './auth/current-user.service';
import { ApiAuthGuard } from './auth/api-auth.guard';
import { AuthController } from './auth/auth.controller';
import { Click2DialController } from './click2dial/click2dial.controller';
import { Click2DialService } from './click2dial/click2dial.service';
import type { RuntimeConfig } from './config/runtime.config';
import { CoreModule } from './core.module';
import { ApiExceptionFilter } from './core/api-exception.filter';
import { HealthController } from './health.controller';
import { JobsModule } from './jobs/jobs.module';
import { LevelsReportController } from './levels/levels-report.controller';
import { LevelsReportService } from './levels/levels-report.service';
import { ModulesController } from './modules/modules.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OpenApiDocument } from './openapi/openapi-document';
import { OperationsController } from './operations/operations.controller';
import { RecordsModule } from './records/records.module';
import { SchemaBundlesModule } from './schema-bundles/schema-bundles.module';
import { SettingsModule } from './settings/settings.module';
import { FilesModule } from './files/files.module';

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
        AiModule,
        SchemaBundlesModule,
        SettingsModule,
        SavedViewsModule,
        MailModule,
        FilesModule,
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
      ],
      controllers: [HealthController, AuthController, OperationsController, ModulesController, OpenApiController, AssignableUsersController, UsersController, LoginHistoryController, AccessController, ApiTokensController, NotesHistoryController,
        IpRestrictionsController, Click2DialController, LevelsReportController],
      providers: [
        { provide: APP_GUARD, useClass: ApiAuthGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        OpenApiDocument,
        UsersService,
        LevelsService,
        AssignableUsersService,
        LoginHistoryService,
        NotesHistoryService,
        CurrentUserService,
        ProfilesService,
        RolesService,
        IpRestrictionsService,
        Click2DialService,
        LevelsReportService,
      ],
    };
  }
}
