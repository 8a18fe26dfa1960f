import { Body, Controller, Get, Header, Headers, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { ATTACHMENT_CONTENT_TYPES, type AttachmentView } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { contentDisposition } from './content-disposition.js';
import { AttachmentsService } from './attachments.service.js';
import { UploadAttachmentQuery } from './dto/upload-attachment.query.js';

/** An uploaded file is data, never a document of the portal: no scripts, no loads, no framing. */
const ATTACHMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

@ApiTags('attachments')
@Controller('api')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** The raw file is the body; its Content-Type must match what its bytes are. */
  @Post('businesses/:businessId/attachments')
  @Access({ actsFor: owned.businessInPath(), scope: 'capture', publishes: true })
  @ApiBearerAuth()
  @ApiConsumes(...ATTACHMENT_CONTENT_TYPES)
  upload(
    @CurrentActor() actor: Actor,
    @Query() query: UploadAttachmentQuery,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ): Promise<AttachmentView> {
    return this.attachments.upload(actor, query.fileName, contentType, body);
  }

  /**
   * Public by design: product images, certificate documents and lab results are shown on consumer
   * pages, so whoever has the (unguessable) link may read the file. Rate-limited like every
   * public route; never changes, so it may be cached for long. Served from the portal itself:
   * images inline, anything else (PDFs) as a download, never rendered as a page of this origin,
   * and under a CSP that lets nothing in it run or load.
   */
  @Get('attachments/:id')
  @RateLimited('public')
  @Header('Cache-Control', 'public, max-age=31536000, immutable')
  @Header('X-Content-Type-Options', 'nosniff')
  @Header('Content-Security-Policy', ATTACHMENT_CSP)
  async download(@Param('id', UuidParam) id: string): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.download(id);
    const kind = attachment.contentType.startsWith('image/') ? 'inline' : 'attachment';
    return new StreamableFile(stream, {
      type: attachment.contentType,
      length: attachment.size,
      disposition: contentDisposition(kind, attachment.fileName),
    });
  }
}
