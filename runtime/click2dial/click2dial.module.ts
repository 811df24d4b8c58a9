import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { RecordsModule } from '../records/records.module';
import { Click2DialController } from './click2dial.controller';
import { Click2DialService } from './click2dial.service';

/** Click2Dial (seed 002): dialing from phone fields and contact downloads, behind the operation's IP rules. */
@Module({
  imports: [AccessModule, RecordsModule],
  controllers: [Click2DialController],
  providers: [Click2DialService],
})
export class Click2DialModule {}
