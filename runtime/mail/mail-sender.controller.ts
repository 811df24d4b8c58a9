import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentOperation } from '../core/caller';
import type { OperationRef } from '../core/operation-ref';
import { Requires } from '../core/requires.decorator';
import { SaveMailSenderDto } from './dto/save-mail-sender.dto';
import { MailSenderService } from './mail-sender.service';

/** The operation's sender (admins): name, address and reply-to of every e-mail it sends. */
@ApiTags('mail')
@ApiBearerAuth()
@ApiHeader({ name: 'X-Operation', required: true })
@Requires.admin()
@Controller('api/v1/mail/sender')
export class MailSenderController {
  constructor(@Inject(MailSenderService) private readonly senders: MailSenderService) {}

  @Get()
  get(@CurrentOperation() operation: OperationRef) {
    return this.senders.get(operation);
  }

  @Put()
  @ApiOperation({ summary: 'Sets the sender; messages already waiting leave with it too.' })
  save(@CurrentOperation() operation: OperationRef, @Body() body: SaveMailSenderDto) {
    return this.senders.save(operation, body);
  }
}
