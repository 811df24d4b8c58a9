import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { LevelsService } from './levels.service';
import { ProfilesService } from './profiles.service';
import { Requires } from '../core/requires.decorator';
import { RolesService } from './roles.service';

/** Profiles, roles and levels of the operation: its settings, for admins. Bodies are checked by the services. */
@ApiTags('access')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1')
export class AccessController {
  constructor(
    @Inject(ProfilesService) private readonly profiles: ProfilesService,
    @Inject(RolesService) private readonly roles: RolesService,
    @Inject(LevelsService) private readonly levels: LevelsService,
  ) {}

  @Get('profiles')
  async listProfiles(@CurrentOperation() operation: OperationRef) {
    const items = await this.profiles.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post('profiles')
  @HttpCode(201)
  createProfile(@CurrentOperation() operation: OperationRef, @Body() body: Record<string, unknown> | undefined) {
    return this.profiles.save(operation, body ?? {});
  }

  @Patch('profiles/:id')
  updateProfile(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: Record<string, unknown> | undefined) {
    return this.profiles.save(operation, body ?? {}, id);
  }

  @Get('roles')
  async listRoles(@CurrentOperation() operation: OperationRef) {
    const items = await this.roles.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post('roles')
  @HttpCode(201)
  createRole(@CurrentOperation() operation: OperationRef, @Body() body: Record<string, unknown> | undefined) {
    return this.roles.save(operation, body ?? {});
  }

  @Patch('roles/:id')
  updateRole(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: Record<string, unknown> | undefined) {
    return this.roles.save(operation, body ?? {}, id);
  }

  /** Niveles de usuario (seed 003): name, description, created at and by. */
  @Get('levels')
  async listLevels(@CurrentOperation() operation: OperationRef) {
    const items = await this.levels.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post('levels')
  @HttpCode(201)
  async createLevel(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: Record<string, unknown> | undefined) {
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    const description = typeof body?.description === 'string' ? body.description : null;
    if (!name || name.length > 100) {
      throw ApiError.validation([{ path: 'name', code: 'required', message: { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' } }]);
    }
    return this.levels.create(operation, { name, description }, caller.userId);
  }
}
