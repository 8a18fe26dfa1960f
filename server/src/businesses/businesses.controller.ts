import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { BusinessDirectoryEntry, BusinessLogView, BusinessView, Page } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor, OptionalActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { RateLimited } from '../common/rate-limit/rate-limit.guard.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { BusinessLogService } from './business-log.service.js';
import { BusinessesService } from './businesses.service.js';
import { BusinessDecisionDto } from './dto/business-decision.dto.js';
import { CreateBusinessDto, UpdateBusinessGlnDto, UpdateGs1PrefixesDto } from './dto/create-business.dto.js';
import { DirectoryQuery } from './dto/directory.query.js';
import { ListBusinessesQuery } from './dto/list-businesses.query.js';

@ApiTags('businesses')
@ApiBearerAuth()
@Controller('api/businesses')
export class BusinessesController {
  constructor(
    private readonly businesses: BusinessesService,
    private readonly businessLog: BusinessLogService,
  ) {}

  /** Businesses are registered by their people, not by inspectors or administrators. */
  @Post()
  @Access({ roles: ['member'] })
  register(@CurrentActor() actor: Actor, @Body() dto: CreateBusinessDto): Promise<BusinessView> {
    return this.businesses.registerBusiness(actor, dto);
  }

  @Get()
  list(@OptionalActor() actor: Actor | null, @Query() query: ListBusinessesQuery): Promise<Page<BusinessView>> {
    return this.businesses.listBusinesses(actor, query);
  }

  /** The recipient search of the shipping form: verified businesses by name or tax code, at most 10. */
  @Get('directory')
  @Access({ scope: 'read' })
  directory(@Query() query: DirectoryQuery): Promise<BusinessDirectoryEntry[]> {
    return this.businesses.searchDirectory(query.q);
  }

  /** Verified businesses are public; others only for their people, inspectors and administrators. */
  @Get(':id')
  @Access({ shows: owned.businessInPath('id') })
  get(@Param('id', UuidParam) id: string): Promise<BusinessView> {
    return this.businesses.getBusiness(id);
  }

  /**
   * Public, as a batch's is: the business's status decisions and certificate changes as the
   * transparency log holds them, each with its inclusion proof, beside the hashes of its status and
   * certificates as stored now, and its batches, for anyone's verifier (`npm run verify -- --business`).
   */
  @Get(':id/log')
  @RateLimited('public')
  log(@Param('id', UuidParam) id: string): Promise<BusinessLogView> {
    return this.businessLog.businessLog(id);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  verify(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: BusinessDecisionDto): Promise<BusinessView> {
    return this.businesses.decide(actor, id, 'verify', dto);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  reject(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: BusinessDecisionDto): Promise<BusinessView> {
    return this.businesses.decide(actor, id, 'reject', dto);
  }

  /** The owners declare the business's GS1 company prefixes; new ones wait for an administrator. */
  @Put(':id/gs1-prefixes')
  @Access({ actsFor: owned.businessInPath('id'), memberRole: 'owner' })
  updatePrefixes(
    @CurrentActor() actor: Actor,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateGs1PrefixesDto,
  ): Promise<BusinessView> {
    return this.businesses.updatePrefixes(actor, id, dto);
  }

  /** The owners set or change the business's GLN (the party of the events the portal writes); under its prefixes. */
  @Put(':id/gln')
  @Access({ actsFor: owned.businessInPath('id'), memberRole: 'owner' })
  updateGln(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: UpdateBusinessGlnDto): Promise<BusinessView> {
    return this.businesses.updateGln(actor, id, dto);
  }

  /** An administrator confirms the prefixes a verified business declared since its verification. */
  @Post(':id/gs1-prefixes/confirm')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  confirmPrefixes(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string): Promise<BusinessView> {
    return this.businesses.confirmPrefixes(actor, id);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Access({ roles: ['admin'] })
  suspend(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: BusinessDecisionDto): Promise<BusinessView> {
    return this.businesses.decide(actor, id, 'suspend', dto);
  }
}
