import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { LongRunning } from '../common/timeouts/request-timeout.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { LabelSheetQueryDto } from './dto/label-sheet-query.dto.js';
import { LabelsService } from './labels.service.js';

@ApiTags('labels')
@ApiBearerAuth()
@Controller('api/batches')
export class LabelsController {
  constructor(private readonly labels: LabelsService) {}

  @Get(':id/labels.pdf')
  @Access({ scope: 'read', actsFor: owned.batchInPath(), authorities: READS_EVERYTHING })
  @LongRunning()
  @ApiProduces('application/pdf')
  async labelSheet(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Query() query: LabelSheetQueryDto,
  ): Promise<StreamableFile> {
    const { fileName, pdf } = await this.labels.labelSheet(actor, id, query);
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"` });
  }
}
