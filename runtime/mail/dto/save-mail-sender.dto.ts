import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** PUT /mail/sender: who the operation's e-mails come from; an empty address falls back to the server's MAIL_FROM. */
export class SaveMailSenderDto {
  @ApiPropertyOptional({ example: 'Línea 147', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  // A quote or angle bracket would break the From header the name goes into.
  @Matches(/^[^"<>\r\n\\]*$/)
  fromName?: string | null;

  @ApiPropertyOptional({ example: 'atencion@linea147.gob.ar', nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  fromAddress?: string | null;

  @ApiPropertyOptional({ example: 'respuestas@linea147.gob.ar', nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  replyTo?: string | null;
}
