import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { UsersService } from './users.service';
import { CreateUserDto, UpdateUserDto } from './dto/save-user.dto';

@ApiTags('users')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef) {
    const items = await this.users.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post()
  @HttpCode(201)
  create(@CurrentOperation() operation: OperationRef, @Body() body: CreateUserDto) {
    return this.users.create(operation, body);
  }

  @Get(':id')
  get(@CurrentOperation() operation: OperationRef, @Param('id') id: string) {
    return this.users.get(operation, id);
  }

  @Patch(':id')
  update(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: UpdateUserDto) {
    return this.users.update(operation, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(@CurrentOperation() operation: OperationRef, @Param('id') id: string) {
    return this.users.resetPassword(operation, id);
  }

  @Post(':id/unlock')
  @HttpCode(200)
  unlock(@CurrentOperation() operation: OperationRef, @Param('id') id: string) {
    return this.users.unlock(operation, id);
  }
}
