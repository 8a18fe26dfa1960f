import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessScorecard, Page, ScorecardGap, ScorecardList } from '@nguon/shared';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ScorecardGapsQueryDto, ScorecardListQueryDto } from './dto/scorecard.query.js';
import { ScorecardService } from './scorecard.service.js';

const OWN_OR_INSPECTED = { scope: 'read', actsFor: owned.businessInPath(), authorities: READS_EVERYTHING } as const;

@ApiTags('scorecard')
@ApiBearerAuth()
@Controller('api')
export class ScorecardController {
  constructor(private readonly scorecard: ScorecardService) {}

  /** The business's scores and its batches failing each criterion, for its people (and inspectors). */
  @Get('businesses/:businessId/scorecard')
  @Access(OWN_OR_INSPECTED)
  get(@Param('businessId', UuidParam) businessId: string): Promise<BusinessScorecard> {
    return this.scorecard.getBusinessScorecard(businessId);
  }

  /** One criterion's failing batches, a page at a time. */
  @Get('businesses/:businessId/scorecard/gaps')
  @Access(OWN_OR_INSPECTED)
  gaps(@Param('businessId', UuidParam) businessId: string, @Query() query: ScorecardGapsQueryDto): Promise<Page<ScorecardGap>> {
    return this.scorecard.listGaps(businessId, query);
  }

  /** Every business's scores, sorted, with the province's average: for inspectors and administrators. */
  @Get('scorecards')
  @Access({ roles: READS_EVERYTHING })
  list(@Query() query: ScorecardListQueryDto): Promise<ScorecardList> {
    return this.scorecard.listScores(query);
  }
}
