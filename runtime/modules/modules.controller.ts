import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { moduleRight } from '../core/profile-permissions';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { ApplyModuleDto } from './dto/apply-module.dto';
import { CreateModuleDto } from './dto/create-module.dto';
import { RollbackModuleDto } from './dto/rollback-module.dto';
import { ModuleDefinitionsService } from './module-definitions.service';

@ApiTags('modules')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/modules')
export class ModulesController {
  constructor(@Inject(ModuleDefinitionsService) private readonly modules: ModuleDefinitionsService) {}

  @Requires.user()
  @Get()
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller) {
    const permissions = caller.permissions;
    const items = (await this.modules.list(operation)).filter((m) => !permissions || moduleRight(permissions, m.key, 'view'));
    return { items, total: items.length, nextCursor: null };
  }

  /** Body: a module definition (version is assigned by the server). */
  @Requires.admin()
  @Post()
  @HttpCode(201)
  async create(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: CreateModuleDto) {
    const [created] = await this.modules.create(operation, [body], caller.userId);
    return created;
  }

  @Requires.module('view', 'key')
  @Get(':key')
  get(@CurrentOperation() operation: OperationRef, @Param('key') key: string) {
    return this.modules.get(operation, key);
  }

  @Requires.module('settings', 'key')
  @Post(':key/plan')
  @HttpCode(200)
  plan(@CurrentOperation() operation: OperationRef, @Param('key') key: string, @Body() body: ApplyModuleDto) {
    return this.modules.plan(operation, key, body.definition);
  }

  @Requires.module('settings', 'key')
  @Put(':key')
  apply(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: ApplyModuleDto) {
    return this.modules.apply(operation, key, body.definition, { keepAside: body.keepAside, expectedVersion: body.expectedVersion, userId: caller.userId });
  }

  @Requires.module('settings', 'key')
  @Get(':key/versions')
  async versions(@CurrentOperation() operation: OperationRef, @Param('key') key: string) {
    const items = await this.modules.versions(operation, key);
    return { items, total: items.length, nextCursor: null };
  }

  @Requires.module('settings', 'key')
  @Post(':key/rollback')
  @HttpCode(200)
  rollback(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('key') key: string, @Body() body: RollbackModuleDto) {
    return this.modules.rollback(operation, key, body.version, { keepAside: body.keepAside, userId: caller.userId });
  }
}
