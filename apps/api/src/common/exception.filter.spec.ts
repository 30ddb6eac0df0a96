import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from '@lawgate/domain';
import { toErrorBody } from './exception.filter';
import { fieldTree } from './validation';

describe(toErrorBody.name, () => {
  it('should map each domain error code to its status with code, message and details', () => {
    expect(toErrorBody(new DomainError(ErrorCode.WrongStage, 'moved on', { stage: 'DRAFTING' }), 'r1')).toEqual({
      status: 409,
      body: { code: 'WRONG_STAGE', message: 'moved on', details: { stage: 'DRAFTING' } },
    });
    expect(toErrorBody(new DomainError(ErrorCode.RuleViolation, 'no'), 'r').status).toBe(422);
    expect(toErrorBody(new DomainError(ErrorCode.Unavailable, 'down'), 'r').status).toBe(503);
  });

  it('should keep the message of framework HTTP errors', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /x'), 'r')).toEqual({
      status: 404,
      body: { code: 'NOT_FOUND', message: 'Cannot GET /x', details: {} },
    });
    expect(toErrorBody(new BadRequestException(['a is wrong', 'b is wrong']), 'r').body.message).toBe(
      'a is wrong; b is wrong',
    );
  });

  it('should turn Fastify request errors into readable 4xx', () => {
    const unsupported = Object.assign(new Error('Unsupported Media Type: text/plain'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
    expect(toErrorBody(unsupported, 'r')).toEqual({
      status: 415,
      body: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message:
          'The request could not be read: This content type is not accepted here; JSON endpoints take application/json.',
        details: {},
      },
    });
  });

  it('should hide unexpected errors behind a 500 that names the request id', () => {
    const { status, body } = toErrorBody(new TypeError('x is undefined'), 'req-42');
    expect(status).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.message).not.toContain('undefined');
    expect(body.details).toEqual({ requestId: 'req-42' });
  });
});

describe(fieldTree.name, () => {
  it('should flatten nested validation errors into dotted paths', () => {
    expect(
      fieldTree([
        { property: 'title', constraints: { isString: 'title must be a string' }, children: [] },
        {
          property: 'application',
          children: [
            { property: 'necessity', constraints: { length: 'too short', isString: 'not a string' }, children: [] },
          ],
        },
      ]),
    ).toEqual({ title: ['title must be a string'], 'application.necessity': ['too short', 'not a string'] });
  });
});
