import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** PUT /settings/time-zone: the IANA name of the operation's time zone (checked by the service). */
export class SaveTimeZoneDto {
  @ApiProperty({ example: 'America/Bogota', description: 'IANA time zone name' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;
}
