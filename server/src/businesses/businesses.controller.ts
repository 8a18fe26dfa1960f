import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessView, Page } from '@nguon/shared';
import type { AuthUser } from '../auth/auth-user.js';
import { SignedIn } from '../auth/auth.guard.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { BusinessesService } from './businesses.service.js';
import { CreateBusinessDto } from './dto/create-business.dto.js';
import { CreateCertificateDto } from './dto/create-certificate.dto.js';
import { ListBusinessesQuery } from './dto/list-businesses.query.js';

@ApiTags('businesses')
@Controller('api/businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post() @SignedIn() @ApiBearerAuth()
  register(@CurrentUser() user: AuthUser, @Body() dto: CreateBusinessDto): Promise<BusinessView> { return this.businesses.registerBusiness(user, dto); }

  @Get()
  list(@Query() query: ListBusinessesQuery): Promise<Page<BusinessView>> { return this.businesses.listBusinesses(query); }

  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<BusinessView> { return this.businesses.getBusiness(id); }

  @Post(':id/verify') @SignedIn() @ApiBearerAuth()
  verify(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string): Promise<BusinessView> { return this.businesses.verifyBusiness(user, id); }

  @Post(':id/certificates') @SignedIn() @ApiBearerAuth()
  addCertificate(@CurrentUser() user: AuthUser, @Param('id', UuidParam) id: string, @Body() dto: CreateCertificateDto): Promise<BusinessView> {
    return this.businesses.addCertificate(user, id, dto);
  }
}
