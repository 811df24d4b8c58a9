import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { SaveIpRestrictionDto } from './dto/save-ip-restriction.dto';
import { IpRestrictionsService } from './ip-restrictions.service';
import { Requires } from '../core/requires.decorator';

/**
 * Click2Dial IP restrictions (A7, seed 002 §7), for admins: allowed addresses
 * or ranges (`64.80.111.0` / `255.255.255.0`, `/24`, IPv6 prefixes). None = all
 * allowed; mask `0.0.0.0` = all allowed. Bodies are checked by the service.
 */
@ApiTags('click2dial')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1/click2dial/ip-restrictions')
export class IpRestrictionsController {
  constructor(@Inject(IpRestrictionsService) private readonly rules: IpRestrictionsService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef) {
    const items = await this.rules.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  @Post()
  @HttpCode(201)
  add(@CurrentOperation() operation: OperationRef, @Body() body: SaveIpRestrictionDto) {
    return this.rules.add(operation, body);
  }

  @Patch(':id')
  update(@CurrentOperation() operation: OperationRef, @Param('id') id: string, @Body() body: SaveIpRestrictionDto) {
    return this.rules.update(operation, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentOperation() operation: OperationRef, @Param('id') id: string): Promise<void> {
    await this.rules.remove(operation, id);
  }
}
