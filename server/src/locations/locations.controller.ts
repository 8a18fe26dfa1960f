import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LocationView, Page } from '@nguon/shared';
import { Access, owned } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { CreateLocationDto } from './dto/create-location.dto.js';
import { UpdateLocationDto } from './dto/update-location.dto.js';
import { LocationsService } from './locations.service.js';

@ApiTags('locations')
@Controller('api')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Post('businesses/:businessId/locations')
  @Access({ actsFor: owned.businessInPath(), memberRole: 'owner', scope: 'manage', publishes: true })
  @ApiBearerAuth()
  add(@CurrentActor() actor: Actor, @Body() dto: CreateLocationDto): Promise<LocationView> {
    return this.locations.addLocation(actor, dto);
  }

  /** The places of a business that is not verified are shown only to its people, inspectors and administrators. */
  @Get('businesses/:businessId/locations')
  @Access({ shows: owned.businessInPath() })
  list(@Param('businessId', UuidParam) businessId: string, @Query() query: PageQueryDto): Promise<Page<LocationView>> {
    return this.locations.listLocations(businessId, query);
  }

  @Get('locations/:id')
  @Access({ shows: owned.locationInPath() })
  get(@Param('id', UuidParam) id: string): Promise<LocationView> {
    return this.locations.getLocation(id);
  }

  @Patch('locations/:id')
  @Access({ actsFor: owned.locationInPath(), memberRole: 'owner', scope: 'manage', publishes: true })
  @ApiBearerAuth()
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() dto: UpdateLocationDto): Promise<LocationView> {
    return this.locations.updateLocation(actor, id, dto);
  }

  /** Only a place nothing refers to (409 otherwise). */
  @Delete('locations/:id')
  @HttpCode(204)
  @Access({ actsFor: owned.locationInPath(), memberRole: 'owner', publishes: true })
  @ApiBearerAuth()
  remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    return this.locations.deleteLocation(actor, id);
  }
}
