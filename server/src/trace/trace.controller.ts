import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { TraceIntegrityReport, TraceView } from '@nguon/shared';
import { Access } from '../auth/access-rule.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { TraceQueryDto } from './trace-query.dto.js';
import { TraceService } from './trace.service.js';

@ApiTags('trace')
@ApiBearerAuth()
@Controller('api/batches')
export class TraceController {
  constructor(private readonly trace: TraceService) {}

  /** Across businesses: for inspectors and administrators. */
  @Get(':id/trace')
  @Access({ roles: ['inspector', 'admin'] })
  traceBatch(@Param('id', UuidParam) id: string, @Query() query: TraceQueryDto): Promise<TraceView> {
    return this.trace.traceBatch(id, query);
  }

  /** The hash chains of every batch in the trace, with the record that breaks one, if any. */
  @Get(':id/trace/integrity')
  @Access({ roles: ['inspector', 'admin'] })
  verifyTrace(@Param('id', UuidParam) id: string, @Query() query: TraceQueryDto): Promise<TraceIntegrityReport> {
    return this.trace.verifyTrace(id, query);
  }
}
