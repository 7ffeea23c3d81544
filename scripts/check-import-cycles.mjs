/**
 * Fails when the app's modules import each other in a circle, and prints each circle as a path.
 *
 *   node scripts/check-import-cycles.mjs [folder...]     (default: src-main src-renderer)
 *
 * Imports are read and resolved with the TypeScript compiler API and the project's tsconfig.json
 * (moduleResolution Bundler, so `./x.js` finds `./x.ts`): static imports, `export … from`, `import()`
 * and `import x = require()`. Type-only imports count too: a circle of types still ties the two
 * modules together, and a type import turns into a runtime one the moment a value is added to it.
 * Edges that are type-only are marked `(type)` in the report so the runtime ones stand out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

/** Every TypeScript source file under `dirs` (declaration files and node_modules left out). */
function sourceFiles(dirs) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(full);
      }
    }
  };
  for (const dir of dirs) walk(dir);
  return files.sort();
}

/** The module specifiers `file` imports, each with whether only types come through it. */
function importsOf(sourceFile) {
  const found = [];
  const namedAreTypes = (elements) => elements.length > 0 && elements.every((e) => e.isTypeOnly);
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (clause.name === undefined &&
            bindings !== undefined &&
            ts.isNamedImports(bindings) &&
            namedAreTypes(bindings.elements)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const clause = node.exportClause;
      const typeOnly =
        node.isTypeOnly ||
        (clause !== undefined && ts.isNamedExports(clause) && namedAreTypes(clause.elements));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push({ specifier: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push({ specifier: node.arguments[0].text, typeOnly: false });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The project's compiler options, for resolving imports exactly as tsc does. */
function compilerOptions(tsconfigPath) {
  const read = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath)).options;
}

/** The import graph of the files under `dirs`: file → (imported file → type-only?). */
export function importGraph(dirs, tsconfigPath = path.join(root, 'tsconfig.json')) {
  const options = compilerOptions(tsconfigPath);
  const cache = ts.createModuleResolutionCache(root, (name) => name, options);
  const files = sourceFiles(dirs);
  const known = new Set(files);
  const graph = new Map();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    const edges = new Map();
    for (const { specifier, typeOnly } of importsOf(sourceFile)) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys, cache).resolvedModule;
      if (resolved === undefined || resolved.isExternalLibraryImport) continue;
      const target = path.resolve(resolved.resolvedFileName);
      if (!known.has(target)) continue;
      // One runtime import of a module makes the edge a runtime edge.
      edges.set(target, (edges.get(target) ?? true) && typeOnly);
    }
    graph.set(file, edges);
  }
  return graph;
}

// Tarjan's algorithm: the strongly connected components with more than one module (or a self-import).
function tangledComponents(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const connect = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node).keys()) {
      if (!index.has(target)) {
        connect(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node).has(node)) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return components;
}

// The shortest way from `from` to `to` inside `members` (breadth first), as a list of files.
function shortestPath(graph, from, to, members) {
  const previous = new Map([[from, undefined]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i];
    if (node === to) {
      const found = [];
      for (let at = to; at !== undefined; at = previous.get(at)) found.unshift(at);
      return found;
    }
    for (const target of graph.get(node).keys()) {
      if (members.has(target) && !previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return undefined;
}

/**
 * The import cycles among the files under `dirs`: for each tangle of modules, the shortest cycle
 * through each of its imports not yet on a reported cycle, so every import that closes a circle is
 * shown. Each cycle is a list of `{ file, typeOnly }` steps from a file back to itself, `typeOnly`
 * telling whether the import from the previous step brings in types only.
 */
export function findImportCycles(dirs, tsconfigPath) {
  const graph = importGraph(dirs, tsconfigPath);
  const cycles = [];
  for (const component of tangledComponents(graph)) {
    const members = new Set(component);
    const covered = new Set();
    for (const from of component) {
      for (const to of graph.get(from).keys()) {
        if (!members.has(to) || covered.has(`${from}\0${to}`)) continue;
        // A shortest way back from `to` always exists: both are in one strongly connected component.
        const cycle = [from, ...shortestPath(graph, to, from, members)];
        for (let i = 1; i < cycle.length; i += 1) covered.add(`${cycle[i - 1]}\0${cycle[i]}`);
        cycles.push(
          cycle.map((file, i) => ({ file, typeOnly: i > 0 && graph.get(cycle[i - 1]).get(file) === true })),
        );
      }
    }
  }
  return cycles;
}

/** One cycle as `a.ts → b.ts → (type) a.ts`, paths relative to `base`. */
export function formatCycle(cycle, base = root) {
  return cycle
    .map(
      ({ file, typeOnly }) =>
        `${typeOnly ? '(type) ' : ''}${path.relative(base, file).split(path.sep).join('/')}`,
    )
    .join(' → ');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const dirs = (args.length > 0 ? args : ['src-main', 'src-renderer']).map((d) => path.resolve(root, d));
  const cycles = findImportCycles(dirs);
  if (cycles.length === 0) {
    console.log(`No import cycles in ${args.length > 0 ? args.join(', ') : 'src-main, src-renderer'}.`);
  } else {
    console.error(`${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}:`);
    for (const cycle of cycles) console.error(`  ${formatCycle(cycle)}`);
    process.exitCode = 1;
  }
}
