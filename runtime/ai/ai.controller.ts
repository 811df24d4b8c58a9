import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { ModuleDraftsService } from './module-drafts.service';
import { ModuleDraftDto } from './dto/module-draft.dto';

@ApiTags('ai')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Controller('api/v1/ai')
export class AiController {
  constructor(@Inject(ModuleDraftsService) private readonly drafts: ModuleDraftsService) {}

  /** Prompt → `{ provider, definition, diff, plan, notUnderstood }`; nothing is applied. Profile permission "Asistente IA para módulos". */
  @Requires.aiAssistant()
  @Post('module-drafts')
  @HttpCode(200)
  draft(@CurrentOperation() operation: OperationRef, @Body() body: ModuleDraftDto) {
    return this.drafts.draft(operation, body);
  }
}
