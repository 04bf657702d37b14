/**
 * An Apex class file into an ApexClassModel. Two steps over the declarations: first every class's
 * members (fields, inner classes) are collected so names resolve, then each body is walked once.
 * Inner-class members are flattened with an `Inner.` prefix; initializers and property accessors with
 * code become pseudo-methods (`static-init`, `instance-init`, `get-Name`, `set-Name`) when they do
 * anything the model records.
 */
import type {
  BlockContext,
  ClassBodyDeclarationContext,
  ClassDeclarationContext,
  CompilationUnitContext,
  EnumDeclarationContext,
  FormalParametersContext,
  InterfaceDeclarationContext,
  ModifierContext,
  TypeRefContext,
} from '@apexdevtools/apex-parser';
import { emptyCodeBlock, type ApexClassModel, type ApexCodeBlock, type ApexInnerType, type ApexMethodModel, type ApexStaticMember } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import type { WalkContext } from './context.js';
import { readModifiers, type Modifiers } from './modifiers.js';
import { newClassInfo, resolveClassName, Scope, type ClassInfo } from './scope.js';
import { opt, type SourceText } from './syntax.js';
import { baseName, typeFromTypeRef, typeText, type TypeRef } from './types.js';
import { BlockWalker } from './walker.js';

type TypeDecl =
  | { kind: 'class'; node: ClassDeclarationContext }
  | { kind: 'interface'; node: InterfaceDeclarationContext }
  | { kind: 'enum'; node: EnumDeclarationContext };

/** A class of the file with what phase two needs. */
type ClassNode = {
  info: ClassInfo;
  decl: TypeDecl;
  modifiers: Modifiers;
  /** Method-name prefix: '' for the outer class, `Inner.` for an inner one. */
  prefix: string;
  inner: ClassNode[];
};

type Output = {
  methods: ApexMethodModel[];
  staticMembers: ApexStaticMember[];
  innerClasses: string[];
  innerTypes: ApexInnerType[];
  hasTestMethods: boolean;
};

export function extractClass(unit: CompilationUnitContext, src: SourceText, input: ParseInput): ApexClassModel {
  const typeDeclaration = opt(unit.typeDeclaration());
  if (!typeDeclaration) throw new Error('no class, interface or enum declaration found');
  const decl = typeDeclOf(typeDeclaration);
  if (!decl) throw new Error('no class, interface or enum declaration found');
  const root = collect(decl, readModifiers(typeDeclaration.modifier_list(), src), undefined, '', src);
  const output: Output = { methods: [], staticMembers: [], innerClasses: [], innerTypes: [], hasTestMethods: false };
  extractMembers(root, src, output);
  const info = root.info;
  const model: ApexClassModel = {
    name: info.name || input.fullName,
    isTest: root.modifiers.annotations.includes('istest') || output.hasTestMethods,
    isInterface: decl.kind === 'interface',
    interfaces: info.interfaces,
    annotations: root.modifiers.annotations,
    staticMembers: output.staticMembers,
    methods: output.methods,
    innerClasses: output.innerClasses,
    source: { file: input.file, line: opt(decl.node.id())?.start.line ?? 1 },
  };
  if (info.superclass) model.superclass = info.superclass;
  if (root.modifiers.isAbstract) model.isAbstract = true;
  if (root.modifiers.isVirtual) model.isVirtual = true;
  if (output.innerTypes.length > 0) model.innerTypes = output.innerTypes;
  return model;
}

function typeDeclOf(node: {
  classDeclaration(): ClassDeclarationContext;
  interfaceDeclaration(): InterfaceDeclarationContext;
  enumDeclaration(): EnumDeclarationContext;
}): TypeDecl | undefined {
  const cls = opt(node.classDeclaration());
  if (cls) return { kind: 'class', node: cls };
  const iface = opt(node.interfaceDeclaration());
  if (iface) return { kind: 'interface', node: iface };
  const enumeration = opt(node.enumDeclaration());
  if (enumeration) return { kind: 'enum', node: enumeration };
  return undefined;
}

// --- phase one: declarations ---------------------------------------------------------------------

function collect(decl: TypeDecl, modifiers: Modifiers, outer: ClassInfo | undefined, prefix: string, src: SourceText): ClassNode {
  const id = opt(decl.node.id());
  const info = newClassInfo(id ? src.text(id) : '', outer);
  const node: ClassNode = { info, decl, modifiers, prefix, inner: [] };
  if (decl.kind === 'class') {
    const superRef = opt(decl.node.typeRef());
    if (superRef) info.superclass = src.text(superRef);
    const list = opt(decl.node.typeList());
    if (list) info.interfaces = list.typeRef_list().map((ref) => src.text(ref));
    for (const member of classMembers(decl.node)) {
      const declaration = opt(member.memberDeclaration());
      if (!declaration) continue;
      const memberModifiers = member.modifier_list();
      const field = opt(declaration.fieldDeclaration());
      const property = opt(declaration.propertyDeclaration());
      const method = opt(declaration.methodDeclaration());
      if (method) {
        const methodId = opt(method.id());
        const returnRef = opt(method.typeRef());
        if (methodId) noteReturn(info, src.text(methodId), returnRef ? typeFromTypeRef(returnRef, src) : null);
      } else if (field) {
        const typeRef = opt(field.typeRef());
        const isStatic = hasStatic(memberModifiers);
        if (!typeRef) continue;
        const type = typeFromTypeRef(typeRef, src);
        for (const declarator of opt(field.variableDeclarators())?.variableDeclarator_list() ?? []) {
          const name = src.text(declarator.id());
          info.fields.set(name.toLowerCase(), { kind: 'field', name, type, isStatic, owner: info });
        }
      } else if (property) {
        const typeRef = opt(property.typeRef());
        const propertyId = opt(property.id());
        if (!typeRef || !propertyId) continue;
        const name = src.text(propertyId);
        info.fields.set(name.toLowerCase(), { kind: 'field', name, type: typeFromTypeRef(typeRef, src), isStatic: hasStatic(memberModifiers), owner: info });
      } else {
        const innerDecl = typeDeclOf(declaration);
        if (!innerDecl) continue;
        if (innerDecl.kind === 'enum') {
          const enumId = opt(innerDecl.node.id());
          if (enumId) info.enums.add(src.text(enumId).toLowerCase());
          continue;
        }
        const innerNode = collect(innerDecl, readModifiers(memberModifiers, src), info, '', src);
        innerNode.prefix = `${prefix}${innerNode.info.simpleName}.`;
        info.inner.set(innerNode.info.simpleName.toLowerCase(), innerNode.info);
        node.inner.push(innerNode);
      }
    }
  } else if (decl.kind === 'interface') {
    const list = opt(decl.node.typeList());
    if (list) info.interfaces = list.typeRef_list().map((ref) => src.text(ref));
    for (const method of opt(decl.node.interfaceBody())?.interfaceMethodDeclaration_list() ?? []) {
      const methodId = opt(method.id());
      const returnRef = opt(method.typeRef());
      if (methodId) noteReturn(info, src.text(methodId), returnRef ? typeFromTypeRef(returnRef, src) : null);
    }
  }
  return node;
}

/** Overloads with different return types make the name's type unknown (null). */
function noteReturn(info: ClassInfo, name: string, type: TypeRef | null): void {
  const key = name.toLowerCase();
  if (!info.returns.has(key)) info.returns.set(key, type);
  else if (!sameType(info.returns.get(key) ?? null, type)) info.returns.set(key, null);
}

function sameType(a: TypeRef | null, b: TypeRef | null): boolean {
  return a !== null && b !== null && typeText(a).toLowerCase() === typeText(b).toLowerCase();
}

function classMembers(node: ClassDeclarationContext): ClassBodyDeclarationContext[] {
  const body = opt(node.classBody());
  return body ? body.classBodyDeclaration_list() : [];
}

function hasStatic(modifiers: ModifierContext[]): boolean {
  return modifiers.some((modifier) => opt(modifier.STATIC()) !== null);
}

// --- phase two: bodies ---------------------------------------------------------------------------

function extractMembers(node: ClassNode, src: SourceText, output: Output): void {
  const { info, decl, prefix } = node;
  if (decl.kind === 'interface') {
    for (const method of opt(decl.node.interfaceBody())?.interfaceMethodDeclaration_list() ?? []) {
      const id = opt(method.id());
      if (!id) continue;
      const modifiers = readModifiers(method.modifier_list(), src);
      const model = methodModel(`${prefix}${src.text(id)}`, id.start.line, modifiers, method.formalParameters(), returnTypeOf(method, src), emptyCodeBlock(), src);
      model.isAbstract = true;
      output.methods.push(model);
    }
    return;
  }
  if (decl.kind !== 'class') return;

  const queueableCallout = allowsQueueableCallouts(info.interfaces);
  const staticInit = new PseudoMethod(`${prefix}static-init`, true, info, src);
  const instanceInit = new PseudoMethod(`${prefix}instance-init`, false, info, src);
  const innerByName = new Map(node.inner.map((inner) => [inner.info.simpleName.toLowerCase(), inner]));

  for (const member of classMembers(decl.node)) {
    const block = opt(member.block());
    if (block) {
      (opt(member.STATIC()) ? staticInit : instanceInit).walk(block, block.start.line);
      continue;
    }
    const declaration = opt(member.memberDeclaration());
    if (!declaration) continue;
    const modifiers = readModifiers(member.modifier_list(), src);
    if (modifiers.testMethod || modifiers.annotations.includes('istest')) output.hasTestMethods = true;

    const method = opt(declaration.methodDeclaration());
    if (method) {
      const id = opt(method.id());
      if (!id) continue;
      const line = id.start.line;
      const name = src.text(id);
      const model = methodModel(`${prefix}${name}`, line, modifiers, method.formalParameters(), returnTypeOf(method, src), undefined, src);
      if (queueableCallout && name.toLowerCase() === 'execute') model.callouts.push({ kind: 'queueable-callout', line });
      if (modifiers.isAbstract || !opt(method.block())) model.isAbstract = true;
      walkInto(model, info, src, method.formalParameters(), opt(method.block()));
      output.methods.push(model);
      continue;
    }
    const constructor = opt(declaration.constructorDeclaration());
    if (constructor) {
      const line = constructor.start.line;
      const model = methodModel(`${prefix}${info.simpleName}`, line, modifiers, constructor.formalParameters(), undefined, undefined, src);
      walkInto(model, info, src, constructor.formalParameters(), opt(constructor.block()));
      output.methods.push(model);
      continue;
    }
    const field = opt(declaration.fieldDeclaration());
    if (field) {
      const typeRef = opt(field.typeRef());
      const type = typeRef ? typeFromTypeRef(typeRef, src) : undefined;
      for (const declarator of opt(field.variableDeclarators())?.variableDeclarator_list() ?? []) {
        const id = declarator.id();
        if (modifiers.isStatic && type) output.staticMembers.push(staticMember(`${prefix}${src.text(id)}`, type, id.start.line, modifiers.isFinal));
        const initializer = opt(declarator.expression());
        if (initializer) (modifiers.isStatic ? staticInit : instanceInit).walk(initializer, initializer.start.line);
      }
      continue;
    }
    const property = opt(declaration.propertyDeclaration());
    if (property) {
      const id = opt(property.id());
      const typeRef = opt(property.typeRef());
      if (!id || !typeRef) continue;
      const name = src.text(id);
      if (modifiers.isStatic) output.staticMembers.push(staticMember(`${prefix}${name}`, typeFromTypeRef(typeRef, src), id.start.line, modifiers.isFinal));
      for (const accessor of property.propertyBlock_list()) {
        const getter = opt(accessor.getter());
        const setter = opt(accessor.setter());
        const body = opt(getter?.block() ?? null) ?? opt(setter?.block() ?? null);
        if (!body) continue;
        const pseudo = new PseudoMethod(`${prefix}${getter ? 'get' : 'set'}-${name}`, modifiers.isStatic, info, src);
        if (!getter) pseudo.declare('value', typeFromTypeRef(typeRef, src));
        pseudo.walk(body, body.start.line);
        pseudo.emit(output);
      }
      continue;
    }
    const innerDecl = typeDeclOf(declaration);
    if (innerDecl && innerDecl.kind !== 'enum') {
      const id = opt(innerDecl.node.id());
      const inner = id ? innerByName.get(src.text(id).toLowerCase()) : undefined;
      if (!inner) continue;
      output.innerClasses.push(inner.info.name);
      output.innerTypes.push(innerType(inner));
      extractMembers(inner, src, output);
    }
  }
  staticInit.emit(output);
  instanceInit.emit(output);
}

/** An inner type's place in the class hierarchy; names it extends are resolved within the file. */
function innerType(node: ClassNode): ApexInnerType {
  const { info } = node;
  const type: ApexInnerType = {
    name: info.name,
    interfaces: info.interfaces.map((name) => resolveClassName(name, info.outer)),
    isInterface: node.decl.kind === 'interface',
    isAbstract: node.modifiers.isAbstract,
  };
  if (info.superclass) type.superclass = resolveClassName(info.superclass, info.outer);
  return type;
}

function methodModel(
  name: string,
  line: number,
  modifiers: Modifiers,
  params: FormalParametersContext | null,
  returnType: string | undefined,
  block: ApexCodeBlock | undefined,
  src: SourceText,
): ApexMethodModel {
  const code = block ?? emptyCodeBlock();
  const model: ApexMethodModel = {
    name,
    line,
    isStatic: modifiers.isStatic,
    annotations: modifiers.annotations,
    futureCallout: modifiers.futureCallout,
    parameters: parametersOf(params, src),
    ...code,
  };
  if (returnType !== undefined) model.returnType = returnType;
  if (modifiers.annotations.includes('future')) model.async.push({ kind: 'future', line });
  if (modifiers.futureCallout) model.callouts.push({ kind: 'future-callout', line });
  return model;
}

/** Walks a method or constructor body into the method's code block. */
function walkInto(model: ApexMethodModel, cls: ClassInfo, src: SourceText, params: FormalParametersContext | null, body: BlockContext | null): void {
  if (!body) return;
  const walker = new BlockWalker(newWalkContext(model, cls, src));
  walker.declareParameters(params);
  walker.visit(body);
}

function newWalkContext(out: ApexCodeBlock, cls: ClassInfo, src: SourceText): WalkContext {
  return { src, scope: new Scope(cls), cls, out, loopDepth: 0, conditionDepth: 0, guardSeen: new Set() };
}

/** Code outside methods (initializers, accessors): kept as a method only when it does something. */
class PseudoMethod {
  private readonly block = emptyCodeBlock();
  private readonly walker: BlockWalker;
  private readonly wc: WalkContext;
  private line: number | undefined;

  public constructor(
    private readonly name: string,
    private readonly isStatic: boolean,
    cls: ClassInfo,
    src: SourceText,
  ) {
    this.wc = newWalkContext(this.block, cls, src);
    this.walker = new BlockWalker(this.wc);
  }

  public declare(name: string, type: TypeRef): void {
    this.wc.scope.declare(name, type);
  }

  public walk(node: Parameters<BlockWalker['visit']>[0], line: number): void {
    this.line ??= line;
    this.walker.visit(node);
  }

  public emit(output: Output): void {
    if (this.line === undefined || Object.values(this.block).every((entries) => entries.length === 0)) return;
    output.methods.push({
      name: this.name,
      line: this.line,
      isStatic: this.isStatic,
      annotations: [],
      futureCallout: false,
      parameters: [],
      ...this.block,
    });
  }
}

function parametersOf(params: FormalParametersContext | null, src: SourceText): Array<{ name: string; type: string }> {
  const list = params ? opt(params.formalParameterList()) : null;
  if (!list) return [];
  const out: Array<{ name: string; type: string }> = [];
  for (const param of list.formalParameter_list()) {
    const id = opt(param.id());
    const typeRef = opt(param.typeRef());
    if (id && typeRef) out.push({ name: src.text(id), type: src.text(typeRef) });
  }
  return out;
}

function returnTypeOf(method: { typeRef(): TypeRefContext; VOID(): unknown }, src: SourceText): string | undefined {
  const typeRef = opt(method.typeRef());
  if (typeRef) return src.text(typeRef);
  return opt(method.VOID()) ? 'void' : undefined;
}

const GUARD_SCALARS = new Set(['boolean', 'integer']);

function staticMember(name: string, type: TypeRef, line: number, isFinal: boolean): ApexStaticMember {
  return { name, type: typeText(type), line, guardCandidate: isGuardType(type, isFinal) };
}

/** static Boolean / Integer (not final), static Set<Id> / Set<String>, static Map<Id, ...>. */
function isGuardType(type: TypeRef, isFinal: boolean): boolean {
  if (type.array) return false;
  const base = baseName(type);
  if (type.args.length === 0) return !isFinal && GUARD_SCALARS.has(base);
  const first = type.args[0] ? baseName(type.args[0]) : '';
  if (base === 'set') return first === 'id' || first === 'string';
  if (base === 'map') return first === 'id';
  return false;
}

/** `implements Queueable, Database.AllowsCallouts` */
function allowsQueueableCallouts(interfaces: string[]): boolean {
  const names = interfaces.map((name) => baseName(name));
  return names.includes('database.allowscallouts') && names.includes('queueable');
}
