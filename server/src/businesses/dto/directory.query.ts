import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class DirectoryQuery {
  @ApiProperty({ description: 'Name (with or without diacritics) or the start of the tax code', minLength: 2, maxLength: 100 })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q: string;
}
