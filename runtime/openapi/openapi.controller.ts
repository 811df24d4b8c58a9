import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags, type OpenAPIObject } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { withModuleSchemas } from './module-openapi.builder';
import { OpenApiDocument } from './openapi-document';
import { PluginRegistry } from '../plugins/plugin.registry';

@ApiTags('openapi')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/openapi')
export class OpenApiController {
  constructor(
    @Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService,
    @Inject(OpenApiDocument) private readonly base: OpenApiDocument,
    @Inject(PluginRegistry) private readonly plugins: PluginRegistry,
  ) {}

  /** The API document with the record schemas of this operation's modules as they are now. */
  @Requires.user()
  @Get()
  async document(@CurrentOperation() operation: OperationRef): Promise<OpenAPIObject> {
    return withModuleSchemas(this.base.get(), await this.modules.list(operation), this.plugins.host);
  }
}
