import { IsString, MaxLength } from 'class-validator';
import { IgnoresUnknownFields, REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /auth/change-password`: the password policy itself is checked by the login service. */
@IgnoresUnknownFields()
export class ChangePasswordDto {
  @IsString(REQUIRED) @MaxLength(1000) currentPassword!: string;
  @IsString(REQUIRED) @MaxLength(1000) newPassword!: string;
}
