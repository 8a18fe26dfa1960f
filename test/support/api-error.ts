import { expect } from '@jest/globals';
import type { ApiError, ErrorCode } from '@nguon/shared';
import type { HttpResponse } from './http.js';

/** The only keys an error body may have (DOMAIN.md §8). */
const ERROR_KEYS = ['statusCode', 'code', 'message', 'fieldErrors', 'requestId'];
/** What an RFC 7807 problem (the EPCIS interface's errors) adds to them. */
const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'instance'];

/**
 * Asserts that a response is the one error shape, `{ statusCode, code, message, fieldErrors?,
 * requestId }`, with the given status and code, and that its request id is the `x-request-id`
 * header. With `fields`, the field errors name exactly those fields (each with a message). On the
 * EPCIS interface the same fields come in an RFC 7807 problem of one of GS1's types.
 */
export function expectApiError(response: HttpResponse, status: number, code: ErrorCode, fields?: string[]): ApiError {
  const body = response.body as ApiError;
  expect({ status: response.status, code: body?.code }).toEqual({ status, code });
  const problem = response.headers.get('content-type')?.startsWith('application/problem+json') === true;
  expect(response.headers.get('content-type')).toMatch(problem ? /^application\/problem\+json; charset=utf-8$/ : /^application\/json/);
  for (const key of Object.keys(body)) expect([...ERROR_KEYS, ...(problem ? PROBLEM_KEYS : [])]).toContain(key);
  if (problem) {
    expect(body).toMatchObject({
      type: expect.stringMatching(/^(epcisException:[A-Za-z]+Exception|about:blank)$/),
      title: expect.any(String),
      status,
      detail: body.message,
      instance: `urn:uuid:${body.requestId}`,
    });
  }
  expect(body.statusCode).toBe(status);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(typeof body.requestId).toBe('string');
  expect(response.headers.get('x-request-id')).toBe(body.requestId);
  if (fields) {
    expect(Object.keys(body.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    for (const messages of Object.values(body.fieldErrors ?? {})) {
      expect(messages.length).toBeGreaterThan(0);
      for (const message of messages) expect(typeof message).toBe('string');
    }
  }
  return body;
}
