import { safeReturnTo } from './return-to';

describe(safeReturnTo.name, () => {
  it.each(['/', '/inbox', '/procedures/1?task=2', '/console#register'])('should keep the path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each(['//evil.example', '/\\evil.example', 'https://evil.example/', 'inbox', '', '/a\nb', 42, null])(
    'should refuse %p, which could leave the web app',
    (value) => {
      expect(safeReturnTo(value)).toBeNull();
    },
  );
});
