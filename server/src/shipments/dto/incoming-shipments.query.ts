import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SHIPMENT_STATUS_FILTERS, type ShipmentStatusFilter } from '@nguon/shared';
import { PageQueryDto } from '../../common/pagination/page-query.dto.js';

export class IncomingShipmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUS_FILTERS, default: 'pending' })
  @IsOptional()
  @IsIn(SHIPMENT_STATUS_FILTERS)
  status?: ShipmentStatusFilter;
}
