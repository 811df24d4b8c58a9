import { IsArray, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** `POST /records/{module}/bulk`: at most 10,000 rows (more is a 413 from the service, with the count in the message). */
export class BulkRecordsDto {
  @IsArray() rows!: unknown[];
  @IsOptional() @IsIn(['insert', 'upsert']) mode?: 'insert' | 'upsert';
  @IsOptional() @IsString() @MaxLength(63) keyField?: string;
}
