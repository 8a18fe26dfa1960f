import { Body, Controller, Headers, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EXPORT_TOTAL_ROWS_HEADER, pickLocale } from '@nguon/shared';
import type { FastifyReply } from 'fastify';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { BusinessExportParams, ExportFormatParams, ExportOptionsDto, ExportScopeDto } from './dto/export-scope.dto.js';
import { ExportsService, type ExportFile, type ExportLayout } from './exports.service.js';

/** The file as an attachment, with its row count in a header before the first byte (for progress); restricted data, never cached. */
function attachment(file: ExportFile, reply: FastifyReply): StreamableFile {
  reply.header(EXPORT_TOTAL_ROWS_HEADER, String(file.totalRows)).header('cache-control', 'no-store');
  return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"` });
}

/** The column set asked for (FSMA 204 by default), in the language asked for, else the request's. */
const layout = ({ columns, lang }: ExportOptionsDto, acceptLanguage: string | undefined): ExportLayout => ({
  columns: columns ?? 'fsma204',
  locale: lang ?? pickLocale(acceptLanguage),
});

@ApiTags('exports')
@ApiBearerAuth()
@Controller('api')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  /** Any business's records: for inspectors and administrators. */
  @Post('exports/events.:format')
  @HttpCode(200)
  @Access({ roles: ['inspector', 'admin'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/ld+json')
  async exportAny(
    @CurrentActor() actor: Actor,
    @Param() { format }: ExportFormatParams,
    @Body() scope: ExportScopeDto,
    @Query() options: ExportOptionsDto,
    @Headers('accept-language') language: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.exportEvents(actor, format, scope, null, layout(options, language)), reply);
  }

  /** A business's own records (the batches it produced or recorded on): for its members and its API keys. */
  @Post('businesses/:businessId/exports/events.:format')
  @HttpCode(200)
  @Access({ scope: 'read', actsFor: owned.businessInPath(), authorities: ['inspector', 'admin'] })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/ld+json')
  async exportOwn(
    @CurrentActor() actor: Actor,
    @Param() { businessId, format }: BusinessExportParams,
    @Body() scope: ExportScopeDto,
    @Query() options: ExportOptionsDto,
    @Headers('accept-language') language: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    return attachment(await this.exports.exportEvents(actor, format, scope, businessId, layout(options, language)), reply);
  }
}
