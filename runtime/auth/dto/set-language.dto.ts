import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** PUT /auth/me/language: the Studio's language, which the user's e-mails follow. */
export class SetLanguageDto {
  @ApiProperty({ enum: ['es', 'en'] })
  @IsIn(['es', 'en'])
  language!: 'es' | 'en';
}
