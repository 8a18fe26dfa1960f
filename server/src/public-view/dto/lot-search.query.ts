import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsLotCode } from '../../common/validation/decorators.js';

export class LotSearchQueryDto {
  @ApiProperty({ description: 'A lot code as printed on a package, matched with or without case and diacritics' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsLotCode()
  code: string;
}
