import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, Matches } from 'class-validator';

/** A query's name: what its URL (`/epcis/queries/{name}`) carries as it is. */
export const QUERY_NAME = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,99}$/;
export const QUERY_NAME_RULE = 'a name of 1 to 100 letters, digits, ".", "_", "~" or "-", starting with a letter or digit';

/** `POST /epcis/queries`: GS1's QueryDefinition. */
export class CreateNamedQueryDto {
  @ApiProperty({ example: 'shippedTomatoes' })
  @IsString()
  @Matches(QUERY_NAME, { message: `name must be ${QUERY_NAME_RULE}` })
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { eventType: ['ObjectEvent'], EQ_bizStep: ['shipping'] },
    description: 'The parameters of GET /epcis/events (EPCIS query schema), lists as arrays; perPage and nextPageToken excepted.',
  })
  @IsObject({ message: 'query must be an object of query parameters, e.g. {"EQ_bizStep": ["shipping"]}' })
  query: Record<string, unknown>;
}
