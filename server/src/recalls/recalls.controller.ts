import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, RecallReachView, RecallView } from '@nguon/shared';
import { Access, owned, type AccessRule } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { LiftRecallDto, RecallDto } from './dto/recall.dto.js';
import { RecallsService } from './recalls.service.js';

/** Inspectors and administrators for any batch; a business's owners for their own. People only, never API keys. */
const DECIDES: AccessRule = { actsFor: owned.batchInPath('id'), memberRole: 'owner', authorities: ['inspector', 'admin'] };

@ApiTags('recalls')
@ApiBearerAuth()
@Controller('api')
export class RecallsController {
  constructor(private readonly recalls: RecallsService) {}

  @Post('batches/:id/recall')
  @Access(DECIDES)
  recall(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: RecallDto): Promise<RecallView> {
    return this.recalls.recall(actor, id, dto);
  }

  /** Whom a recall would reach (batches downstream, businesses told), shown before it is confirmed. */
  @Get('batches/:id/recall/preview')
  @Access(DECIDES)
  preview(@Param('id', UuidParam) id: string): Promise<RecallReachView> {
    return this.recalls.preview(id);
  }

  @Post('batches/:id/recall/lift')
  @HttpCode(200)
  @Access(DECIDES)
  lift(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: LiftRecallDto): Promise<RecallView> {
    return this.recalls.lift(actor, id, dto);
  }

  @Get('recalls')
  @Access({ roles: ['inspector', 'admin'] })
  list(@Query() query: PageQueryDto): Promise<Page<RecallView>> {
    return this.recalls.listRecalls(query);
  }

  @Get('recalls/:id')
  @Access({ roles: ['inspector', 'admin'] })
  get(@Param('id', UuidParam) id: string): Promise<RecallView> {
    return this.recalls.getRecall(id);
  }
}
