import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Page, UserView } from '@nguon/shared';
import { Access } from '../auth/access-rule.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/principal.js';
import { UuidParam } from '../common/validation/uuid-param.pipe.js';
import { AdminUsersService } from './admin-users.service.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/admin-users.dto.js';

@ApiTags('admin')
@ApiBearerAuth()
@Access({ roles: ['admin'] })
@Controller('api/admin/users')
export class AdminUsersController {
  constructor(private readonly users: AdminUsersService) {}

  @Get()
  list(@Query() query: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.listUsers(query);
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserView> {
    return this.users.createUser(actor, dto);
  }

  @Patch(':id')
  update(@CurrentActor() actor: Actor, @Param('id', UuidParam) id: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return this.users.updateUser(actor, id, dto);
  }
}
