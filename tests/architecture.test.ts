// The shape the code keeps (see the layers in CONTRIBUTING.md's Code layout): the domain (src/timeline/) and
// the presenters (src/render/) are pure, so everything that touches the process, files, colour detection or the
// clock is in src/cli/; and no function is so long that it cannot be read at once. Parsed with the TypeScript
// compiler's parser (syntax only, no type checking), so that comments and strings never count.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const PURE_LAYERS = ['src/timeline', 'src/render'];
const MAX_FUNCTION_LINES = 120;

/**
 * Functions longer than MAX_FUNCTION_LINES while the code is being split: each entry is `file: function`. Remove an
 * entry when its function is split; the last test fails while an entry names a function that is short enough or
 * gone, so that this list only ever shrinks.
 */
const KNOWN_LONG_FUNCTIONS: string[] = [];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name))
    .sort();
}

function parse(file: string, text = readFileSync(join(ROOT, file), 'utf8')): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

function visit(node: ts.Node, callback: (node: ts.Node) => void): void {
  callback(node);
  ts.forEachChild(node, (child) => visit(child, callback));
}

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** The module a node imports, by `import`, `export … from`, `import()` or `require()`. */
function importedModule(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier)
    return ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
    const expression = node.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression.text : undefined;
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
    const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
    const [first] = node.arguments;
    if ((isImport || isRequire) && first && ts.isStringLiteralLike(first)) return first.text;
  }
  return undefined;
}

/** `process` used as a value: `process.env`, `globalThis.process`; not a property or a declaration named so. */
function isProcess(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node))
    return (
      node.name.text === 'process' &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'globalThis'
    );
  if (!ts.isIdentifier(node) || node.text !== 'process') return false;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent)) && parent.name === node)
    return false;
  if (ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) return parent.name !== node;
  if (ts.isQualifiedName(parent) && parent.right === node) return false;
  return true;
}

/** Reading the clock: `new Date()` with no argument, `Date.now()`, `performance.now()`. */
function readsClock(node: ts.Node): boolean {
  if (ts.isNewExpression(node))
    return ts.isIdentifier(node.expression) && node.expression.text === 'Date' && !node.arguments?.length;
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const { expression, name } = node.expression;
    return (
      name.text === 'now' &&
      ts.isIdentifier(expression) &&
      (expression.text === 'Date' || expression.text === 'performance')
    );
  }
  return false;
}

/** What a file of a pure layer must not do, as `file:line what`. */
function impurities(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push(`${source.fileName}:${line} ${what}`);
  };
  visit(source, (node) => {
    const module = importedModule(node);
    if (module !== undefined && BUILTINS.has(module)) at(node, `imports ${module}`);
    if (module !== undefined && /^chalk(\/|$)/.test(module)) at(node, `imports ${module}`);
    if (isProcess(node)) at(node, 'uses process');
    if (readsClock(node)) at(node, `reads the clock: ${node.getText(source)}`);
  });
  return found;
}

/** A function's name as a reader would search for it: its own, its variable's, its property's, or its line. */
function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  const named = (name: ts.Node | undefined) =>
    name && !ts.isComputedPropertyName(name) ? name.getText(source) : '';
  let name = named(node.name);
  const parent = node.parent;
  if (!name && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)))
    name = named(parent.name);
  if (ts.isClassLike(parent) && parent.name && name) name = `${parent.name.text}.${name}`;
  if (ts.isConstructorDeclaration(node))
    name = `${(parent as ts.ClassLikeDeclaration).name?.text ?? ''}.constructor`;
  return name || `(function at line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1})`;
}

/** Every function with a body, as `file: name` and its length in lines, from its first line to its last. */
function functionLengths(source: ts.SourceFile): [name: string, lines: number][] {
  const lengths: [string, number][] = [];
  visit(source, (node) => {
    if (!ts.isFunctionLike(node) || !('body' in node) || !node.body) return;
    const fn = node as ts.FunctionLikeDeclaration;
    const first = source.getLineAndCharacterOfPosition(fn.getStart(source)).line;
    const last = source.getLineAndCharacterOfPosition(fn.getEnd()).line;
    lengths.push([`${source.fileName}: ${functionName(fn, source)}`, last - first + 1]);
  });
  return lengths;
}

const SOURCES = sourceFiles('src').map((file) => parse(file));
const LONG = SOURCES.flatMap(functionLengths).filter(([, lines]) => lines > MAX_FUNCTION_LINES);

describe('the pure layers', () => {
  it('finds what it looks for', () => {
    const sample = parse(
      'sample.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        "export { Chalk } from 'chalk';",
        "const later = () => import('node:child_process');",
        "const color = require('chalk/source');",
        'const env = process.env;',
        'const also = globalThis.process;',
        'const now = new Date();',
        'const stamp = Date.now();',
        'const tick = performance.now();',
        // None of these is a problem.
        "import { parseTimeline } from './parse.js';",
        "const day = new Date(Date.UTC(2014, 8, 21)); // new Date() in a comment, 'process' in a string",
        'const options = { process: 1 }; options.process; type Env = NodeJS.ProcessEnv;',
      ].join('\n'),
    );
    expect(impurities(sample)).toEqual([
      'sample.ts:1 imports node:fs',
      'sample.ts:2 imports path',
      'sample.ts:3 imports chalk',
      'sample.ts:4 imports node:child_process',
      'sample.ts:5 imports chalk/source',
      'sample.ts:6 uses process',
      'sample.ts:7 uses process',
      'sample.ts:8 reads the clock: new Date()',
      'sample.ts:9 reads the clock: Date.now()',
      'sample.ts:10 reads the clock: performance.now()',
    ]);
  });

  it.each(PURE_LAYERS)('%s imports no node: module or chalk, uses no process and reads no clock', (dir) => {
    const files = sourceFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap((file) => impurities(parse(file)))).toEqual([]);
  });
});

describe('functions', () => {
  it('measures every kind of function, from its first line to its last', () => {
    const sample = parse(
      'sample.ts',
      [
        'function one() {',
        '  return 1;',
        '}',
        'const two = () =>',
        '  2;',
        'class Three { method() {',
        '  return 3; } }',
        'const four = { get value() { return 4; } };',
      ].join('\n'),
    );
    expect(functionLengths(sample)).toEqual([
      ['sample.ts: one', 3],
      ['sample.ts: two', 2],
      ['sample.ts: Three.method', 2],
      ['sample.ts: value', 1],
    ]);
  });

  it(`in src/ are at most ${MAX_FUNCTION_LINES} lines, but for the known exceptions being split`, () => {
    const offenders = LONG.map(([name]) => name).filter((name) => !KNOWN_LONG_FUNCTIONS.includes(name));
    expect(offenders, LONG.map(([name, lines]) => `${name} (${lines} lines)`).join(', ')).toEqual([]);
  });

  it('known exceptions are removed from the list once they are split', () => {
    const long = new Set(LONG.map(([name]) => name));
    expect(KNOWN_LONG_FUNCTIONS.filter((name) => !long.has(name))).toEqual([]);
  });
});
