import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IMPORT_FORMATS, IMPORT_KINDS, type ImportKind } from '@nguon/shared';

export class ImportQueryDto {
  @ApiProperty({ enum: IMPORT_KINDS }) @IsIn(IMPORT_KINDS) kind: ImportKind;
}

const TEMPLATE_FILES = IMPORT_KINDS.flatMap((kind) => IMPORT_FORMATS.map((format) => `${kind}.${format}`));

export class ImportTemplateParams {
  @ApiProperty({ enum: TEMPLATE_FILES }) @IsIn(TEMPLATE_FILES) file: string;
}
