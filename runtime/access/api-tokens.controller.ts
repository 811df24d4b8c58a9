import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { ApiTokensService } from './api-tokens.service';
import { CreateApiTokenDto } from './dto/create-api-token.dto';
import { Requires } from '../core/requires.decorator';

/** Configuración → Integración → Tokens. There is no edit route: a token's name and type never change. */
@ApiTags('tokens')
@ApiBearerAuth()
@Requires.admin()
@Controller('api/v1/tokens')
export class ApiTokensController {
  constructor(@Inject(ApiTokensService) private readonly tokens: ApiTokensService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef) {
    const items = await this.tokens.list(operation);
    return { items, total: items.length, nextCursor: null };
  }

  /** The answer holds the token itself; it is never shown again. */
  @Post()
  @HttpCode(201)
  create(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() body: CreateApiTokenDto) {
    return this.tokens.create(operation, body, caller.userId);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@CurrentOperation() operation: OperationRef, @Param('id') id: string) {
    return this.tokens.revoke(operation, id);
  }
}
