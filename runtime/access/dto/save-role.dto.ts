import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { answer, IgnoresUnknownFields } from '../../core/dto-validation.pipe';

const NAME = answer('invalid', { es: 'El nombre es obligatorio (máximo 100).', en: 'The name is required (at most 100).' });

/** `POST /roles`, `PATCH /roles/{id}`: `parentId: null` puts the role at the top of the tree. */
@IgnoresUnknownFields()
export class SaveRoleDto {
  @IsOptional() @IsString(NAME) @Matches(/\S/, NAME) @MaxLength(100, NAME) name?: string;
  @IsOptional()
  @IsString(answer('invalid', { es: 'El rol superior no existe en esta operación.', en: 'The parent role does not exist in this operation.' }))
  parentId?: string | null;
}
