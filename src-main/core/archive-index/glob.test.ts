import { describe, expect, it } from 'vitest';
import { compileGlob, GlobSyntaxError } from './glob.js';
import { naturalCompare } from './name-compare.js';

const matches = (glob: string, text: string, cross = true): boolean => compileGlob(glob, cross).test(text);

describe('compileGlob', () => {
  it('keeps * and ? inside one folder', () => {
    expect(matches('*.txt', 'a.txt')).toBe(true);
    expect(matches('*.txt', 'dir/a.txt')).toBe(false);
    expect(matches('a?c', 'abc')).toBe(true);
    expect(matches('a?c', 'a/c')).toBe(false);
    expect(matches('?', '😀')).toBe(true);
  });

  it('lets ** cross folders, and **/ match zero folders', () => {
    expect(matches('home/**/x.md', 'home/x.md')).toBe(true);
    expect(matches('home/**/x.md', 'home/a/b/x.md')).toBe(true);
    expect(matches('**/x.md', 'x.md')).toBe(true);
    expect(matches('home/**', 'home/a/b')).toBe(true);
    expect(matches('home/**', 'home')).toBe(false);
    expect(matches('a**b', 'a/x/b')).toBe(true);
    expect(matches('a**b', 'a/x/b', false)).toBe(false);
  });

  it('supports classes, negation, ranges and a leading ]', () => {
    expect(matches('[abc]x', 'bx')).toBe(true);
    expect(matches('[!abc]x', 'bx')).toBe(false);
    expect(matches('[^abc]x', 'dx')).toBe(true);
    expect(matches('[a-c]', 'b')).toBe(true);
    expect(matches('[]]', ']')).toBe(true);
    expect(matches('[!-0]', '/')).toBe(false);
    expect(matches('[.-0]', '/')).toBe(false);
  });

  it('treats regex characters and an unclosed [ literally, and honours \\ escapes', () => {
    expect(matches('a+b(c).txt', 'a+b(c).txt')).toBe(true);
    expect(matches('a.b', 'axb')).toBe(false);
    expect(matches('[oops', '[oops')).toBe(true);
    expect(matches('\\*', '*')).toBe(true);
    expect(matches('\\*', 'x')).toBe(false);
    expect(matches('x$^{1}|y', 'x$^{1}|y')).toBe(true);
  });

  it('rejects a reversed range with a GlobSyntaxError', () => {
    expect(() => compileGlob('[z-a]', true)).toThrow(GlobSyntaxError);
  });
});

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    const names = ['file10', 'file9', 'file1', 'file010', 'a', 'file', 'file9b'];
    expect([...names].sort(naturalCompare)).toEqual([
      'a',
      'file',
      'file1',
      'file9',
      'file9b',
      'file10',
      'file010',
    ]);
  });
});
