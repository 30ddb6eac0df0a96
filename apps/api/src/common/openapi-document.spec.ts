import type { OpenAPIObject } from '@nestjs/swagger';
import { correctDocument } from './openapi-document';

type Responses = Record<string, { description: string }>;

function documentOf(paths: Record<string, Record<string, unknown>>): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths };
}

function responsesOf(doc: OpenAPIObject, path: string, method: string): Responses {
  return (doc.paths[path] as Record<string, { responses: Responses }>)[method].responses;
}

describe('correctDocument', () => {
  it('documents 413 and 415 on every method the edge reads a body for, the operations taking none included', () => {
    const doc = correctDocument(
      documentOf({
        '/api/a': {
          post: { responses: { '204': { description: 'ok' } }, security: [{ bearer: [] }] },
          get: { responses: { '200': { description: 'ok' } } },
        },
        '/api/b/{id}': {
          put: {
            parameters: [{ name: 'id', in: 'path', required: true }],
            requestBody: { content: { 'application/json': {} } },
            responses: { '200': { description: 'ok' } },
          },
          delete: { parameters: [{ name: 'id', in: 'path', required: true }], responses: {} },
        },
      }),
    );
    const bodyless = responsesOf(doc, '/api/a', 'post');
    expect(Object.keys(bodyless).sort()).toEqual(['204', '400', '401', '403', '413', '415', '429', '500']);
    expect(bodyless['413'].description).toContain('takes no body');
    expect(Object.keys(responsesOf(doc, '/api/a', 'get')).sort()).toEqual(['200', '400', '429', '500']);
    const put = responsesOf(doc, '/api/b/{id}', 'put');
    expect(Object.keys(put).sort()).toEqual(['200', '400', '404', '413', '414', '415', '429', '500']);
    expect(put['415'].description).not.toContain('takes no body');
    expect(Object.keys(responsesOf(doc, '/api/b/{id}', 'delete'))).toEqual(
      expect.arrayContaining(['404', '413', '414', '415']),
    );
  });

  it('keeps a refusal the operation documents itself', () => {
    const doc = correctDocument(
      documentOf({ '/api/c': { post: { responses: { '413': { description: 'The file is too large' } } } } }),
    );
    expect(responsesOf(doc, '/api/c', 'post')['413'].description).toBe('The file is too large');
  });

  it("documents a file-producing operation's refusals as the JSON error shape, keeping their description", () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const doc = correctDocument(
      documentOf({
        '/api/e.xlsx': {
          get: {
            responses: {
              '200': { description: 'the workbook', content: { [xlsx]: {} } },
              '404': { description: 'No such campaign', content: { [xlsx]: { schema: { $ref: 'x' } } } },
            },
          },
        },
      }),
    );
    const responses = responsesOf(doc, '/api/e.xlsx', 'get') as Record<
      string,
      { description: string; content: Record<string, unknown> }
    >;
    expect(responses['404'].description).toBe('No such campaign');
    expect(Object.keys(responses['404'].content)).toEqual(['application/json']);
    expect(Object.keys(responses['200'].content)).toEqual([xlsx]);
  });

  it('merges a header declared twice into one parameter, required only if both say so', () => {
    const doc = correctDocument(
      documentOf({
        '/api/d': {
          post: {
            parameters: [
              { name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeat safely' },
              { name: 'idempotency-key', in: 'header', required: true },
            ],
            responses: {},
          },
        },
      }),
    );
    const params = (doc.paths['/api/d'] as { post: { parameters: unknown[] } }).post.parameters;
    expect(params).toEqual([{ name: 'Idempotency-Key', in: 'header', required: false, description: 'Repeat safely' }]);
  });
});
