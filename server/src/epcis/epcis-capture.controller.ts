import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { EventView } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { Access, owned, READS_EVERYTHING } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LongRunning } from '../common/timeouts/request-timeout.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { BODY_LIMIT_BYTES } from '../config/limits.js';
import type { CaptureJobEntity } from './capture-job.entity.js';
import { CAPTURE_EVENT_LIMIT, ERROR_BEHAVIOURS, EpcisCaptureService, type ErrorBehaviour } from './epcis-capture.service.js';
import { QueryPageDto } from './dto/query-page.dto.js';
import { captureProblem } from './epcis-problems.js';
import { EpcisHeaders } from './epcis-headers.interceptor.js';
import { EpcisReply, nextPageHeaders } from './query-document.js';
import { EPCIS_XML_TYPES } from './xml/epcis-xml-body.parser.js';

function captureHeaders(reply: FastifyReply): void {
  reply
    .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_EVENT_LIMIT))
    .header('GS1-EPCIS-Capture-File-Size-Limit', String(BODY_LIMIT_BYTES));
}

/** `GET /epcis/capture`: the binding's paging, and the business when a user belongs to several. */
class CaptureJobsQueryDto extends QueryPageDto {
  @ApiPropertyOptional({ description: 'The business whose jobs to list, for a user of several businesses.' })
  @IsOptional()
  @IsUUID()
  businessId?: string;
}

/**
 * The binding's capture job (captureID, running, success, captureErrorBehaviour, errors as
 * problems), with the portal's counts and warnings; `processedCount` is its progress (events
 * checked so far of `eventCount`).
 */
function jobView(job: CaptureJobEntity, processedCount: number) {
  return {
    captureID: job.id,
    running: job.status === 'running',
    success: job.status === 'success',
    status: job.status,
    captureErrorBehaviour: job.errorBehaviour,
    errorBehaviour: job.errorBehaviour,
    eventCount: job.eventCount,
    capturedCount: job.capturedCount,
    processedCount,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    errors: job.errors.map(captureProblem),
    warnings: job.warnings,
  };
}

/** The capture side of the EPCIS 2.0 REST binding. */
@ApiTags('epcis')
@ApiBearerAuth()
@Controller('epcis')
@UseInterceptors(EpcisHeaders)
export class EpcisCaptureController {
  private readonly publicBaseUrl: string;

  constructor(
    private readonly capture: EpcisCaptureService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicBaseUrl = config.publicBaseUrl;
  }

  @Post('capture')
  @HttpCode(202)
  @Access({ scope: 'capture' })
  // On the embedded database (one connection) taking a document waits for a capture in progress.
  @LongRunning()
  @ApiOperation({
    summary: 'Takes an EPCISDocument for capture: 202 at once with Location: /epcis/capture/{captureID}; a worker captures it',
  })
  // JSON-LD, or EPCIS 2.0 / 1.2 XML read into the same JSON-LD document by the XML body parser.
  @ApiConsumes('application/ld+json', 'application/json', ...EPCIS_XML_TYPES)
  @ApiHeader({ name: 'GS1-Capture-Error-Behaviour', required: false, enum: [...ERROR_BEHAVIOURS] })
  async captureDocument(
    @CurrentActor() actor: Actor,
    @Body() document: unknown,
    @Headers('gs1-capture-error-behaviour') behaviour: string | undefined,
    @Query('businessId') businessId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const errorBehaviour = (behaviour ?? 'rollback').toLowerCase();
    if (!(ERROR_BEHAVIOURS as readonly string[]).includes(errorBehaviour)) {
      throw new DomainError('VALIDATION_FAILED', undefined, { 'GS1-Capture-Error-Behaviour': [`must be ${ERROR_BEHAVIOURS.join(', ')}`] });
    }
    const job = await this.capture.captureDocument(
      actor,
      this.capture.actingBusiness(actor, businessId),
      document,
      errorBehaviour as ErrorBehaviour,
    );
    captureHeaders(reply);
    reply.header('location', `/epcis/capture/${job.id}`);
    return jobView(job, this.capture.processedCount(job));
  }

  @Get('capture')
  @Access({ scope: 'capture' })
  @ApiOperation({
    summary: "The acting business's capture jobs, newest first, each as GET /epcis/capture/{captureID} answers",
    description: 'Paged with perPage; the next page is in the `Link: <...>; rel="next"` header (its nextPageToken).',
  })
  @ApiOkResponse({ description: 'An array of capture jobs' })
  async jobs(@CurrentActor() actor: Actor, @Query() query: CaptureJobsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const businessId = this.capture.actingBusiness(actor, query.businessId);
    const { jobs, next } = await this.capture.listJobs(businessId, query);
    captureHeaders(reply);
    let headers: Record<string, string> = {};
    if (next) {
      const search = new URLSearchParams({
        ...(query.businessId ? { businessId: query.businessId } : {}),
        ...(query.perPage ? { perPage: String(query.perPage) } : {}),
        nextPageToken: next.token,
      });
      headers = nextPageHeaders(`${this.publicBaseUrl}/epcis/capture?${search.toString()}`, next.expiresAt);
    }
    return new EpcisReply(
      jobs.map((job) => jobView(job, this.capture.processedCount(job))),
      headers,
    );
  }

  /** Its business's people and keys see a job; inspectors and administrators see every job; others are told it does not exist. */
  @Get('capture/:id')
  @Access({ scope: 'capture', actsFor: owned.captureJobInPath(), authorities: READS_EVERYTHING, conceals: true })
  @ApiOperation({ summary: 'A capture job: running until its document is captured, then its outcome event by event' })
  async job(@Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    captureHeaders(reply);
    const job = await this.capture.getJob(id);
    return jobView(job, this.capture.processedCount(job));
  }

  @Post('events')
  @HttpCode(201)
  @Access({ scope: 'capture' })
  async captureEvent(
    @CurrentActor() actor: Actor,
    @Body() event: Record<string, unknown>,
    @Query('businessId') businessId: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EventView> {
    if (!event || typeof event !== 'object' || Array.isArray(event))
      throw new DomainError('VALIDATION_FAILED', undefined, { '/': ['send one EPCIS event as a JSON object'] });
    const stored = await this.capture.captureEvent(actor, this.capture.actingBusiness(actor, businessId), event);
    captureHeaders(reply);
    reply.header('location', `/epcis/events/${encodeURIComponent(stored.eventId)}`);
    return stored;
  }
}
