import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import { ApiError } from '../core/api-error';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { NotesHistoryService } from './notes-history.service';
import { NotesHistoryQuery } from './dto/notes-history.query';

/**
 * "Consultar historial de notas" (seed 000 §3.3): the notes of a company and
 * of its contacts and cases. The only route an external token may call, and
 * only for the company the token belongs to.
 */
@ApiTags('integration')
@ApiBearerAuth()
@Requires.notesHistory()
@Controller('api/v1/integration/notes-history')
export class NotesHistoryController {
  constructor(@Inject(NotesHistoryService) private readonly notes: NotesHistoryService) {}

  @Get()
  async list(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Query() query: NotesHistoryQuery) {
    const companyId = caller.externalCompanyId ?? query.companyId;
    if (caller.externalCompanyId && query.companyId && query.companyId !== caller.externalCompanyId) {
      throw new ApiError(403, 'forbidden', { es: 'Este token solo consulta las notas de su empresa.', en: 'This token only reads its own company’s notes.' });
    }
    if (!companyId) {
      throw ApiError.validation([{ path: 'companyId', code: 'required', message: { es: 'Indique la empresa.', en: 'Name the company.' } }]);
    }
    return this.notes.list(operation, caller, companyId, { limit: query.limit ?? 50, offset: Number(query.cursor ?? 0) });
  }
}
