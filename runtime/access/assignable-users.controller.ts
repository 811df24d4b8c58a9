import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, CurrentOperation, type Caller } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { AssignableUsersService } from './assignable-users.service';

/**
 * The users the caller may assign records to (A5), for the Studio's assign dialog and user fields.
 * Any user may call it (agents cannot read GET /api/v1/users); it returns no e-mail or security data.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users/assignable')
export class AssignableUsersController {
  constructor(@Inject(AssignableUsersService) private readonly assignable: AssignableUsersService) {}

  @Get()
  @Requires.user()
  @ApiQuery({ name: 'q', required: false, description: 'Part of the name or username' })
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query('q') q?: string) {
    const items = await this.assignable.list(operation, caller, q);
    return { items, total: items.length, nextCursor: null };
  }
}
