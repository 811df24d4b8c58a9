import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IgnoresUnknownFields } from '../../core/dto-validation.pipe';

/** `POST /ip-restrictions`, `PATCH /ip-restrictions/{id}`: the address and mask formats are checked by the service. */
@IgnoresUnknownFields()
export class SaveIpRestrictionDto {
  @IsOptional() @IsString() @MaxLength(100) address?: string;
  @IsOptional() @IsString() @MaxLength(100) mask?: string | null;
  @IsOptional() @IsString() description?: string | null;
}
