import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  EXPORT_COLUMN_SETS,
  EXPORT_FORMATS,
  EXPORT_LOTS_MAX,
  LOCALES,
  EXPORT_SCOPE_KINDS,
  TRACE_DIRECTIONS,
  type ExportColumnSet,
  type ExportFormat,
  type ExportOptions,
  type ExportScopeKind,
  type Locale,
  type LotReference,
  type TraceDirection,
} from '@nguon/shared';
import { IsDateTime, IsGtin, IsLotCode } from '../../common/validation/decorators.js';

export class ExportFormatParams {
  @ApiProperty({ enum: EXPORT_FORMATS }) @IsIn(EXPORT_FORMATS) format: ExportFormat;
}

export class BusinessExportParams extends ExportFormatParams {
  @IsUUID() businessId: string;
}

/** How the spreadsheet is written (query parameters): its column set and language. */
export class ExportOptionsDto implements ExportOptions {
  @ApiPropertyOptional({ enum: EXPORT_COLUMN_SETS, default: 'fsma204', description: "the spreadsheet's column set" })
  @IsOptional()
  @IsIn(EXPORT_COLUMN_SETS)
  columns?: ExportColumnSet;

  @ApiPropertyOptional({ enum: LOCALES, description: 'the language of headers, glossary and words; else Accept-Language, else Vietnamese' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class LotReferenceDto implements LotReference {
  @ApiPropertyOptional() @IsOptional() @IsGtin() gtin?: string;
  @IsLotCode() lotCode: string;
}

/**
 * Validates a field whenever it is sent, and demands it when the scope needs it: a field another
 * scope uses, or a second way of naming the batch, must still be well-formed, never reach a query unchecked.
 */
const checkedWhen = (needed: (o: ExportScopeDto) => boolean) =>
  ValidateIf((o: ExportScopeDto, value: unknown) => value !== undefined || needed(o));
const is = (kind: ExportScopeKind) => (o: ExportScopeDto) => o.kind === kind;

/** One body for the three scopes (`ExportScope` in shared): `kind` says which fields apply. */
export class ExportScopeDto {
  @ApiProperty({ enum: EXPORT_SCOPE_KINDS }) @IsIn(EXPORT_SCOPE_KINDS) kind: ExportScopeKind;

  @ApiPropertyOptional({ description: 'trace: the starting batch (or `lot`)' })
  @checkedWhen((o) => o.kind === 'trace' && o.lot === undefined)
  @IsUUID()
  batchId?: string;

  @ApiPropertyOptional({ type: LotReferenceDto, description: 'trace: the starting batch by its lot (or `batchId`)' })
  @checkedWhen((o) => o.kind === 'trace' && o.batchId === undefined)
  @ValidateNested()
  @Type(() => LotReferenceDto)
  lot?: LotReferenceDto;

  @ApiPropertyOptional({ enum: TRACE_DIRECTIONS, default: 'both' })
  @IsOptional()
  @IsIn(TRACE_DIRECTIONS)
  direction?: TraceDirection;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20, description: 'trace: processing steps to follow each way' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  depth?: number;

  @ApiPropertyOptional({ description: 'product: the product (or `gtin`)' })
  @checkedWhen((o) => o.kind === 'product' && o.gtin === undefined)
  @IsUUID()
  productId?: string;

  @checkedWhen((o) => o.kind === 'product' && o.productId === undefined)
  @IsGtin()
  gtin?: string;

  @ApiPropertyOptional({ description: 'product: events at or after this time' })
  @checkedWhen(is('product'))
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({ description: 'product: events before this time' })
  @checkedWhen(is('product'))
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({ type: [LotReferenceDto], description: 'lots: the lots, each by lot code and, when ambiguous, GTIN' })
  @checkedWhen(is('lots'))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EXPORT_LOTS_MAX)
  @ValidateNested({ each: true })
  @Type(() => LotReferenceDto)
  lots?: LotReferenceDto[];
}
