import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApiTokenAuthenticator } from './auth/api-token.authenticator';
import { LoginService } from './auth/login.service';
import { SessionService } from './auth/session.service';
import { SettingsStore } from './auth/settings.store';
import { ApiExceptionFilter } from './core/api-exception.filter';
import { RUNTIME_CONFIG, type RuntimeConfig } from './config/runtime.config';
import { ModuleDefinitionRepository } from './modules/module-definition.repository';
import { ModuleDefinitionsService } from './modules/module-definitions.service';
import { OperationsService } from './operations/operations.service';
import { PluginRegistry } from './plugins/plugin.registry';
import { RecordAuditRepository } from './database/record-audit.repository';

/** What every feature module may inject: configuration, the database, operations, module definitions, plugins, sessions. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: RuntimeConfig, dataSource: DataSource): DynamicModule {
    const providers = [
      { provide: RUNTIME_CONFIG, useValue: config },
      { provide: DataSource, useValue: dataSource },
      PluginRegistry,
      // Module changes write the records' history through the records' own audit writer.
      RecordAuditRepository,
      ModuleDefinitionRepository,
      ModuleDefinitionsService,
      OperationsService,
      SettingsStore,
      SessionService,
      LoginService,
      ApiTokenAuthenticator,
    ];
    return { module: CoreModule, providers: [...providers, { provide: APP_FILTER, useClass: ApiExceptionFilter }], exports: providers };
  }
}
