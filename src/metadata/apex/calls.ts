/**
 * Method calls and what they mean: calls into the org's classes (with the target class when known),
 * platform calls that are DML (`Database.update`), queries (`Database.query`), async work
 * (`System.enqueueJob`, `Database.executeBatch`, `System.schedule`, `EventBus.publish`) or callouts
 * (`Http.send`, `Messaging.sendEmail`, `WebServiceCallout.invoke`). Platform namespaces never become calls.
 */
import {
  ArrayExpressionContext,
  DotExpressionContext,
  PrimaryExpressionContext,
  SubExpressionContext,
  SuperPrimaryContext,
  type DotMethodCallContext,
  type ExpressionContext,
  type MethodCallContext,
} from '@apexdevtools/apex-parser';
import type { ApexAsync, ApexCall } from '../model.js';
import { inLoop, type WalkContext } from './context.js';
import { databaseDmlOperation, recordDml } from './dml.js';
import { recordPut } from './field-assignments.js';
import { inferType, receiverId } from './infer.js';
import { isBuiltinTypeName, isSObjectTypeName, isSystemNamespace } from './known-types.js';
import { findClass, resolveClassName } from './scope.js';
import { exactClassOf, originOf } from './origins.js';
import { recordPermissionCheck } from './permission-checks.js';
import { isDynamicQuery, recordDynamicQuery } from './soql.js';
import { opt, startsUpper } from './syntax.js';
import { baseName, dmlSObjectType, isNonClassType, recordSObjectType, UNKNOWN_SOBJECT, type TypeRef } from './types.js';

/** `receiver.method(args)`. */
export function recordDotCall(wc: WalkContext, expr: DotExpressionContext, call: DotMethodCallContext): void {
  const receiver = opt(expr.expression());
  if (!receiver) return;
  const method = wc.src.text(call.anyId());
  const lowerMethod = method.toLowerCase();
  const args = opt(call.expressionList())?.expression_list() ?? [];
  const line = call.start.line;

  const rootId = receiverId(wc, receiver);
  if (rootId !== undefined && !wc.scope.isVariable(rootId) && isSystemNamespace(rootId)) {
    platformCall(wc, rootId.toLowerCase(), lowerMethod, args, line);
    return;
  }
  const root = chainRoot(receiver);
  const chainRootId = root === receiver ? rootId : receiverId(wc, root);
  // `Trigger.new.size()`, `Account.SObjectType.getDescribe()`: platform namespaces and SObject tokens.
  if (chainRootId !== undefined && !wc.scope.isVariable(chainRootId) && isPlatformRoot(chainRootId, wc)) return;

  const receiverType = inferType(wc, receiver);
  if (lowerMethod === 'send' && receiverType && baseName(receiverType) === 'http') {
    wc.out.callouts.push({ kind: 'http', line });
    return;
  }
  if (lowerMethod === 'put' && receiverType && recordSObjectType(receiverType) !== undefined) {
    recordPut(wc, receiver, args, line);
    return;
  }

  const qualifier = wc.src.written(receiver);
  if (receiverType) {
    if (isNonClassType(receiverType)) return;
    const extras = receiverFacts(wc, receiver, args);
    const className = extras.exactClass ?? classOf(wc, receiverType);
    delete extras.exactClass;
    push(wc, { qualifier, className, method, line, inLoop: inLoop(wc), ...extras });
    return;
  }
  if (rootId !== undefined) {
    // Not a variable: `AccountService.doX()` is a static call when the name looks like a class.
    const classRef = startsUpper(rootId) || findClass(rootId, wc.cls) !== undefined;
    push(wc, { qualifier, ...(classRef ? { className: resolveClassName(rootId, wc.cls) } : {}), method, line, inLoop: inLoop(wc), ...argFacts(wc, args) });
    return;
  }
  if (receiver instanceof PrimaryExpressionContext && opt(receiver.primary()) instanceof SuperPrimaryContext) {
    const superclass = wc.cls?.superclass;
    push(wc, { qualifier, ...(superclass ? { className: resolveClassName(superclass, wc.cls) } : {}), method, line, inLoop: inLoop(wc) });
    return;
  }
  // `Outer.Inner.build()`: a dotted path to a class of this file.
  const path = idPath(wc, receiver);
  const pathClass = path && !wc.scope.isVariable(path[0]!) ? findClass(path.join('.'), wc.cls) : undefined;
  if (pathClass) {
    push(wc, { qualifier, className: pathClass.name, method, line, inLoop: inLoop(wc) });
    return;
  }
  // A chain whose root is a variable of a platform type (`name.trim().toLowerCase()`) never reaches org code.
  if (chainRootId !== undefined) {
    const rootType = wc.scope.lookup(chainRootId)?.type;
    if (rootType && isBuiltinTypeName(rootType.name) && rootType.args.length === 0) return;
  }
  push(wc, { qualifier, method, line, inLoop: inLoop(wc), ...argObjects(wc, args) });
}

/** `doX(args)`: a method of the current class (constructor chaining `this(...)`/`super(...)` is skipped). */
export function recordUnqualifiedCall(wc: WalkContext, call: MethodCallContext): void {
  const id = opt(call.id());
  if (!id) return;
  const method = wc.src.text(id);
  const args = opt(call.expressionList())?.expression_list() ?? [];
  push(wc, { ...(wc.cls ? { className: wc.cls.name } : {}), method, line: call.start.line, inLoop: inLoop(wc), ...argFacts(wc, args) });
}

type ReceiverFacts = Pick<ApexCall, 'exact' | 'receiverParam' | 'dynamic' | 'loopVariable' | 'argClasses'> & { exactClass?: string };

/** What the receiver is known to hold (an exact class, a parameter, a registry's loop variable, a `Type.forName` instance). */
function receiverFacts(wc: WalkContext, receiver: ExpressionContext, args: ExpressionContext[]): ReceiverFacts {
  const facts: ReceiverFacts = argFacts(wc, args);
  const id = receiverId(wc, receiver);
  const local = id !== undefined ? wc.scope.lookup(id) : undefined;
  const own = local?.kind === 'local' ? local.origin : undefined;
  if (own?.kind === 'param') facts.receiverParam = own.index;
  // Only a call made directly in the registry's loop: one in a loop nested inside it runs per item of that loop.
  if (own?.kind === 'loop' && own.depth === wc.loopDepth) facts.loopVariable = { outerInLoop: own.depth > 1 };
  const origin = originOf(wc, receiver);
  if (origin?.kind === 'instance') {
    facts.exact = true;
    facts.exactClass = origin.className;
  } else if (origin?.kind === 'dynamic') facts.dynamic = origin.source;
  return facts;
}

/** The exact classes passed (`run(new AccountHandler())`), so a parameter-typed call inside can be resolved. */
function argFacts(wc: WalkContext, args: ExpressionContext[]): Pick<ApexCall, 'argClasses' | 'argObjects'> {
  const classes = args.map((arg) => exactClassOf(wc, arg) ?? null);
  return { ...(classes.some((name) => name !== null) ? { argClasses: classes } : {}), ...argObjects(wc, args) };
}

/** The record types passed (`update`-able lists and records): if the callee is out of sight, what it may write. */
function argObjects(wc: WalkContext, args: ExpressionContext[]): Pick<ApexCall, 'argObjects'> {
  const objects = new Set<string>();
  for (const arg of args) {
    const type = inferType(wc, arg);
    if (!type) continue;
    const object = dmlSObjectType(type);
    if (object !== UNKNOWN_SOBJECT && isSObjectTypeName(object)) objects.add(object);
  }
  return objects.size > 0 ? { argObjects: [...objects].sort() } : {};
}

function push(wc: WalkContext, call: ApexCall): void {
  wc.out.calls.push(call);
}

function isPlatformRoot(name: string, wc: WalkContext): boolean {
  return isSystemNamespace(name) || (isSObjectTypeName(name) && !findClass(name, wc.cls));
}

/** The class a typed receiver resolves to (`AccountService svc` → `AccountService`). */
function classOf(wc: WalkContext, type: TypeRef): string {
  return resolveClassName(type.name, wc.cls);
}

/** `System.*`, `Database.*`, `EventBus.*`, `Messaging.*`, `WebServiceCallout.*`: never a call into org code. */
function platformCall(wc: WalkContext, namespace: string, method: string, args: ExpressionContext[], line: number): void {
  if (namespace === 'database') {
    const operation = databaseDmlOperation(method);
    if (operation) {
      recordDml(wc, operation, args[0] ?? null, true, line);
      return;
    }
    if (method === 'executebatch') {
      recordAsync(wc, 'batch', classOfInstance(wc, args[0]), line);
      return;
    }
  }
  if (isDynamicQuery(namespace, method)) {
    // `Database.getQueryLocator([SELECT ...])` is inline SOQL, recorded where the query literal is walked.
    if (!(method.startsWith('getquerylocator') && args[0] && isInlineQuery(args[0]))) recordDynamicQuery(wc, args[0] ?? null, line);
    return;
  }
  if (namespace === 'system') {
    if (method === 'enqueuejob') recordAsync(wc, 'queueable', classOfInstance(wc, args[0]), line);
    else if (method === 'schedule') recordAsync(wc, 'schedule', classOfInstance(wc, args[2]), line);
    else if (method === 'schedulebatch') recordAsync(wc, 'batch', classOfInstance(wc, args[0]), line);
    return;
  }
  if (namespace === 'eventbus' && method === 'publish') {
    const type = args[0] ? dmlSObjectType(inferType(wc, args[0])) : UNKNOWN_SOBJECT;
    recordAsync(wc, 'platform-event', type === UNKNOWN_SOBJECT ? undefined : type, line);
    return;
  }
  if (namespace === 'messaging' && (method === 'sendemail' || method === 'sendemailmessage')) {
    wc.out.callouts.push({ kind: 'email', line });
    return;
  }
  if (namespace === 'webservicecallout' && method === 'invoke') wc.out.callouts.push({ kind: 'webservice-callout', line });
  if (namespace === 'featuremanagement') recordPermissionCheck(wc, method, args, line);
}

function recordAsync(wc: WalkContext, kind: ApexAsync['kind'], target: string | undefined, line: number): void {
  wc.out.async.push(target ? { kind, target, line } : { kind, line });
}

/** `new X(...)` → X; a variable typed as an org class → that class. */
function classOfInstance(wc: WalkContext, expr: ExpressionContext | undefined): string | undefined {
  if (!expr) return undefined;
  const type = inferType(wc, expr);
  if (!type || isNonClassType(type)) return undefined;
  return resolveClassName(type.name, wc.cls);
}

function isInlineQuery(expr: ExpressionContext): boolean {
  return expr instanceof PrimaryExpressionContext && expr.start.text === '[';
}

/** The leftmost expression of a dot/index chain: `a` in `a.b().c[0].d()`. */
export function chainRoot(expr: ExpressionContext): ExpressionContext {
  let current: ExpressionContext = expr;
  for (;;) {
    if (current instanceof DotExpressionContext || current instanceof ArrayExpressionContext) {
      const inner = current instanceof DotExpressionContext ? opt(current.expression()) : opt(current.expression(0));
      if (!inner) return current;
      current = inner;
    } else if (current instanceof SubExpressionContext) {
      const inner = opt(current.expression());
      if (!inner) return current;
      current = inner;
    } else return current;
  }
}

/** `a.b.c` as ['a', 'b', 'c'] when the expression is only identifiers and dots. */
function idPath(wc: WalkContext, expr: ExpressionContext): string[] | undefined {
  const parts: string[] = [];
  let current: ExpressionContext | null = expr;
  while (current instanceof DotExpressionContext) {
    const member = opt(current.anyId());
    if (opt(current.dotMethodCall()) || !member) return undefined;
    parts.push(wc.src.text(member));
    current = opt(current.expression());
  }
  const root = receiverId(wc, current);
  if (root === undefined) return undefined;
  parts.push(root);
  return parts.reverse();
}
