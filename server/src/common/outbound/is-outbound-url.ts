import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateBy } from 'class-validator';
import { parseOutboundUrl, URL_PROBLEM_MESSAGES } from './outbound-url.js';

/** An http(s) URL the portal could call: its form only; the host is checked by OutboundHttp. */
export function IsOutboundUrl(max = 2000): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(max),
    ValidateBy({
      name: 'isOutboundUrl',
      validator: {
        validate: (value) => typeof value === 'string' && !('problem' in parseOutboundUrl(value)),
        defaultMessage: (args) => {
          const parsed = typeof args?.value === 'string' ? parseOutboundUrl(args.value) : { problem: 'not_a_url' as const };
          return `${args?.property} ${'problem' in parsed ? URL_PROBLEM_MESSAGES[parsed.problem] : ''}`;
        },
      },
    }),
    ApiProperty({ format: 'uri', maxLength: max, example: 'https://erp.example.vn/hooks/nguon' }),
  );
}
