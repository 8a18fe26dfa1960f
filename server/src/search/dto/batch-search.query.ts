import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  BATCH_SEARCH_SORTS,
  BATCH_STATUSES,
  CBV_BIZ_STEPS,
  CBV_DISPOSITIONS,
  LOT_MATCHES,
  PORTAL_BIZ_STEPS,
  SEARCH_DATE_FIELDS,
  SORT_ORDERS,
  normalizeBizStep,
  type BatchSearchQuery,
  type BatchSearchSort,
  type BatchStatus,
  type LotMatch,
  type SearchDateField,
  type SortOrder,
} from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';
import { IsGtin, IsIsoDate, IsLotCode } from '../../common/validation/decorators.js';

const BIZ_STEPS = [...CBV_BIZ_STEPS, ...Object.values(PORTAL_BIZ_STEPS)];

/** Blank text is no filter at all. */
const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value));

/** A free-text filter: at most 100 characters, matched with or without diacritics. */
const SearchText = (description: string) =>
  applyDecorators(trimmed(), IsOptional(), IsString(), MaxLength(100), ApiPropertyOptional({ description, maxLength: 100 }));

export class BatchSearchQueryDto extends PageQueryDto implements BatchSearchQuery {
  @SearchText('Product name, lot code or business name') q?: string;

  @trimmed() @IsOptional() @IsGtin() gtin?: string;

  @trimmed() @IsOptional() @IsLotCode() lot?: string;

  @ApiPropertyOptional({ enum: LOT_MATCHES, default: 'exact' }) @IsOptional() @IsIn(LOT_MATCHES) lotMatch: LotMatch = 'exact';

  @SearchText('Vietnamese or English product name') productName?: string;

  @SearchText("A business's name, or the start of its tax code") business?: string;

  @SearchText("A place's name: the batch's origin or where one of its events happened") location?: string;

  @ApiPropertyOptional({ description: 'A CBV bizStep (bare word or URI) or a portal bizStep URI' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normalizeBizStep(value.trim()) : value))
  @IsIn(BIZ_STEPS)
  bizStep?: string;

  @ApiPropertyOptional({ enum: CBV_DISPOSITIONS }) @IsOptional() @IsIn(CBV_DISPOSITIONS) disposition?: string;

  @ApiPropertyOptional({ enum: BATCH_STATUSES }) @IsOptional() @IsIn(BATCH_STATUSES) status?: BatchStatus;

  @ApiPropertyOptional({ enum: SEARCH_DATE_FIELDS, default: 'production' })
  @IsOptional()
  @IsIn(SEARCH_DATE_FIELDS)
  dateField: SearchDateField = 'production';

  @IsOptional() @IsIsoDate() from?: string;

  @IsOptional() @IsIsoDate() to?: string;

  @ApiPropertyOptional({ enum: BATCH_SEARCH_SORTS, default: 'productionDate' })
  @IsOptional()
  @IsIn(BATCH_SEARCH_SORTS)
  sort: BatchSearchSort = 'productionDate';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'desc' }) @IsOptional() @IsIn(SORT_ORDERS) order: SortOrder = 'desc';
}
