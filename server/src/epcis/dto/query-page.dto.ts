import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Results per page when the client does not say, and the most a page holds whatever it says. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 1000;

/** The EPCIS REST binding's paging: `perPage` and the opaque `nextPageToken` of the `Link` header. */
export class QueryPageDto {
  @ApiPropertyOptional({
    minimum: 1,
    default: DEFAULT_PER_PAGE,
    description: `At most ${MAX_PER_PAGE} are returned per page, whatever is asked.`,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  perPage?: number;

  @ApiPropertyOptional({ description: 'From the `Link: <...>; rel="next"` header of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  nextPageToken?: string;
}
