import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Requires } from '../core/requires.decorator';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { ModuleDraftsService } from './module-drafts.service';

export class ModuleDraftDto {
  @IsString() @IsNotEmpty() @MaxLength(4000) prompt!: string;
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_]{0,62}$/) module?: string;
  @IsOptional() @IsObject() draft?: Record<string, unknown>;
}

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
