import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConsistencyProofView, LogEntriesView, TreeHeadView } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { setCors } from '../common/http/cors.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { ConsistencyQueryDto, EntriesQueryDto, LogDayParamDto } from './dto/log-range.query.js';
import { TransparencyLog } from './transparency-log.service.js';

/** The transparency log, public and readable from any site: anyone may keep its heads and check them. */
@ApiTags('transparency')
@RateLimited('public')
@Controller()
export class TransparencyController {
  constructor(private readonly log: TransparencyLog) {}

  /** The note verifier key that signs the checkpoints. */
  @Get('.well-known/nguon-log-key')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'public, max-age=3600')
  key(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    setCors(reply);
    return this.log.verifierKey();
  }

  @Get('api/transparency/tree-head')
  @Header('cache-control', 'no-cache')
  treeHead(@Res({ passthrough: true }) reply: FastifyReply): Promise<TreeHeadView> {
    setCors(reply);
    return this.log.treeHead();
  }

  /** The latest checkpoint as a signed note, as other transparency logs' witnesses read one. */
  @Get('api/transparency/checkpoint')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-cache')
  async checkpoint(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    setCors(reply);
    return (await this.log.treeHead()).checkpoint;
  }

  /** The checkpoint that closed a day: a file to fetch once a day and keep. */
  @Get('api/transparency/checkpoints/:day')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'public, max-age=86400, immutable')
  daily(@Param() params: LogDayParamDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    setCors(reply);
    return this.log.dailyCheckpoint(params.day);
  }

  @Get('api/transparency/consistency')
  consistency(@Query() query: ConsistencyQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<ConsistencyProofView> {
    setCors(reply);
    return this.log.consistency(query.from, query.to);
  }

  /** The log's records in order, a page at a time: what a verifier of the whole log reads. */
  @Get('api/transparency/entries')
  entries(@Query() query: EntriesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<LogEntriesView> {
    setCors(reply);
    return this.log.entries(query.start);
  }
}
