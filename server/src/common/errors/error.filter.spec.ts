import { describe, expect, it } from '@jest/globals';
import type { ApiError } from '@nguon/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { ErrorFilter } from './error.filter.js';

/** What the filter answers for this error, to a request in `language`. */
function answered(exception: unknown, language = 'vi'): { status: number; body: ApiError } {
  const sent: { status?: number; body?: ApiError } = {};
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header: () => reply,
    send(body: ApiError) {
      sent.body = body;
      return reply;
    },
  };
  const request = { id: 'req-1', url: '/api/batches', method: 'POST', headers: { 'accept-language': language } };
  new ErrorFilter().answer(exception, request as unknown as FastifyRequest, reply as unknown as FastifyReply);
  return { status: sent.status!, body: sent.body! };
}

const failed = (code: string) => new QueryFailedError('INSERT', [], Object.assign(new Error('x'), { code }));

describe('ErrorFilter', () => {
  it('answers a deadlock the database broke as a collision to try again, in the language asked, not as a fault', () => {
    const en = answered(failed('40P01'), 'en');
    expect(en).toMatchObject({ status: 409, body: { code: 'WRITES_COLLIDED', message: expect.stringContaining('try again') } });
    expect(answered(failed('40P01')).body.message).toContain('thử lại');
  });

  it("still answers an unknown database error as the portal's fault", () => {
    expect(answered(failed('42601'))).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });
});
