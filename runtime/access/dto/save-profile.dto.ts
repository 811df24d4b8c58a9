import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { answer, IgnoresUnknownFields } from '../../core/dto-validation.pipe';

const NAME = answer('required', { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' });

/**
 * `POST /profiles`, `PATCH /profiles/{id}`: fields not sent keep their value on a change.
 * The permissions' inner shape is checked by the profiles service against its JSON Schema.
 */
@IgnoresUnknownFields()
export class SaveProfileDto {
  @IsOptional() @IsString(NAME) @Matches(/\S/, NAME) @MaxLength(100, NAME) name?: string;
  @IsOptional() @IsString() @MaxLength(2000) description?: string | null;
  @IsOptional() @IsObject() permissions?: Record<string, unknown>;
}
