import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { answer, IgnoresUnknownFields } from '../../core/dto-validation.pipe';

const NAME = answer('required', { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' });

/** `POST /levels`: a nivel de usuario (seed 003). */
@IgnoresUnknownFields()
export class CreateLevelDto {
  @IsString(NAME) @Matches(/\S/, NAME) @MaxLength(100, NAME) name!: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
}
