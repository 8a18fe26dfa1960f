import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '../errors/domain-error.js';

/** Flattens nested class-validator errors to `path.to.field: messages`. */
export function fieldErrorsOf(errors: ValidationError[], prefix = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      // Name the field by its full path so the message says exactly where the problem is.
      into[path] = Object.values(error.constraints).map((m) => m.replace(new RegExp(`^(property )?${error.property}\\b`), `$1${path}`));
    }
    if (error.children?.length) fieldErrorsOf(error.children, path, into);
  }
  return into;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', undefined, fieldErrorsOf(errors)),
  });
}
