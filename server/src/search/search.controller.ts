import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BatchSearchResult, Page } from '@nguon/shared';
import { Access } from '../auth/access-rule.js';
import { BatchSearchQueryDto } from './dto/batch-search.query.js';
import { SearchService } from './search.service.js';

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  /** Across businesses: for inspectors and administrators. */
  @Get('batches')
  @Access({ roles: ['inspector', 'admin'] })
  searchBatches(@Query() query: BatchSearchQueryDto): Promise<Page<BatchSearchResult>> {
    return this.search.searchBatches(query);
  }
}
