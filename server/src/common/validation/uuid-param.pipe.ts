import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain-error.js';

/** A path id that is not a UUID cannot name anything: answer 404 in the error shape, not a 500. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new DomainError('NOT_FOUND');
    return value;
  }
}
