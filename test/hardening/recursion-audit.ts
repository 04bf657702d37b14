import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

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
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; succ: string[]; next: number }> = [];
    const open = (node: string): void => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, succ: [...(edges.get(node) ?? [])].sort(), next: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.succ.length) {
        const target = frame.succ[frame.next++]!;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work[work.length - 1]!.node, Math.min(low.get(work[work.length - 1]!.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || edges.get(frame.node)?.has(frame.node)) found.push(component.sort());
      }
    }
  }
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}
