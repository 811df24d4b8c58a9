import { IsString, MaxLength } from 'class-validator';
import { IgnoresUnknownFields, REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /auth/refresh`: the refresh token of a session (it is rotated). */
@IgnoresUnknownFields()
export class RefreshSessionDto {
  @IsString(REQUIRED) @MaxLength(200) refreshToken!: string;
}
