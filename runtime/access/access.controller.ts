import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { CreateLevelDto } from './dto/create-level.dto';
import { SaveProfileDto } from './dto/save-profile.dto';
import { SaveRoleDto } from './dto/save-role.dto';
import { LevelsService } from './levels.service';
import { ProfilesService } from './profiles.service';
import { Requires } from '../core/requires.decorator';
import { RolesService } from './roles.service';

/** Profiles, roles and levels of the operation: its settings, for admins. */
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
  createProfile(@CurrentOperation() operation: OperationRef, @Body() body: SaveProfileDto) {
    return this.profiles.save(operation, body);
  }

  @Patch('profiles/:id')
  updateProfile(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: SaveProfileDto) {
    return this.profiles.save(operation, body, id);
  }

  @Get('roles')
  async listRoles(@CurrentOperation() operation: OperationRef) {
    const items = await this.roles.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post('roles')
  @HttpCode(201)
  createRole(@CurrentOperation() operation: OperationRef, @Body() body: SaveRoleDto) {
    return this.roles.save(operation, body);
  }

  @Patch('roles/:id')
  updateRole(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: SaveRoleDto) {
    return this.roles.save(operation, body, id);
  }

  /** Niveles de usuario (seed 003): name, description, created at and by. */
  @Get('levels')
  async listLevels(@CurrentOperation() operation: OperationRef) {
    const items = await this.levels.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post('levels')
  @HttpCode(201)
  createLevel(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: CreateLevelDto) {
    return this.levels.create(operation, { name: body.name.trim(), description: body.description ?? null }, caller.userId);
  }
}
