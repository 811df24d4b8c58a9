import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IgnoresUnknownFields, REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /auth/login`: operation key, user name and password. */
@IgnoresUnknownFields()
export class LoginDto {
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(63) operation!: string;
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(200) username!: string;
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(1000) password!: string;
}
