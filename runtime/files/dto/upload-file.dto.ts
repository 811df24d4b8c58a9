import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { answer, IgnoresUnknownFields } from '../../core/dto-validation.pipe';

const NAME = answer('file.name', {
  es: 'Envíe el nombre del archivo (hasta 255 caracteres, sin barras ni caracteres de control).',
  en: 'Send the file name (up to 255 characters, without slashes or control characters).',
});
const CONTENT = answer('file.content', { es: 'Envíe { name, content } con el archivo en base64.', en: 'Send { name, content } with the file in base64.' });

/**
 * `POST /files/{module}/{field}`: JSON with the file in base64. Whether the field
 * takes the file (its types, its size) is the service's check.
 */
@IgnoresUnknownFields()
export class UploadFileDto {
  /** Control characters and path separators have no place in a file name (a header injection, a path). */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString(NAME)
  @IsNotEmpty(NAME)
  @MaxLength(255, NAME)
  // eslint-disable-next-line no-control-regex
  @Matches(/^[^\\/\u0000-\u001f]*$/, NAME)
  name!: string;

  /** A missing or unusable type is stored as binary rather than refused: clients have always sent whatever the browser reported. */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined))
  @IsOptional()
  @IsString()
  mime?: string;

  @IsString(CONTENT) @Matches(/^[A-Za-z0-9+/]*={0,2}$/, CONTENT) content!: string;
}
