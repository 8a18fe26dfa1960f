import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsOutboundUrl } from '../../common/outbound/is-outbound-url.js';

/** `POST /epcis/queries/{name}/subscriptions`: GS1's QueryStreamSubscription or QueryScheduleSubscription. */
export class CreateSubscriptionDto {
  @IsOutboundUrl()
  dest: string;

  @ApiPropertyOptional({
    description: 'A secret of your own: each delivery is signed with it in GS1-Signature (t=<unix time>,v1=<HMAC-SHA256 of "t.body">).',
  })
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'signatureToken must be at least 16 characters, so that signatures cannot be guessed' })
  @MaxLength(1000)
  signatureToken?: string;

  @ApiPropertyOptional({ description: 'true: each new matching event is sent as it is recorded.' })
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { hour: '1', minute: '5' },
    description:
      'second, minute, hour, dayOfMonth, month, dayOfWeek (1 = Monday): numbers and [low-high] ranges separated by commas, in Vietnam time (UTC+07:00).',
  })
  @IsOptional()
  @IsObject()
  schedule?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'With a schedule: send a document even when no new event matched.' })
  @IsOptional()
  @IsBoolean()
  reportIfEmpty?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Events recorded from this time on (default: now).' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'initialRecordTime must be a date-time with a time zone, e.g. 2026-12-01T00:00:00+07:00' })
  @Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, { message: 'initialRecordTime must be a date-time with a time zone, e.g. 2026-12-01T00:00:00+07:00' })
  initialRecordTime?: string;
}
