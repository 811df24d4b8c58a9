import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IpRestrictionsService } from '../access/ip-restrictions.service';
import { moduleRight } from '../core/profile-permissions';
import { Requires } from '../core/requires.decorator';
import { type Caller, CurrentCaller, CurrentOperation } from '../core/caller';
import { ApiError } from '../core/api-error';
import { ModuleDefinitionsService } from '../modules/module-definitions.service';
import type { OperationRef } from '../core/operation-ref';
import { RecordAccessResolver } from '../records/record-access.resolver';
import { RecordsService } from '../records/records.service';
import { Click2DialService } from './click2dial.service';
import { PlaceCallDto } from './dto/place-call.dto';

const FORBIDDEN = () => new ApiError(403, 'forbidden', { es: 'Su perfil no permite esta acción.', en: 'Your profile does not allow this.' });

/**
 * Click2Dial and the contact-data download (seed 002 §7): both answer only to
 * addresses the operation's IP restrictions allow (403 naming the caller's IP),
 * and only for records the caller sees.
 */
@ApiTags('click2dial')
@ApiBearerAuth()
@Controller('api/v1/click2dial')
export class Click2DialController {
  constructor(
    @Inject(IpRestrictionsService) private readonly ipRules: IpRestrictionsService,
    @Inject(Click2DialService) private readonly calls: Click2DialService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordAccessResolver) private readonly access: RecordAccessResolver,
    @Inject(ModuleDefinitionsService) private readonly definitions: ModuleDefinitionsService,
  ) {}

  /** Body `{ module, id, field }`: the number to dial from a phone field; the call is logged as an activity. Needs the view right on the module. */
  @Requires.user()
  @Post('calls')
  @HttpCode(201)
  async call(@CurrentOperation() operation: OperationRef, @CurrentCaller() caller: Caller, @Body() call: PlaceCallDto, @Req() request: FastifyRequest) {
    await this.ipRules.enforce(operation, request.ip);
    if (caller.permissions && !moduleRight(caller.permissions, call.module, 'view')) throw FORBIDDEN();
    return this.calls.call(operation, call, await this.access.forCaller(operation, caller), { userId: caller.userId, locale: caller.locale });
  }

  /** A contact's data as a file (JSON), without the fields the caller's profile hides: a record of the module with the `contacts` role, which needs the view right. */
  @Requires.user()
  @Get('contacts/:id')
  async contact(
    @CurrentOperation() operation: OperationRef,
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.ipRules.enforce(operation, request.ip);
    const contacts = await this.definitions.requireRole(operation, 'contacts');
    if (caller.permissions && !moduleRight(caller.permissions, contacts.key, 'view')) throw FORBIDDEN();
    const contact = await this.records.get(operation, contacts.key, id, await this.access.forCaller(operation, caller));
    reply.header('content-disposition', `attachment; filename="contacto-${contact.id}.json"`);
    return { module: contacts.key, exportedAt: new Date().toISOString(), record: contact };
  }
}
