import type { ColumnMapping, ImportValueOptions } from '@crm/engine';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';

/** POST /imports/mappings/{module}: a mapping and value options kept under a name. */
export class SaveMappingDto {
  @ApiProperty({ example: 'Base mensual del call center' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'object', properties: { column: { type: 'integer' }, header: { type: 'string' }, field: { type: 'string', nullable: true }, lookupBy: { type: 'string' } } },
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  mapping!: ColumnMapping[];

  @ApiProperty({ type: 'object', properties: { dateOrder: { enum: ['dmy', 'mdy', 'ymd'] }, decimalMark: { enum: [',', '.'] }, listSeparator: { type: 'string' } } })
  @IsObject()
  options!: ImportValueOptions;
}
