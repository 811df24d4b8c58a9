import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { answer, IgnoresUnknownFields } from '../../core/dto-validation.pipe';

const NAME = answer('required', { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' });

/** `POST /api-tokens`: an external token also names its company; the service checks that it exists. */
@IgnoresUnknownFields()
export class CreateApiTokenDto {
  @IsString(NAME) @Matches(/\S/, NAME) @MaxLength(100, NAME) name!: string;
  @IsIn(['internal', 'external'], answer('option', { es: 'El tipo es «internal» o «external».', en: 'The type is "internal" or "external".' }))
  type!: 'internal' | 'external';
  @IsOptional() @IsString() @MaxLength(100) companyId?: string;
}
