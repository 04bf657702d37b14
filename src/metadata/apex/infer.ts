/**
 * Static type of an expression, from declarations only: variables, parameters and fields, `new X`,
 * casts, inline SOQL, `Trigger.new`/`old`/`newMap`/`oldMap` and a few collection methods
 * (`values()`, `get()`, `keySet()`). Undefined whenever the type is not certain; nothing is guessed
 * from names.
 */
import {
  ArrayExpressionContext,
  CastExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  MethodCallExpressionContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  AssignExpressionContext,
  ThisPrimaryContext,
  type ExpressionContext,
} from '@apexdevtools/apex-parser';
import type { WalkContext } from './context.js';
import { isSystemNamespace } from './known-types.js';
import { findClass, type ClassInfo } from './scope.js';
import { opt } from './syntax.js';
import {
  elementType,
  listOf,
  mapTypes,
  simpleType,
  typeFromCreatedName,
  typeFromTypeRef,
  type TypeRef,
} from './types.js';

const SOBJECT = simpleType('SObject');

export function inferType(wc: WalkContext, expr: ExpressionContext | null | undefined): TypeRef | undefined {
  if (!expr) return undefined;
  if (expr instanceof PrimaryExpressionContext) return inferPrimary(wc, expr);
  if (expr instanceof DotExpressionContext) return inferDot(wc, expr);
  if (expr instanceof NewExpressionContext) {
    const creator = opt(expr.creator());
    const created = creator ? opt(creator.createdName()) : null;
    if (!creator || !created) return undefined;
    const type = typeFromCreatedName(created, wc.src);
    return opt(creator.arrayCreatorRest()) ? { ...type, array: true } : type;
  }
  if (expr instanceof CastExpressionContext) {
    const typeRef = opt(expr.typeRef());
    return typeRef ? typeFromTypeRef(typeRef, wc.src) : undefined;
  }
  if (expr instanceof SubExpressionContext) return inferType(wc, opt(expr.expression()));
  if (expr instanceof ArrayExpressionContext) return elementType(inferType(wc, opt(expr.expression(0))));
  if (expr instanceof CondExpressionContext) return inferType(wc, opt(expr.expression(1))) ?? inferType(wc, opt(expr.expression(2)));
  if (expr instanceof CoalExpressionContext) return inferType(wc, opt(expr.expression(0))) ?? inferType(wc, opt(expr.expression(1)));
  if (expr instanceof AssignExpressionContext) return inferType(wc, opt(expr.expression(0)));
  if (expr instanceof MethodCallExpressionContext) {
    // `build()`: a method of this class or an enclosing one, as declared in this file.
    const id = opt(opt(expr.methodCall())?.id() ?? null);
    if (!id) return undefined;
    const name = wc.src.text(id).toLowerCase();
    for (let cls = wc.cls; cls; cls = cls.outer) if (cls.returns.has(name)) return returnOf(cls, name);
    return undefined;
  }
  return undefined;
}

/** A method's declared return type, when the file declares it once (or every overload agrees). */
function returnOf(cls: ClassInfo | undefined, method: string): TypeRef | undefined {
  return cls?.returns.get(method) ?? undefined;
}

function inferPrimary(wc: WalkContext, expr: PrimaryExpressionContext): TypeRef | undefined {
  const primary = opt(expr.primary());
  if (primary instanceof IdPrimaryContext) {
    return wc.scope.lookup(wc.src.text(primary.id()))?.type;
  }
  if (primary instanceof SoqlPrimaryContext) {
    const query = opt(primary.soqlLiteral())?.query();
    const from = query ? opt(opt(query.fromNameList())?.fieldName(0) ?? null) : null;
    return listOf(from ? simpleType(wc.src.text(from)) : SOBJECT);
  }
  if (primary instanceof SoslPrimaryContext) return listOf(listOf(SOBJECT));
  if (primary instanceof ThisPrimaryContext) return wc.cls ? simpleType(wc.cls.name) : undefined;
  if (primary instanceof LiteralPrimaryContext) {
    const literal = primary.literal();
    if (opt(literal.StringLiteral()) || opt(literal.MultilineStringLiteral())) return simpleType('String');
    if (opt(literal.BooleanLiteral())) return simpleType('Boolean');
    if (opt(literal.IntegerLiteral())) return simpleType('Integer');
    return undefined;
  }
  return undefined;
}

/** `Trigger.new` (List of the trigger's object), `this.field`, `Outer.staticField`, `map.values()`, ... */
function inferDot(wc: WalkContext, expr: DotExpressionContext): TypeRef | undefined {
  const receiver = opt(expr.expression());
  const call = opt(expr.dotMethodCall());
  if (!call) {
    const member = opt(expr.anyId());
    if (!member || !receiver) return undefined;
    const name = wc.src.text(member).toLowerCase();
    const root = receiverId(wc, receiver);
    if (root !== undefined && !wc.scope.isVariable(root)) {
      if (root.toLowerCase() === 'trigger') return triggerVariable(wc, name);
      const cls = isSystemNamespace(root) ? undefined : findClass(root, wc.cls);
      const field = cls?.fields.get(name);
      return field?.isStatic ? field.type : undefined;
    }
    if (isThis(receiver) && wc.cls) return wc.cls.fields.get(name)?.type;
    return undefined;
  }
  const method = wc.src.text(call.anyId()).toLowerCase();
  const root = receiverId(wc, receiver);
  if (root !== undefined && !wc.scope.isVariable(root) && root.toLowerCase() === 'database') {
    return method === 'query' || method === 'querywithbinds' ? listOf(SOBJECT) : undefined;
  }
  // `Selector.contacts()`: a static method of a class of this file.
  if (root !== undefined && !wc.scope.isVariable(root) && !isSystemNamespace(root)) return returnOf(findClass(root, wc.cls), method);
  const receiverType = inferType(wc, receiver);
  if (!receiverType) return undefined;
  // `this.build()`, `new Selector().contacts()`, `selector.contacts()`: instance methods of a class of this file.
  const own = receiverType.args.length === 0 && !receiverType.array ? findClass(receiverType.name, wc.cls) : undefined;
  if (own) return returnOf(own, method);
  if (method === 'clone' || method === 'deepclone') return receiverType;
  const map = mapTypes(receiverType);
  if (map) {
    if (method === 'values') return map.value ? listOf(map.value) : undefined;
    if (method === 'keyset') return map.key ? simpleType('Set', [map.key]) : undefined;
    if (method === 'get' || method === 'remove') return map.value;
    return undefined;
  }
  const element = elementType(receiverType);
  if (element && (method === 'get' || method === 'remove')) return element;
  return undefined;
}

function triggerVariable(wc: WalkContext, name: string): TypeRef | undefined {
  const record = wc.triggerObject ? simpleType(wc.triggerObject) : SOBJECT;
  if (name === 'new' || name === 'old') return listOf(record);
  if (name === 'newmap' || name === 'oldmap') return simpleType('Map', [simpleType('Id'), record]);
  if (name === 'size') return simpleType('Integer');
  if (name === 'operationtype') return simpleType('System.TriggerOperation');
  return simpleType('Boolean');
}

/** The identifier when an expression is a bare identifier (`accs`, `Trigger`). */
export function receiverId(wc: WalkContext, expr: ExpressionContext | null): string | undefined {
  if (!(expr instanceof PrimaryExpressionContext)) return undefined;
  const primary = opt(expr.primary());
  return primary instanceof IdPrimaryContext ? wc.src.text(primary.id()) : undefined;
}

export function isThis(expr: ExpressionContext | null): boolean {
  return expr instanceof PrimaryExpressionContext && opt(expr.primary()) instanceof ThisPrimaryContext;
}
