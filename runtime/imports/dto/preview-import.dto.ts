import type { ColumnMapping, ImportValueOptions } from '@crm/engine';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { CSV_DELIMITERS, CSV_ENCODINGS, type CsvDelimiter, type CsvEncoding } from '../csv-layout.detector';

/** POST /imports/preview: which file, into which module, and any choice the user has made so far (the rest is detected). */
export class PreviewImportDto {
  @ApiProperty({ format: 'uuid', description: 'The uploaded file (POST /imports/files).' })
  @IsUUID()
  fileId!: string;

  @ApiProperty({ example: 'contactos' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/)
  module!: string;

  @ApiPropertyOptional({ description: 'XLSX: the sheet to read (default the first).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sheet?: string;

  @ApiPropertyOptional({ enum: CSV_ENCODINGS })
  @IsOptional()
  @IsIn(CSV_ENCODINGS)
  encoding?: CsvEncoding;

  @ApiPropertyOptional({ enum: CSV_DELIMITERS })
  @IsOptional()
  @IsIn(CSV_DELIMITERS)
  delimiter?: CsvDelimiter;

  @ApiPropertyOptional({
    description: 'Column → field, as edited or saved; columns are matched by header when they moved.',
    type: 'array',
    items: { type: 'object', properties: { column: { type: 'integer' }, header: { type: 'string' }, field: { type: 'string', nullable: true }, lookupBy: { type: 'string' } } },
  })
  @IsOptional()
  @IsArray()
  mapping?: ColumnMapping[];

  @ApiPropertyOptional({
    type: 'object',
    properties: { dateOrder: { enum: ['dmy', 'mdy', 'ymd'] }, decimalMark: { enum: [',', '.'] }, listSeparator: { type: 'string' } },
  })
  @IsOptional()
  @IsObject()
  options?: ImportValueOptions;
}
