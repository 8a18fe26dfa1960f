import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FlagCounts, FlagScanResult, FlagView, Page } from '@nguon/shared';
import { Access, type AccessRule } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { LongRunning } from '../common/timeouts/request-timeout.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ListFlagsQuery, UpdateFlagDto } from './dto/flags.dto.js';
import { FlagsService } from './flags.service.js';

const INSPECTORS = { roles: ['inspector', 'admin'] } satisfies AccessRule;

@ApiTags('flags')
@ApiBearerAuth()
@Controller('api/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Get()
  @Access(INSPECTORS)
  list(@Query() query: ListFlagsQuery): Promise<Page<FlagView>> {
    return this.flags.list(query);
  }

  /** What waits for an inspector, for the count in the navigation. */
  @Get('counts')
  @Access(INSPECTORS)
  counts(): Promise<FlagCounts> {
    return this.flags.counts();
  }

  @Post('scan')
  @HttpCode(200)
  @Access(INSPECTORS)
  @LongRunning()
  scan(@CurrentActor() actor: Actor): Promise<FlagScanResult> {
    return this.flags.scan(actor);
  }

  @Get(':id')
  @Access(INSPECTORS)
  get(@Param('id', UuidParam) id: string): Promise<FlagView> {
    return this.flags.get(id);
  }

  @Patch(':id')
  @Access(INSPECTORS)
  update(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: UpdateFlagDto): Promise<FlagView> {
    return this.flags.update(actor, id, dto);
  }

  /** The photo a consumer sent with a report: for inspectors only, never cached by the way. */
  @Get(':id/photo')
  @Header('Cache-Control', 'private, no-store')
  @Access(INSPECTORS)
  async photo(@Param('id', UuidParam) id: string): Promise<StreamableFile> {
    const { stream, contentType } = await this.flags.reportPhoto(id);
    return new StreamableFile(stream, { type: contentType });
  }
}
