import { IsString, MaxLength } from 'class-validator';
import { REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /auth/refresh`: the refresh token of a session (it is rotated). */
export class RefreshSessionDto {
  @IsString(REQUIRED) @MaxLength(200) refreshToken!: string;
}
