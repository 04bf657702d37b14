/**
 * The class and method a call expression goes to, from the receiver's declared type or a class name:
 * what the graph needs to find the called method (and its return type) among the project's classes.
 */
import { DotExpressionContext, MethodCallExpressionContext, type ExpressionContext } from '@apexdevtools/apex-parser';
import type { WalkContext } from './context.js';
import { inferType, receiverId } from './infer.js';
import { isSystemNamespace } from './known-types.js';
import { findClass, resolveClassName } from './scope.js';
import { opt, startsUpper } from './syntax.js';
import { isNonClassType } from './types.js';

export function callTargetOf(wc: WalkContext, expr: ExpressionContext | null): { className: string; method: string } | undefined {
  if (expr instanceof MethodCallExpressionContext) {
    const id = opt(opt(expr.methodCall())?.id() ?? null);
    return id && wc.cls ? { className: wc.cls.name, method: wc.src.text(id) } : undefined;
  }
  if (!(expr instanceof DotExpressionContext)) return undefined;
  const call = opt(expr.dotMethodCall());
  const receiver = opt(expr.expression());
  if (!call || !receiver) return undefined;
  const method = wc.src.text(call.anyId());
  const rootId = receiverId(wc, receiver);
  if (rootId !== undefined && !wc.scope.isVariable(rootId)) {
    if (isSystemNamespace(rootId)) return undefined;
    // Same test as a static call's: a class name of this file, or a name written like one.
    return startsUpper(rootId) || findClass(rootId, wc.cls) ? { className: resolveClassName(rootId, wc.cls), method } : undefined;
  }
  const type = inferType(wc, receiver);
  return type && !isNonClassType(type) ? { className: resolveClassName(type.name, wc.cls), method } : undefined;
}
