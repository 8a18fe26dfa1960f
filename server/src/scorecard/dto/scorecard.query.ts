import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  SCORECARD_CRITERIA,
  SCORECARD_SORTS,
  SORT_ORDERS,
  type ScorecardCriterion,
  type ScorecardGapsQuery,
  type ScorecardListQuery,
  type ScorecardSort,
  type SortOrder,
} from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

/** The inspectors' table: by default the weakest overall first, the place to start. */
export class ScorecardListQueryDto extends PageQueryDto implements ScorecardListQuery {
  @ApiPropertyOptional({ enum: SCORECARD_SORTS, default: 'overall' }) @IsOptional() @IsIn(SCORECARD_SORTS) sort: ScorecardSort = 'overall';

  @ApiPropertyOptional({ enum: SORT_ORDERS, default: 'asc' }) @IsOptional() @IsIn(SORT_ORDERS) order: SortOrder = 'asc';
}

export class ScorecardGapsQueryDto extends PageQueryDto implements ScorecardGapsQuery {
  @ApiProperty({ enum: SCORECARD_CRITERIA }) @IsIn(SCORECARD_CRITERIA) criterion!: ScorecardCriterion;
}
