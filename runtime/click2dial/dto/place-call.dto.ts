import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { answer, REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /click2dial/calls`: the phone field of a record to dial. */
export class PlaceCallDto {
  @IsString(REQUIRED)
  @IsNotEmpty(REQUIRED)
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, answer('pattern', { es: 'El módulo no es válido.', en: 'The module is not valid.' }))
  module!: string;

  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(100) id!: string;
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(63) field!: string;
}
