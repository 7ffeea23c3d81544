/**
 * The `errors` catalog covers what the core sends: every error code, and every reason a src-main
 * source names (read from the sources with the TypeScript parser), in English and German, and each
 * entry's `{{params}}` are ones the source supplies.
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import de from '../i18n/locales/de/errors.json';
import en from '../i18n/locales/en/errors.json';

interface Words {
  readonly message?: string;
  readonly remedy?: string;
}
type Entry = Words & { readonly reasons?: Readonly<Record<string, Words>> };
type Catalog = Readonly<Record<string, Entry>>;

// The sources as text (Vite reads them at test time; the renderer itself has no file system).
const SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../../src-main/**/*.ts', '!../../src-main/**/*.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([file, text]) => [file.replace('../../src-main/', ''), text]),
);

function parse(file: string): ts.SourceFile {
  const text = SOURCES[file];
  if (text === undefined) throw new Error(`no source ${file}`);
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
}

/** The string literals of a union type alias, e.g. `type BorgErrorCode = 'A' | 'B'`. */
function unionMembers(file: string, name: string): string[] {
  const alias = parse(file).statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name,
  );
  if (alias === undefined || !ts.isUnionTypeNode(alias.type)) throw new Error(`${name} not found`);
  return alias.type.types.flatMap((t) =>
    ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : [],
  );
}

/** The strings an expression can be: a literal, or the branches of `a ? 'x' : 'y'`. */
function literalsOf(node: ts.Expression): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isConditionalExpression(node)) return [...literalsOf(node.whenTrue), ...literalsOf(node.whenFalse)];
  if (ts.isParenthesizedExpression(node)) return literalsOf(node.expression);
  return [];
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  return obj.properties.find((p) => p.name !== undefined && ts.isIdentifier(p.name) && p.name.text === name);
}

/** The code of a reason whose object names none: any code's reasons may have it. */
const ANY_CODE = '*';

interface ReasonUse {
  readonly where: string;
  readonly code: string;
  readonly reason: string;
  /** The params the source gives, or undefined when it spreads or computes them. */
  readonly params: readonly string[] | undefined;
}

function paramNames(obj: ts.ObjectLiteralExpression): readonly string[] | undefined {
  const params = property(obj, 'params');
  if (params === undefined) return [];
  if (!ts.isPropertyAssignment(params) || !ts.isObjectLiteralExpression(params.initializer)) return undefined;
  const names = params.initializer.properties.map((p) =>
    p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined,
  );
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** Every `reason: '…'` in src-main with the code of its error (sibling `code`, or AppError's first argument). */
function reasonUses(): ReasonUse[] {
  const uses: ReasonUse[] = [];
  for (const file of Object.keys(SOURCES)) {
    const sf = parse(file);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const reason = property(node, 'reason');
        if (reason !== undefined && ts.isPropertyAssignment(reason)) {
          const codeProp = property(node, 'code');
          const parent = node.parent;
          const codeNode =
            codeProp !== undefined && ts.isPropertyAssignment(codeProp)
              ? codeProp.initializer
              : ts.isNewExpression(parent) && parent.expression.getText(sf) === 'AppError'
                ? parent.arguments?.[0]
                : undefined;
          const codes = codeNode === undefined ? [] : literalsOf(codeNode);
          const where = `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
          // Other objects have a `reason` too (a lock's, a fuse check's): only errors have a code.
          // A part of an error (no code of its own, e.g. a helper's result) is checked under any code.
          for (const r of literalsOf(reason.initializer)) {
            // Other objects have a `reason` too (a lock's, a fuse check's): those are sentences.
            if (codes.length !== 1 && !/^[a-z][A-Za-z0-9]*$/.test(r)) continue;
            uses.push({
              where,
              code: codes.length === 1 ? (codes[0] ?? '') : ANY_CODE,
              reason: r,
              params: paramNames(node),
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return uses;
}

const placeholders = (words: Words): string[] =>
  [...`${words.message ?? ''} ${words.remedy ?? ''}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');

const codes = [
  ...unionMembers('borg/error-catalog.ts', 'BorgErrorCode'),
  ...unionMembers('core/app-error.ts', 'AppErrorCode'),
];
const uses = reasonUses();

describe('the errors catalog', () => {
  it.each([
    ['English', en as Catalog],
    ['German', de as Catalog],
  ])('has %s words for every error code, needing no params', (_, catalog) => {
    const missing = codes.filter((code) => catalog[code]?.message === undefined);
    expect(missing).toEqual([]);
    const withParams = codes.filter((code) => placeholders(catalog[code] ?? {}).length > 0);
    expect(withParams).toEqual([]);
  });

  it('finds the reasons in the sources', () => {
    expect(uses.length).toBeGreaterThan(100);
  });

  it.each([
    ['English', en as Catalog],
    ['German', de as Catalog],
  ])('has %s words for every reason src-main uses, with the params it supplies', (_, catalog) => {
    const problems = uses.flatMap((use) => {
      const words =
        use.code === ANY_CODE
          ? Object.values(catalog).find((entry) => entry.reasons?.[use.reason] !== undefined)?.reasons?.[
              use.reason
            ]
          : catalog[use.code]?.reasons?.[use.reason];
      if (words?.message === undefined) return [`${use.where}: no ${use.code}.reasons.${use.reason}`];
      const given = use.params;
      // A part's params join those of the error it goes into.
      if (given === undefined || use.code === ANY_CODE) return [];
      const unsupplied = placeholders(words).filter((p) => !given.includes(p));
      return unsupplied.length === 0
        ? []
        : [`${use.where}: ${use.code}.${use.reason} needs ${unsupplied.join(', ')}`];
    });
    expect(problems).toEqual([]);
  });

  it('gives German the placeholders of English', () => {
    const differing = Object.entries(en as Catalog).flatMap(([code, entry]) =>
      [['', entry] as const, ...Object.entries(entry.reasons ?? {})].flatMap(([reason, words]) => {
        const german = reason === '' ? (de as Catalog)[code] : (de as Catalog)[code]?.reasons?.[reason];
        const a = placeholders(words).sort().join(',');
        const b = placeholders(german ?? {})
          .sort()
          .join(',');
        return a === b ? [] : [`${code}${reason === '' ? '' : `.${reason}`}: ${a} vs ${b}`];
      }),
    );
    expect(differing).toEqual([]);
  });
});
