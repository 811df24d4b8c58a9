import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { SaveTimeZoneDto } from './dto/save-time-zone.dto';
import { OperationTimeZoneService } from './operation-time-zone.service';

/** The operation's time zone (admins); every user of the operation reads it. */
@ApiTags('settings')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/settings/time-zone')
export class OperationTimeZoneController {
  constructor(@Inject(OperationTimeZoneService) private readonly zones: OperationTimeZoneService) {}

  @Requires.user()
  @Get()
  async get(@CurrentOperation() operation: OperationRef) {
    return { timeZone: await this.zones.get(operation) };
  }

  @Requires.admin()
  @Put()
  @ApiOperation({ summary: 'Sets the IANA time zone aggregations bucket dates and times in (default America/Bogota).' })
  async save(@CurrentOperation() operation: OperationRef, @Body() body: SaveTimeZoneDto) {
    return { timeZone: await this.zones.save(operation, body.timeZone) };
  }
}
