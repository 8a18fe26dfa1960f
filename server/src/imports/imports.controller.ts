import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { IMPORT_CONTENT_TYPES, type ImportCheckResult, type ImportFormat, type ImportJobView, type ImportKind } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { DomainError } from '../common/errors/domain-error.js';
import { RULE_MESSAGES } from '../common/errors/rule-messages.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { LongRunning } from '../common/timeouts/request-timeout.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { ImportQueryDto, ImportTemplateParams } from './dto/import-query.dto.js';
import { importTemplate } from './import-templates.js';
import { ImportsService } from './imports.service.js';

/** The format of an upload, from its Content-Type (the parser only lets these through as bytes). */
function uploadFormat(contentType: string | undefined, body: unknown): ImportFormat {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const format = (Object.keys(IMPORT_CONTENT_TYPES) as ImportFormat[]).find((f) => IMPORT_CONTENT_TYPES[f] === type);
  if (!format || !Buffer.isBuffer(body)) {
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', RULE_MESSAGES.imports.unsupportedFile);
  }
  return format;
}

@ApiTags('imports')
@Controller('api')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  /** Static template files, for anyone. */
  @Get('imports/templates/:file')
  @RateLimited('public')
  @ApiProduces(...Object.values(IMPORT_CONTENT_TYPES))
  async template(@Param() { file }: ImportTemplateParams, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const [kind, format] = file.split('.') as [ImportKind, ImportFormat];
    reply
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : IMPORT_CONTENT_TYPES.xlsx)
      .header('content-disposition', `attachment; filename="nguon-${kind}.${format}"`)
      .header('cache-control', 'public, max-age=3600');
    return importTemplate(kind, format);
  }

  @Post('businesses/:businessId/imports/check')
  @HttpCode(200)
  @LongRunning()
  @ApiBearerAuth()
  @ApiConsumes(...Object.values(IMPORT_CONTENT_TYPES))
  @Access({ scope: 'capture', actsFor: owned.businessInPath() })
  check(
    @Param('businessId', UuidParam) businessId: string,
    @Query() { kind }: ImportQueryDto,
    @Headers('content-type') type: string | undefined,
    @Body() body: unknown,
  ): Promise<ImportCheckResult> {
    return this.imports.check(businessId, kind, uploadFormat(type, body), body as Buffer);
  }

  @Post('businesses/:businessId/imports')
  @HttpCode(202)
  @LongRunning()
  @ApiBearerAuth()
  @ApiConsumes(...Object.values(IMPORT_CONTENT_TYPES))
  @Access({ scope: 'capture', actsFor: owned.businessInPath() })
  async start(
    @CurrentActor() actor: Actor,
    @Param('businessId', UuidParam) businessId: string,
    @Query() { kind }: ImportQueryDto,
    @Headers('content-type') type: string | undefined,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportJobView> {
    const job = await this.imports.start(actor, businessId, kind, uploadFormat(type, body), body as Buffer);
    reply.header('location', `/api/imports/${job.id}`);
    return job;
  }

  @Get('imports/:id')
  @ApiBearerAuth()
  @Access({ scope: 'capture', actsFor: owned.importInPath(), conceals: true })
  job(@Param('id', UuidParam) id: string): Promise<ImportJobView> {
    return this.imports.getJob(id);
  }
}
