import { IntersectionType } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import type { CreateBatchRequest } from '@nguon/shared';
import { BatchFieldsDto } from './batch-fields.dto.js';
import { EventTimePlaceDto } from './record-stage.dto.js';

/** Registering a batch is its commissioning event: `eventTime` and `locationId` say when and where. */
export class CreateBatchDto extends IntersectionType(EventTimePlaceDto, BatchFieldsDto) implements CreateBatchRequest {
  @IsOptional() @IsUUID() originLocationId?: string;
}
