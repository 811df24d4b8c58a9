import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { AccessModule } from './access/access.module';
import { AiModule } from './ai/ai.module';
import { AuthModule } from './auth/auth.module';
import { Click2DialModule } from './click2dial/click2dial.module';
import type { RuntimeConfig } from './config/runtime.config';
import { CoreModule } from './core.module';
import { ExportsModule } from './exports/exports.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { FilesModule } from './files/files.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { JobsModule } from './jobs/jobs.module';
import { LevelsModule } from './levels/levels.module';
import { MailModule } from './mail/mail.module';
import { MassDeleteModule } from './mass-delete/mass-delete.module';
import { MergesModule } from './merges/merges.module';
import { ModulesModule } from './modules/modules.module';
import { OpenApiModule } from './openapi/openapi.module';
import { OperationsModule } from './operations/operations.module';
import { RecordsModule } from './records/records.module';
import { SchemaBundlesModule } from './schema-bundles/schema-bundles.module';
import { SettingsModule } from './settings/settings.module';
import { SavedViewsModule } from './views/saved-views.module';

@Module({})
export class AppModule {
  /** The whole server, wired to an open database: one feature module per folder. */
  static forRoot(config: RuntimeConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, dataSource),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
          },
        }),
        JobsModule.forRoot(config),
        HealthModule,
        AuthModule,
        OperationsModule,
        AccessModule,
        ModulesModule,
        OpenApiModule,
        RecordsModule,
        AiModule,
        SchemaBundlesModule,
        SettingsModule,
        SavedViewsModule,
        MailModule,
        ImportsModule,
        MassDeleteModule,
        ExportsModule,
        FilesModule,
        Click2DialModule,
        LevelsModule,
        MergesModule,
        DashboardsModule,
      ],
    };
  }
}
