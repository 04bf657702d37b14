/**
 * What an expression holds beyond its static type, from its own syntax and the locals it reads: an
 * instance of exactly one class (`new X()`), or the steps of `Type.forName(name).newInstance()` with
 * where the name came from (a literal, or a field of custom metadata records). Only what the code
 * says is recorded; a name that cannot be traced stays an unknown source.
 */
import {
  CastExpressionContext,
  DotExpressionContext,
  LiteralPrimaryContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  SubExpressionContext,
  type ExpressionContext,
} from '@apexdevtools/apex-parser';
import type { ApexDynamicSource } from '../model.js';
import type { WalkContext } from './context.js';
import { inferType, receiverId } from './infer.js';
import { resolveClassName, type Origin } from './scope.js';
import { opt, stringLiteralValue } from './syntax.js';
import { isNonClassType, recordSObjectType, typeFromCreatedName } from './types.js';

/** Bounded: casts and parentheses nest a handful deep in real code; deeper is not followed. */
const MAX_WRAPPERS = 16;

export function originOf(wc: WalkContext, start: ExpressionContext | null | undefined): Origin | undefined {
  let expr = start ?? null;
  for (let step = 0; expr && step < MAX_WRAPPERS; step++) {
    if (expr instanceof CastExpressionContext || expr instanceof SubExpressionContext) {
      expr = opt(expr.expression());
      continue;
    }
    if (expr instanceof NewExpressionContext) return instanceOrigin(wc, expr);
    if (expr instanceof PrimaryExpressionContext) return primaryOrigin(wc, expr);
    if (expr instanceof DotExpressionContext) return dotOrigin(wc, expr);
    return undefined;
  }
  return undefined;
}

/** The class an expression certainly holds an instance of, if the code says so. */
export function exactClassOf(wc: WalkContext, expr: ExpressionContext | null | undefined): string | undefined {
  const origin = originOf(wc, expr);
  return origin?.kind === 'instance' ? origin.className : undefined;
}

function instanceOrigin(wc: WalkContext, expr: NewExpressionContext): Origin | undefined {
  const creator = opt(expr.creator());
  const created = creator ? opt(creator.createdName()) : null;
  if (!creator || !created || opt(creator.arrayCreatorRest())) return undefined;
  const type = typeFromCreatedName(created, wc.src);
  if (isNonClassType(type)) return undefined;
  return { kind: 'instance', className: resolveClassName(type.name, wc.cls) };
}

function primaryOrigin(wc: WalkContext, expr: PrimaryExpressionContext): Origin | undefined {
  const primary = opt(expr.primary());
  if (primary instanceof LiteralPrimaryContext) {
    const token = opt(primary.literal().StringLiteral());
    return token ? { kind: 'name', source: { className: stringLiteralValue(wc.src.text(token)) } } : undefined;
  }
  const id = receiverId(wc, expr);
  const variable = id !== undefined ? wc.scope.lookup(id) : undefined;
  const origin = variable?.kind === 'local' ? variable.origin : undefined;
  // A parameter or loop variable copied into another local is no longer that parameter or loop variable.
  return origin && origin.kind !== 'param' && origin.kind !== 'loop' ? origin : undefined;
}

function dotOrigin(wc: WalkContext, expr: DotExpressionContext): Origin | undefined {
  const receiver = opt(expr.expression());
  const call = opt(expr.dotMethodCall());
  if (!call) {
    // `handler.Class_Name__c` on a custom metadata record.
    const member = opt(expr.anyId());
    const sobject = metadataRecordType(wc, receiver);
    return member && sobject ? { kind: 'name', source: { sobject, field: wc.src.text(member) } } : undefined;
  }
  const method = wc.src.text(call.anyId()).toLowerCase();
  const args = opt(call.expressionList())?.expression_list() ?? [];
  const rootId = receiverId(wc, receiver);
  if (rootId !== undefined && !wc.scope.isVariable(rootId) && rootId.toLowerCase() === 'type' && method === 'forname') {
    // `Type.forName(name)` and `Type.forName(namespace, name)`: the last argument is the class.
    return { kind: 'type', source: nameSource(wc, args[args.length - 1]) };
  }
  if (method === 'newinstance' && args.length === 0) {
    const type = originOf(wc, receiver);
    return type?.kind === 'type' ? { kind: 'dynamic', source: type.source } : undefined;
  }
  if (method === 'get' && args.length === 1) {
    // `record.get('Class_Name__c')` on a custom metadata record.
    const sobject = metadataRecordType(wc, receiver);
    const field = args[0] ? originOf(wc, args[0]) : undefined;
    if (sobject && field?.kind === 'name' && field.source.className) return { kind: 'name', source: { sobject, field: field.source.className } };
  }
  return undefined;
}

function nameSource(wc: WalkContext, arg: ExpressionContext | undefined): ApexDynamicSource {
  const origin = originOf(wc, arg);
  return origin?.kind === 'name' ? origin.source : {};
}

/** `Trigger_Handler__mdt` when the expression is a custom metadata record. */
function metadataRecordType(wc: WalkContext, expr: ExpressionContext | null): string | undefined {
  const sobject = recordSObjectType(inferType(wc, expr));
  return sobject && /__mdt$/i.test(sobject) ? sobject : undefined;
}
