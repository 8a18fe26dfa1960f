import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_LABEL_TEMPLATE, LABEL_COUNT_MAX, LABEL_TEMPLATE_IDS, type LabelSheetQuery, type LabelTemplateId } from '@nguon/shared';

export class LabelSheetQueryDto implements LabelSheetQuery {
  @ApiPropertyOptional({ enum: LABEL_TEMPLATE_IDS, default: DEFAULT_LABEL_TEMPLATE, description: 'The sticker sheet (A4)' })
  @IsOptional()
  @IsIn(LABEL_TEMPLATE_IDS)
  template: LabelTemplateId = DEFAULT_LABEL_TEMPLATE;

  @ApiPropertyOptional({ minimum: 1, maximum: LABEL_COUNT_MAX, description: 'How many labels; one full sheet when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LABEL_COUNT_MAX)
  count?: number;

  @ApiPropertyOptional({
    minimum: 1,
    default: 1,
    description: 'Position of the first label on the first sheet (to finish a partly used sheet)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  startAt = 1;
}
