import { Buffer } from 'node:buffer';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
  buildMessage,
  type ValidationOptions,
} from 'class-validator';
import {
  isValidGln,
  LOT_CODE_RULE,
  lotCodeProblem,
  MAX_DECLARED_PREFIXES,
  parseCompanyPrefix,
  parseGtin,
  suggestedLotCode,
  UNIT_CODES,
  LOT_CODE_MAX_LENGTH,
} from '@nguon/shared';

/** Marks a property optional for validation and for the OpenAPI document alike. */
export function Optional(description?: string): PropertyDecorator {
  return applyDecorators(IsOptional(), ApiPropertyOptional({ description }));
}

/**
 * For changes (PATCH): the field may be left out, but not sent as null, since it cannot be cleared.
 * (`IsOptional` lets null through unchecked.)
 */
export function IsOptionalNotNull(): PropertyDecorator {
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    ApiPropertyOptional(),
  );
}

/** A required text of at most `max` characters, with something in it besides spaces. */
export function IsText(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    IsString(),
    IsNotEmpty(),
    Matches(/\S/, { message: '$property should not be blank' }),
    MaxLength(max),
    ApiProperty({ maxLength: max, description }),
  );
}

/** GTIN-8, -12, -13 or -14 with a valid check digit. */
export function IsGtin(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy(
      {
        name: 'isGtinFormat',
        validator: {
          validate: (value) => typeof value === 'string' && parseGtin(value).ok,
          defaultMessage: (args) => {
            const result = typeof args?.value === 'string' ? parseGtin(args.value) : null;
            return result && !result.ok && result.problem === 'check_digit'
              ? `${args?.property} has a wrong GTIN check digit`
              : `${args?.property} must be a GTIN of 8, 12, 13 or 14 digits`;
          },
        },
      },
      options,
    ),
    ApiProperty({ example: '08934567000017', description: 'GTIN-8/12/13/14 with a valid check digit' }),
  );
}

export function IsGln(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isGln',
      validator: {
        validate: (value) => typeof value === 'string' && isValidGln(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a GLN of 13 digits with a valid check digit`),
      },
    },
    options,
  );
}

/**
 * A lot code by the portal's one rule (`LOT_CODE_RULE`, GS1 AI 10). A code with spaces or
 * diacritics is answered with the corrected code the batch form offers (`suggested: X`).
 */
export function IsLotCode(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    ValidateBy({
      name: 'isLotCode',
      validator: {
        validate: (value) => typeof value === 'string' && lotCodeProblem(value) === null,
        defaultMessage: (args) => {
          const text = typeof args?.value === 'string' ? args.value : '';
          const problem = typeof args?.value === 'string' ? lotCodeProblem(text) : 'invalid_character';
          if (problem === 'empty') return `${args?.property} should not be empty`;
          if (problem === 'too_long') return `${args?.property} must be at most ${LOT_CODE_MAX_LENGTH} characters`;
          const suggestion = suggestedLotCode(text);
          return `${args?.property} must be a lot code. ${LOT_CODE_RULE.en}${suggestion ? ` (suggested: ${suggestion})` : ''}`;
        },
      },
    }),
    ApiProperty({ example: 'PT-2026-01', maxLength: LOT_CODE_MAX_LENGTH }),
  );
}

export function IsTaxCode(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/^\d{10}(\d{3})?$/, { message: '$property must be a tax code of 10 or 13 digits' }),
    ApiProperty({ example: '3001234567', description: 'Mã số thuế: 10 or 13 digits' }),
  );
}

export function IsUnitCode(): PropertyDecorator {
  return applyDecorators(
    IsIn(UNIT_CODES, { message: `$property must be a UN/CEFACT unit code: ${UNIT_CODES.join(', ')}` }),
    ApiProperty({ enum: UNIT_CODES }),
  );
}

export function IsIsoDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a date YYYY-MM-DD' }),
    ApiProperty({ example: '2026-11-20', format: 'date' }),
  );
}

export function IsDateTime(): PropertyDecorator {
  return applyDecorators(
    IsISO8601({ strict: true }),
    Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, { message: '$property must be a valid ISO 8601 date string' }),
    ApiProperty({ example: '2026-11-20T07:30:00+07:00', format: 'date-time' }),
  );
}

export function IsTimeZoneOffset(): PropertyDecorator {
  return applyDecorators(
    Matches(/^[+-](0\d|1[0-4]):[0-5]\d$/, { message: '$property must be a time zone offset like +07:00' }),
    ApiProperty({ example: '+07:00' }),
  );
}

/** A business's declared GS1 company prefixes: 4 to 12 digits each, or a whole GTIN-13 (a GTIN-8 padded with 00000). */
export function IsGs1PrefixList(): PropertyDecorator {
  return applyDecorators(
    IsArray(),
    ArrayMaxSize(MAX_DECLARED_PREFIXES),
    IsString({ each: true }),
    ValidateBy(
      {
        name: 'isGs1Prefix',
        validator: {
          validate: (value) => typeof value === 'string' && parseCompanyPrefix(value).ok,
          defaultMessage: (args) => {
            const result = typeof args?.value === 'string' ? parseCompanyPrefix(args.value) : null;
            return result && !result.ok && result.problem === 'check_digit'
              ? `each value in ${args?.property} has a wrong GTIN check digit`
              : `each value in ${args?.property} must be a GS1 company prefix of 4 to 12 digits, or a whole GTIN of 13 digits`;
          },
        },
      },
      { each: true },
    ),
    ApiProperty({
      type: [String],
      example: ['8938512'],
      maxItems: MAX_DECLARED_PREFIXES,
      description: 'GS1 company prefixes (4–12 digits), or a whole GTIN-13 (a GTIN-8 as 00000 + its 8 digits)',
    }),
  );
}

/** The token of a mailed link (email confirmation, invitation): base64url, as the server makes them. */
export function IsMailToken(): PropertyDecorator {
  return applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9_-]{20,100}$/, { message: '$property is not a valid link token' }),
    ApiProperty({ description: 'The token from the link' }),
  );
}

/**
 * Base64 of at most `maxBytes` bytes, checked in linear time by decoding and encoding again:
 * a regular expression over megabytes of text can exhaust the stack (class-validator's IsBase64 did).
 */
export function IsBase64Of(maxBytes: number): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(Math.ceil(maxBytes / 3) * 4),
    ValidateBy({
      name: 'isBase64Of',
      validator: {
        validate: (value) =>
          typeof value === 'string' && value.length % 4 === 0 && Buffer.from(value, 'base64').toString('base64') === value,
        defaultMessage: buildMessage((each) => `${each}$property must be base64 encoded`),
      },
    }),
    ApiProperty({ format: 'byte', description: `Base64 of at most ${maxBytes} bytes` }),
  );
}
