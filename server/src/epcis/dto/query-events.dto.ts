import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { EPCIS_ACTIONS } from '@nguon/shared';
import { QueryPageDto } from './query-page.dto.js';
import { splitList, type ListKind } from './query-list.js';

export const ORDER_BY_FIELDS = ['eventTime', 'recordTime'] as const;
export type OrderByField = (typeof ORDER_BY_FIELDS)[number];
export const ORDER_DIRECTIONS = ['ASC', 'DESC'] as const;
export type OrderDirection = (typeof ORDER_DIRECTIONS)[number];

/**
 * A multi-valued EPCIS query parameter: values separated by `|` (the binding's pipeDelimited
 * style) or `,`, or the parameter repeated; any one value matches (OR).
 */
function QueryList(kind: ListKind, description: string, allowed?: readonly string[]): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: String, description: `${description} Several values: separated by \`|\` or \`,\`; any one matches.` }),
    Transform(({ value }) => splitList(value, kind)),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(200),
    IsString({ each: true }),
    IsNotEmpty({ each: true }),
    MaxLength(1000, { each: true }),
    ...(allowed ? [IsIn(allowed, { each: true, message: `$property values must be one of ${allowed.join(', ')}` })] : []),
  );
}

/** A date-time bound with its offset (`2026-10-05T06:30:00+07:00` or `...Z`). */
function QueryTime(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', example: '2026-10-05T06:30:00.000+07:00', description }),
    // A '+' written unencoded in a URL arrives as a space.
    Transform(({ value }) => (typeof value === 'string' ? value.replace(/ (\d{2}:\d{2})$/, '+$1') : value)),
    IsOptional(),
    IsISO8601({ strict: true }, { message: '$property must be a date-time with a time zone, e.g. 2026-10-05T06:30:00+07:00' }),
    Matches(/T.*(Z|[+-]\d{2}:\d{2})$/, { message: '$property must be a date-time with a time zone, e.g. 2026-10-05T06:30:00+07:00' }),
  );
}

/** `EXISTS_errorDeclaration`, `EXISTS_errorDeclaration=true` or `=false`. */
function ExistsFlag(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    Transform(({ value }) => (value === '' || value === 'true' ? true : value === 'false' ? false : value)),
    IsOptional(),
    IsBoolean({ message: '$property must be true or false' }),
  );
}

/** A count of events, from `minimum` up. */
function QueryCount(minimum: number, description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minimum, description }),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(minimum),
    Max(Number.MAX_SAFE_INTEGER),
  );
}

/** A decimal to compare with (`GE_quantity=10.5`). */
function QueryNumber(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: Number, description }),
    IsOptional(),
    Type(() => Number),
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a number, e.g. 20.5' }),
  );
}

const EVENT_TYPE_NAME = ValidateBy(
  {
    name: 'isEventTypeName',
    validator: {
      validate: (value) => typeof value === 'string' && /^[A-Za-z][\w.:-]*$/.test(value),
      defaultMessage: () => '$property values must be event type names such as ObjectEvent',
    },
  },
  { each: true },
);

/**
 * `GET /epcis/events`: the standard query parameters of the EPCIS 2.0 REST binding that the
 * portal answers. Any other parameter is refused with 400, naming it.
 */
export class QueryEventsDto extends QueryPageDto {
  @QueryList('words', 'ObjectEvent, AggregationEvent, TransformationEvent, TransactionEvent, AssociationEvent.')
  @EVENT_TYPE_NAME
  eventType?: string[];

  @QueryTime('Events at or after this time.') GE_eventTime?: string;
  @QueryTime('Events before this time.') LT_eventTime?: string;
  @QueryTime('Events recorded at or after this time.') GE_recordTime?: string;
  @QueryTime('Events recorded before this time.') LT_recordTime?: string;

  @QueryList('words', 'ADD, OBSERVE or DELETE.', EPCIS_ACTIONS) EQ_action?: string[];
  @QueryList('words', 'A CBV bare word (`shipping`), its URN or Web URI, or an extension URI.') EQ_bizStep?: string[];
  @QueryList('words', 'A CBV bare word (`in_transit`), its URN or Web URI, or an extension URI.') EQ_disposition?: string[];
  @QueryList('uris', 'Read point id, as an EPC URN or a Digital Link.') EQ_readPoint?: string[];
  @QueryList('uris', 'Business location id, as an EPC URN or a Digital Link.') EQ_bizLocation?: string[];

  @QueryList('uris', 'An EPC in epcList or childEPCs (EPC URN, ID pattern or Digital Link on any domain).') MATCH_epc?: string[];
  @QueryList('uris', 'The parentID of an aggregation, transaction or association event.') MATCH_parentID?: string[];
  @QueryList('uris', 'An EPC in inputEPCList.') MATCH_inputEPC?: string[];
  @QueryList('uris', 'An EPC in outputEPCList.') MATCH_outputEPC?: string[];
  @QueryList('uris', 'An EPC anywhere: epcList, childEPCs, parentID, inputEPCList, outputEPCList.') MATCH_anyEPC?: string[];
  @QueryList(
    'uris',
    'An EPC class in quantityList or childQuantityList (e.g. urn:epc:class:lgtin:... or https://id.gs1.org/01/{gtin}/10/{lot}).',
  )
  MATCH_epcClass?: string[];
  @QueryList('uris', 'An EPC class in inputQuantityList.') MATCH_inputEPCClass?: string[];
  @QueryList('uris', 'An EPC class in outputQuantityList.') MATCH_outputEPCClass?: string[];
  @QueryList('uris', 'An EPC class in any quantity list.') MATCH_anyEPCClass?: string[];

  @QueryList('uris', 'eventID, e.g. ni:///sha-256;...?ver=CBV2.0') EQ_eventID?: string[];
  @ExistsFlag('Only error declarations.') EXISTS_errorDeclaration?: boolean;
  @QueryTime('Error declarations made at or after this time.') GE_errorDeclarationTime?: string;
  @QueryTime('Error declarations made before this time.') LT_errorDeclarationTime?: string;
  @QueryTime("GE_errorDeclarationTime as GS1's query schema spells it.") GE_errorDeclaration_Time?: string;
  @QueryTime("LT_errorDeclarationTime as GS1's query schema spells it.") LT_errorDeclaration_Time?: string;
  @QueryList('words', 'The reason of an error declaration: a CBV bare word (`incorrect_data`), its URN or Web URI.')
  EQ_errorReason?: string[];
  @QueryList('uris', 'An eventID an error declaration names as its corrective event.') EQ_correctiveEventID?: string[];

  @QueryList('uris', 'The transformationID of a transformation.') EQ_transformationID?: string[];
  @QueryList('words', 'A disposition the event sets as persistent (any CBV form).') EQ_persistentDisposition_set?: string[];
  @QueryList('words', 'A disposition the event unsets as persistent (any CBV form).') EQ_persistentDisposition_unset?: string[];

  @QueryCount(1, 'At most this many events in all, across the pages, in the order asked.') eventCountLimit?: number;
  @QueryCount(0, 'When more events than this match, 413 (QueryTooLargeException) rather than a result.') maxEventCount?: number;

  @QueryList('uris', 'Events at one of these read points or inside them (an SGLN with an extension is inside its GLN).')
  WD_readPoint?: string[];
  @QueryList('uris', 'Events at one of these business locations or inside them (an SGLN with an extension is inside its GLN).')
  WD_bizLocation?: string[];

  @QueryNumber('A quantity of a quantity list equal to this.') EQ_quantity?: number;
  @QueryNumber('A quantity of a quantity list above this.') GT_quantity?: number;
  @QueryNumber('A quantity of a quantity list at least this.') GE_quantity?: number;
  @QueryNumber('A quantity of a quantity list below this.') LT_quantity?: number;
  @QueryNumber('A quantity of a quantity list at most this.') LE_quantity?: number;

  @ExistsFlag('Only events with sensor data.') EXISTS_sensorElementList?: boolean;
  @QueryTime('Sensor data (metadata or a report) of this time or later.') GE_time?: string;
  @QueryTime('Sensor data (metadata or a report) before this time.') LT_time?: string;
  @QueryTime('Sensor metadata starting at this time or later.') GE_startTime?: string;
  @QueryTime('Sensor metadata starting before this time.') LT_startTime?: string;
  @QueryTime('Sensor metadata ending at this time or later.') GE_endTime?: string;
  @QueryTime('Sensor metadata ending before this time.') LT_endTime?: string;
  @QueryList('words', 'A sensor report of this measurement type (Temperature, gs1:Temperature or its Web URI).') EQ_type?: string[];
  @QueryList('uris', 'Sensor data from this device.') EQ_deviceID?: string[];
  @QueryList('uris', 'Sensor data processed by this method.') EQ_dataProcessingMethod?: string[];
  @QueryList('uris', 'A sensor report about this microorganism.') EQ_microorganism?: string[];
  @QueryList('uris', 'A sensor report about this chemical substance.') EQ_chemicalSubstance?: string[];
  @QueryList('uris', 'Sensor data under these business rules.') EQ_bizRules?: string[];
  @QueryList('texts', 'A sensor report with this string value.') EQ_stringValue?: string[];
  @QueryList('words', 'A sensor report with this hexadecimal value.') EQ_hexBinaryValue?: string[];
  @QueryList('uris', 'A sensor report with this URI value.') EQ_uriValue?: string[];
  @ExistsFlag('A sensor report with this boolean value (true or false).') EQ_booleanValue?: boolean;
  @QueryNumber('A sensor report whose percentile rank is above this.') GT_percRank?: number;
  @QueryNumber('A sensor report whose percentile rank is at least this.') GE_percRank?: number;
  @QueryNumber('A sensor report whose percentile rank is below this.') LT_percRank?: number;
  @QueryNumber('A sensor report whose percentile rank is at most this.') LE_percRank?: number;

  @ApiPropertyOptional({ enum: ORDER_BY_FIELDS, description: 'Without it, events come in the order they were recorded.' })
  @IsOptional()
  @IsIn(ORDER_BY_FIELDS, { message: `$property must be one of ${ORDER_BY_FIELDS.join(', ')}` })
  orderBy?: OrderByField;

  @ApiPropertyOptional({ enum: ORDER_DIRECTIONS, description: 'DESC when orderBy is given without it (as the standard says).' })
  @IsOptional()
  @IsIn(ORDER_DIRECTIONS, { message: `$property must be ASC or DESC` })
  orderDirection?: OrderDirection;
}
