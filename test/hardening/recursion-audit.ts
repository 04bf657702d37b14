import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { stronglyConnectedComponents } from '../../src/graph/tarjan.js';

/**
 * The exact call graph of src/ (the type checker resolves every call and every function passed by
 * reference), and its cycles: each is a recursion that a deep real org could drive past the stack.
 */
export function recursiveFunctions(srcDir: string): string[][] {
  const files = listTs(srcDir);
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const names = new Map<ts.Node, string>();
  const edges = new Map<string, Set<string>>();

  const nameOf = (node: ts.Node, file: ts.SourceFile): string | undefined => {
    const cached = names.get(node);
    if (cached) return cached;
    const own = declaredName(node);
    if (own === undefined) return undefined;
    const outer: string[] = [];
    for (let parent = node.parent; parent; parent = parent.parent) {
      const name = ts.isClassDeclaration(parent) ? parent.name?.text : isFunctionLike(parent) ? declaredName(parent) : undefined;
      if (name) outer.unshift(name);
    }
    const full = `${relative(srcDir, file.fileName)}#${[...outer, own].join('.')}`;
    names.set(node, full);
    return full;
  };

  for (const file of program.getSourceFiles()) {
    if (!file.fileName.startsWith(srcDir)) continue;
    const stack: string[] = [];
    const visit = (node: ts.Node): void => {
      const name = isFunctionLike(node) ? nameOf(node, file) : undefined;
      if (name) stack.push(name);
      if (stack.length > 0 && (ts.isIdentifier(node) || ts.isPrivateIdentifier(node))) {
        const symbol = checker.getSymbolAtLocation(node);
        const target = symbol && (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
        for (const declaration of target?.declarations ?? []) {
          const callee = functionOf(declaration);
          const calleeFile = callee?.getSourceFile();
          if (!callee || !calleeFile || !calleeFile.fileName.startsWith(srcDir) || isDeclarationName(node)) continue;
          const calleeName = nameOf(callee, calleeFile);
          if (calleeName) (edges.get(stack[stack.length - 1]!) ?? edges.set(stack[stack.length - 1]!, new Set()).get(stack[stack.length - 1]!)!).add(calleeName);
        }
      }
      ts.forEachChild(node, visit);
      if (name) stack.pop();
    };
    visit(file);
  }
  return cyclesOf(edges);
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listTs(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

function isFunctionLike(node: ts.Node): boolean {
  return ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node) || ts.isGetAccessorDeclaration(node);
}

function declaredName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.getText();
  if ((ts.isArrowFunction(node) || ts.isFunctionExpression(node)) && (ts.isVariableDeclaration(node.parent) || ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent))) return node.parent.name.getText();
  return undefined;
}

/** The function a declaration stands for: itself, or the arrow/function a variable or property holds. */
function functionOf(declaration: ts.Declaration): ts.Node | undefined {
  if (isFunctionLike(declaration)) return declaration;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.initializer && isFunctionLike(declaration.initializer)) return declaration.initializer;
  return undefined;
}

function isDeclarationName(node: ts.Node): boolean {
  const parent = node.parent;
  return (ts.isFunctionDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isGetAccessorDeclaration(parent) || ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
}

/** Strongly connected components with a cycle (a self-edge or two or more members), members sorted. */
function cyclesOf(edges: Map<string, Set<string>>): string[][] {
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])])].sort();
  return stronglyConnectedComponents(nodes, (node) => [...(edges.get(node) ?? [])].sort())
    .filter((component) => component.length > 1 || edges.get(component[0]!)?.has(component[0]!))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
