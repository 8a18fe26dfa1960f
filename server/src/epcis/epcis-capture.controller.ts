import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { EventView } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { Access } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LongRunning } from '../common/timeouts/request-timeout.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { BODY_LIMIT_BYTES } from '../config/limits.js';
import type { CaptureJobEntity } from './capture-job.entity.js';
import { CAPTURE_EVENT_LIMIT, ERROR_BEHAVIOURS, EpcisCaptureService, type ErrorBehaviour } from './epcis-capture.service.js';
import { captureProblem } from './epcis-problems.js';
import { EpcisHeaders } from './epcis-headers.interceptor.js';
import { EPCIS_XML_TYPES } from './xml/epcis-xml-body.parser.js';

function captureHeaders(reply: FastifyReply): void {
  reply
    .header('GS1-EPCIS-Capture-Limit', String(CAPTURE_EVENT_LIMIT))
    .header('GS1-EPCIS-Capture-File-Size-Limit', String(BODY_LIMIT_BYTES));
}

/** The binding's capture job (captureID, running, success, captureErrorBehaviour, errors as problems), with the portal's counts and warnings. */
function jobView(job: CaptureJobEntity) {
  return {
    captureID: job.id,
    running: job.status === 'running',
    success: job.status === 'success',
    status: job.status,
    captureErrorBehaviour: job.errorBehaviour,
    errorBehaviour: job.errorBehaviour,
    eventCount: job.eventCount,
    capturedCount: job.capturedCount,
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
  constructor(private readonly capture: EpcisCaptureService) {}

  @Post('capture')
  @HttpCode(202)
  @Access({ scope: 'capture' })
  @LongRunning()
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
    return jobView(job);
  }

  @Get('capture/:id')
  @Access({ scope: 'capture' })
  async job(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    captureHeaders(reply);
    return jobView(await this.capture.getJob(actor, id));
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
