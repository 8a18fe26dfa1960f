/**
 * Whether an error means the database could not be reached or did not answer in time, rather
 * than that the request was wrong: the client is told 503 and to try again shortly.
 *
 * - socket errors: refused, reset, unreachable, timed out;
 * - SQLSTATE class 08 (connection exception), 57P01-57P03 (the server shutting down or starting),
 *   53300 (too many connections), 57014 (the statement timeout, or a cancel), 25P03 (a transaction
 *   left idle too long: its session was ended);
 * - node-postgres's own errors, which carry no code: a lost connection, a connect, pool or read timeout.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014', '25P03']);
const DRIVER_MESSAGES = [
  'Connection terminated',
  'timeout expired',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
];

function unavailable(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = typeof error.message === 'string' ? error.message : '';
  return DRIVER_MESSAGES.some((text) => message.startsWith(text));
}

export function isDatabaseUnavailable(exception: unknown): boolean {
  if (typeof exception !== 'object' || exception === null) return false;
  // TypeORM wraps a failed query (QueryFailedError.driverError); a failed connect reaches us bare.
  const driverError = (exception as { driverError?: unknown }).driverError;
  const inner = typeof driverError === 'object' && driverError !== null ? driverError : exception;
  return unavailable(inner as { code?: unknown; message?: unknown });
}
