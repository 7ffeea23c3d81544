import { describe, expect, it } from 'vitest';
import { isAppError } from '../app-error.js';
import { borgPatternArgs, testPath } from './patterns.js';
import { checkPatternRules, toArchivePath, type PatternRules } from '../../model/pattern-rules.js';

const excludes = (...e: string[]): PatternRules => ({ excludes: e, patterns: [] });
const patterns = (...p: string[]): PatternRules => ({ excludes: [], patterns: p });
const excluded = (path: string, rules: PatternRules): boolean => testPath(path, rules).excluded;

describe('testPath: fm: (the --exclude default), examples from `borg help patterns`', () => {
  it("excludes '/home/user/file.o' but not '/home/user/file.odt' with *.o", () => {
    expect(testPath('/home/user/file.o', excludes('*.o'))).toEqual({
      excluded: true,
      rule: '*.o',
      archivePath: 'home/user/file.o',
    });
    expect(testPath('/home/user/file.odt', excludes('*.o'))).toEqual({
      excluded: false,
      archivePath: 'home/user/file.odt',
    });
  });

  it("home/*/junk: '*' crosses '/', so subdir/junk goes too, but not importantjunk or /etc/junk", () => {
    const rules = excludes('home/*/junk');
    expect(excluded('/home/user/junk', rules)).toBe(true);
    expect(excluded('/home/user/subdir/junk', rules)).toBe(true);
    expect(excluded('/home/user/junk/inner/file', rules)).toBe(true);
    expect(excluded('/home/user/importantjunk', rules)).toBe(false);
    expect(excluded('/etc/junk', rules)).toBe(false);
  });

  it('a trailing slash excludes the contents but keeps the directory itself', () => {
    const rules = excludes('home/user/cache/');
    expect(excluded('/home/user/cache', rules)).toBe(false);
    expect(excluded('/home/user/cache/important', rules)).toBe(true);
    expect(excluded('/home/user/cache/deep/er', rules)).toBe(true);
  });

  it('drops a leading slash from the pattern and from the path', () => {
    expect(excluded('/home/user/junk', excludes('/home/user/junk'))).toBe(true);
    expect(excluded('home/user/junk', excludes('/home/user/junk'))).toBe(true);
    expect(excluded('/home/user/junkyard', excludes('/home/user/junk'))).toBe(false);
  });

  it('supports ?, [...] sets, [!...] negation and [?] for a literal ?', () => {
    expect(excluded('/src/a.o', excludes('*.[oa]'))).toBe(true);
    expect(excluded('/src/a.a', excludes('*.[oa]'))).toBe(true);
    expect(excluded('/src/a.c', excludes('*.[oa]'))).toBe(false);
    expect(excluded('/src/file1', excludes('src/file?'))).toBe(true);
    expect(excluded('/src/file12', excludes('src/file?'))).toBe(false);
    expect(excluded('/src/b', excludes('src/[!a]'))).toBe(true);
    expect(excluded('/src/a', excludes('src/[!a]'))).toBe(false);
    expect(excluded('/src/what?', excludes('src/what[?]'))).toBe(true);
    expect(excluded('/src/whatX', excludes('src/what[?]'))).toBe(false);
    expect(excluded('/src/x[1', excludes('src/x[1'))).toBe(true); // an unclosed [ is literal
    expect(excluded('/src/a-b', excludes('src/a[-x]b'))).toBe(true);
  });

  it('uses fm:aa:something/* to match a path that starts with two letters and a colon', () => {
    expect(excluded('/aa:something/file', excludes('fm:aa:something/*'))).toBe(true);
    expect(() => testPath('/x', excludes('aa:something/*'))).toThrow(/Unknown pattern style "aa:"/);
  });
});

describe('testPath: sh:, re:, pp:, pf:', () => {
  it('sh: * stays within one directory level', () => {
    const rules = excludes('sh:home/*/.thumbnails');
    expect(excluded('/home/user/.thumbnails', rules)).toBe(true);
    expect(excluded('/home/user/.thumbnails/normal/x.png', rules)).toBe(true);
    expect(excluded('/home/user/sub/.thumbnails', rules)).toBe(false);
  });

  it('sh: **/ spans zero or more directories', () => {
    const rules = excludes('sh:**/node_modules');
    expect(excluded('/node_modules', rules)).toBe(true);
    expect(excluded('/home/u/app/node_modules', rules)).toBe(true);
    expect(excluded('/home/u/app/node_modules/x/index.js', rules)).toBe(true);
    expect(excluded('/home/u/app/node_modules_backup', rules)).toBe(false);
    expect(excluded('/home/u/a.log', excludes('sh:home/**/*.log'))).toBe(true);
    expect(excluded('/home/u/d/e/a.log', excludes('sh:home/**/*.log'))).toBe(true);
    expect(excluded('/var/a.log', excludes('sh:home/**/*.log'))).toBe(false);
  });

  it("re: contents of directories in /home whose name ends in '.tmp' (the docs example)", () => {
    const rules = excludes('re:^home/[^/]+\\.tmp/');
    expect(excluded('/home/user.tmp', rules)).toBe(false); // the directory itself stays
    expect(excluded('/home/user.tmp/file', rules)).toBe(true);
    expect(excluded('/home/user/x.tmp/file', rules)).toBe(false);
  });

  it('re: is a search, not a full match, and keeps Python syntax', () => {
    expect(excluded('/home/u/Photo.JPG', excludes('re:(?i)\\.jpg$'))).toBe(true);
    expect(excluded('/home/u/Photo.jpg.txt', excludes('re:(?i)\\.jpg$'))).toBe(false);
    expect(excluded('/home/u/u.bak', excludes('re:^home/(?P<n>[^/]+)/(?P=n)\\.bak$'))).toBe(true);
    expect(excluded('/home/u/v.bak', excludes('re:^home/(?P<n>[^/]+)/(?P=n)\\.bak$'))).toBe(false);
    expect(excluded('/srv/aaa', excludes('re:^srv/a{,2}$'))).toBe(false);
    expect(excluded('/srv/aa', excludes('re:^srv/a{,2}$'))).toBe(true);
    expect(excluded('/x/core', excludes('re:\\Acore\\Z'))).toBe(false);
    expect(excluded('/core', excludes('re:\\Acore\\Z'))).toBe(true);
  });

  it('pp: matches a directory and everything in it, not a longer name', () => {
    const rules = excludes('pp:root/somedir');
    expect(excluded('/root/somedir', rules)).toBe(true);
    expect(excluded('/root/somedir/a/b', rules)).toBe(true);
    expect(excluded('/root/somedirectory', rules)).toBe(false);
    expect(excluded('/root/somedir/x', excludes('pp:/root/somedir/'))).toBe(true);
  });

  it('pf: matches one full path only', () => {
    const rules = excludes('pf:/root/file.ext');
    expect(excluded('/root/file.ext', rules)).toBe(true);
    expect(excluded('/root/file.ext2', rules)).toBe(false);
    // Something inside an excluded directory is never visited, whatever the style.
    expect(testPath('/root/file.ext/x', rules)).toMatchObject({
      excluded: true,
      matchedPath: 'root/file.ext',
    });
    // As a `-` pattern line (descend) pf: leaves the contents alone.
    expect(excluded('/root/dir/x', patterns('- pf:root/dir'))).toBe(false);
    expect(excluded('/root/dir', patterns('- pf:root/dir'))).toBe(true);
    expect(excluded('/root/./sub/../file.ext', rules)).toBe(true); // both sides are normalised
  });
});

describe('testPath: --pattern lines', () => {
  it("the docs' patterns file: first match wins, pf: first, ! does not descend", () => {
    const rules = patterns(
      '# "sh:" pattern style is the default',
      'P sh',
      'R /',
      '- home/*/.cache',
      '- home/*/Downloads',
      '+ home/susan',
      '+ pf:home/bobby/specialfile.txt',
      '- home/*',
      '! proc',
    );
    expect(testPath('/home/bob/.cache/x', rules)).toMatchObject({ excluded: true, rule: '- home/*/.cache' });
    expect(testPath('/home/susan/Downloads/a', rules)).toMatchObject({
      excluded: true,
      rule: '- home/*/Downloads',
    });
    expect(testPath('/home/susan/notes.txt', rules)).toMatchObject({ excluded: false, rule: '+ home/susan' });
    expect(testPath('/home/bobby/specialfile.txt', rules)).toMatchObject({
      excluded: false,
      rule: '+ pf:home/bobby/specialfile.txt',
    });
    expect(testPath('/home/bobby/other.txt', rules)).toMatchObject({ excluded: true, rule: '- home/*' });
    expect(testPath('/proc/1/status', rules)).toEqual({
      excluded: true,
      rule: '! proc',
      matchedPath: 'proc',
      archivePath: 'proc/1/status',
    });
    expect(testPath('/etc/passwd', rules)).toEqual({ excluded: false, archivePath: 'etc/passwd' });
  });

  it('--pattern=+pics/2018/good --pattern=-pics/2018 keeps the good ones', () => {
    const rules: PatternRules = {
      excludes: [],
      patterns: ['+pics/2018/good', '-pics/2018'],
      roots: ['pics'],
    };
    expect(excluded('pics/2018/good/a.jpg', rules)).toBe(false);
    expect(excluded('pics/2018/bad.jpg', rules)).toBe(true);
    expect(excluded('pics/2017/a.jpg', rules)).toBe(false);
  });

  it('- descends (an include below still works) but ! and --exclude do not', () => {
    expect(excluded('/h/a/b', patterns('+ h/a/b', '- h/a'))).toBe(false);
    expect(excluded('/h/a/c', patterns('+ h/a/b', '- h/a'))).toBe(true);
    expect(excluded('/h/a/b', patterns('- h/a', '+ h/a/b'))).toBe(true); // order matters
    expect(testPath('/h/a/b', patterns('+ h/a/b', '! h/a'))).toMatchObject({
      excluded: true,
      matchedPath: 'h/a',
    });
    // A regex that matches only the directory: with - the file inside is visited and kept…
    expect(excluded('/h/dir/file', patterns('- re:^h/dir$'))).toBe(false);
    // …with ! (and with --exclude) the directory is not entered at all.
    expect(excluded('/h/dir/file', patterns('! re:^h/dir$'))).toBe(true);
    expect(excluded('/h/dir/file', excludes('re:^h/dir$'))).toBe(true);
  });

  it('looks up pf: rules before ordered rules wherever they are written', () => {
    const rules = patterns('- home/*', '+ pf:home/keep.txt');
    expect(excluded('/home/keep.txt', rules)).toBe(false);
    expect(excluded('/home/other.txt', rules)).toBe(true);
  });

  it('puts --pattern lines before --exclude patterns, so an include can carve out of an exclude', () => {
    const rules: PatternRules = { excludes: ['*.o'], patterns: ['+ home/u/keep.o'] };
    expect(testPath('/home/u/keep.o', rules)).toMatchObject({ excluded: false, rule: '+ home/u/keep.o' });
    expect(testPath('/home/u/other.o', rules)).toMatchObject({ excluded: true, rule: '*.o' });
  });

  it('cannot include below a directory that --exclude keeps borg out of', () => {
    const rules: PatternRules = { excludes: ['home/u/.cache'], patterns: ['+ home/u/.cache/keep'] };
    expect(testPath('/home/u/.cache/keep/x', rules)).toMatchObject({
      excluded: true,
      rule: 'home/u/.cache',
      matchedPath: 'home/u/.cache',
    });
  });

  it('P changes the default style for the lines after it', () => {
    expect(excluded('/a/b/c.o', patterns('P fm', '- *.o'))).toBe(true); // fm: * crosses /
    expect(excluded('/a/b/c.o', patterns('- *.o'))).toBe(false); // sh: * does not
  });

  it('reports paths outside every root as not backed up', () => {
    const rules: PatternRules = { excludes: [], patterns: ['R /home/u'], roots: ['/etc'] };
    expect(testPath('/var/log/x', rules)).toEqual({
      excluded: true,
      archivePath: 'var/log/x',
      outsideRoots: true,
    });
    expect(excluded('/home/u/x', rules)).toBe(false);
    expect(excluded('/etc/hosts', rules)).toBe(false);
  });

  it('matches a root that an exclude covers (borg matches the root itself too)', () => {
    expect(testPath('/home/u/x', { excludes: ['home/u'], patterns: [], roots: ['/home/u'] })).toMatchObject({
      excluded: true,
      matchedPath: 'home/u',
    });
  });

  it('ignores blank lines and # comments, and trims lines', () => {
    expect(excluded('/a.o', excludes('', '  # *.o', '   '))).toBe(false);
    expect(excluded('/a.o', excludes('  *.o  '))).toBe(true);
  });
});

describe('checkPatternRules and borgPatternArgs', () => {
  it('reports errors with the rule and a plain message, and warns about common mistakes', () => {
    const problems = checkPatternRules({
      excludes: ['zz:foo', 're:(unclosed', '~/.cache', 're:^/home/x', 'home/**/x'],
      patterns: ['home/x', 'P xx', '+', '- re:(?i:a)'],
    });
    const summary = problems.map((p) => `${p.list}[${p.index}] ${p.severity}`);
    expect(summary).toEqual([
      'patterns[0] error',
      'patterns[1] error',
      'patterns[2] error',
      'patterns[3] error',
      'excludes[0] error',
      'excludes[1] error',
      'excludes[2] warning',
      'excludes[3] warning',
      'excludes[4] warning',
    ]);
    expect(problems[0]?.message).toMatch(/starts with \+ \(include\)/);
    expect(problems[3]?.message).toMatch(/Scoped flags/);
    expect(problems[6]?.message).toMatch(/does not expand "~"/);
  });

  it('throws an InvalidInput AppError naming the rule when asked to test with invalid rules', () => {
    try {
      testPath('/x', excludes('re:[a-'));
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code === 'InvalidInput').toBe(true);
      expect((e as Error).message).toMatch(/^Pattern "re:\[a-"/);
    }
  });

  it('emits --pattern (styles explicit, P folded in) before --exclude, skipping comments', () => {
    expect(
      borgPatternArgs({
        patterns: ['R /home/u', 'P fm', '- *.o', '+ sh:home/u/keep', 'P pp', '! home/u/big', '# note'],
        excludes: ['*.tmp', '', 'sh:**/node_modules'],
      }),
    ).toEqual([
      '--pattern=R /home/u',
      '--pattern=- fm:*.o',
      '--pattern=+ sh:home/u/keep',
      '--pattern=! pp:home/u/big',
      '--exclude=*.tmp',
      '--exclude=sh:**/node_modules',
    ]);
  });

  it('normalises paths the way borg does before matching', () => {
    expect(toArchivePath('/home//u/./docs/../x/')).toBe('home/u/x');
    expect(toArchivePath('/')).toBe('');
    expect(toArchivePath('relative/dir')).toBe('relative/dir');
  });
});
