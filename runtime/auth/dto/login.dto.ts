import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { REQUIRED } from '../../core/dto-validation.pipe';

/** `POST /auth/login`: operation key, user name and password. */
export class LoginDto {
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(63) operation!: string;
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(200) username!: string;
  @IsString(REQUIRED) @IsNotEmpty(REQUIRED) @MaxLength(1000) password!: string;
}
