import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { OperationSettingsService } from './operation-settings.service';
import { SETTINGS_SECTIONS } from './settings.sections';
import { PutSettingsDto } from './dto/put-settings.dto';

/**
 * Operation settings of S4 (GET/PUT /api/v1/settings/{section}). Agents read
 * them (the tipificación button, e-mail templates, the integration link);
 * only admins change them.
 */
@ApiTags('settings')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/settings')
export class SettingsController {
  constructor(@Inject(OperationSettingsService) private readonly settings: OperationSettingsService) {}

  @Requires.user()
  @Get()
  async list(@CurrentOperation() operation: OperationRef) {
    const items = await Promise.all(SETTINGS_SECTIONS.map((s) => this.settings.get(operation, s)));
    return { items, total: items.length, nextCursor: null };
  }

  @Requires.user()
  @Get(':section')
  get(@CurrentOperation() operation: OperationRef, @Param('section') section: string) {
    return this.settings.get(operation, this.settings.section(section));
  }

  @Requires.admin()
  @Put(':section')
  put(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Param('section') section: string, @Body() body: PutSettingsDto) {
    return this.settings.put(operation, this.settings.section(section), body.value, { expectedVersion: body.expectedVersion, userId: caller.userId });
  }

  @Requires.admin()
  @Get(':section/versions')
  async versions(@CurrentOperation() operation: OperationRef, @Param('section') section: string) {
    const items = await this.settings.versions(operation, this.settings.section(section));
    return { items, total: items.length, nextCursor: null };
  }
}
