import { ERROR_CODES, type ErrorCode } from '@nguon/shared';

/**
 * GS1's exception types (the EPCIS 2.0 REST binding's `epcisException:*`) for the statuses the
 * interface answers with; a status GS1 names no type for is RFC 9457's `about:blank`.
 */
const EXCEPTION_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'ValidationException',
  401: 'SecurityException',
  403: 'SecurityException',
  404: 'NoSuchResourceException',
  406: 'NotAcceptableException',
  409: 'ResourceAlreadyExistsException',
  413: 'CaptureLimitExceededException',
  414: 'URITooLongException',
  415: 'UnsupportedMediaTypeException',
  422: 'ValidationException',
  500: 'ImplementationException',
};

/** The problem type of an error of the EPCIS interface: a bad query parameter is a QueryParameterException. */
export function epcisProblemType(status: number, method: string): string {
  if (status === 400 && method === 'GET') return 'epcisException:QueryParameterException';
  if (status === 413 && method === 'GET') return 'epcisException:QueryTooLargeException';
  const exception = EXCEPTION_BY_STATUS[status];
  return exception ? `epcisException:${exception}` : 'about:blank';
}

/** The routes whose errors are RFC 7807 problems of GS1's types (the binding's `/epcis` interface). */
export function isEpcisInterface(url: string): boolean {
  return url === '/epcis' || url.startsWith('/epcis/') || url.startsWith('/epcis?');
}

/** A capture error as the binding's capture job lists it: a problem (type, title, status, instance), with the portal's fields beside. */
export function captureProblem<T extends { code: string; message: string; pointer: string }>(error: T) {
  const status = ERROR_CODES[error.code as ErrorCode]?.status ?? 400;
  return { type: epcisProblemType(status, 'POST'), title: error.message, status, ...error };
}
