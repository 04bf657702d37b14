/**
 * SObject field writes: `x.Field__c = ...` (any assignment operator), `x.put('Field__c', ...)` and the
 * name=value pairs of `new Account(Name = 'x')`. The record's type comes from the same inference as DML;
 * writes on receivers known not to be records (Apex objects, strings, `this`, classes) are skipped.
 */
import {
  AssignExpressionContext,
  DotExpressionContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  PrimaryExpressionContext,
  type ExpressionContext,
  type NewExpressionContext,
} from '@apexdevtools/apex-parser';
import type { WalkContext } from './context.js';
import { inferType, isThis, receiverId } from './infer.js';
import { isBuiltinTypeName } from './known-types.js';
import { opt, startsUpper, stringLiteralValue } from './syntax.js';
import { recordSObjectType, typeFromCreatedName, UNKNOWN_SOBJECT } from './types.js';

/** `target.Field = value`: records the write when the target can be a record. */
export function recordAssignment(wc: WalkContext, assign: AssignExpressionContext): void {
  const left = opt(assign.expression(0));
  if (!(left instanceof DotExpressionContext) || opt(left.dotMethodCall())) return;
  const member = opt(left.anyId());
  const target = opt(left.expression());
  if (!member || !target) return;
  const sobjectType = targetSObjectType(wc, target);
  if (sobjectType === undefined) return;
  wc.out.fieldAssignments.push({
    sobjectType,
    field: wc.src.text(member),
    target: wc.src.written(target),
    line: left.start.line,
  });
}

/** `record.put('Field__c', value)` / `record.put(Account.Field__c, value)` on a variable typed as a record. */
export function recordPut(wc: WalkContext, target: ExpressionContext, args: ExpressionContext[], line: number): void {
  const sobjectType = recordSObjectType(inferType(wc, target));
  if (sobjectType === undefined || args.length < 2) return;
  const field = fieldArgument(wc, args[0]!);
  if (!field) return;
  wc.out.fieldAssignments.push({ sobjectType, field, target: wc.src.written(target), line });
}

/** `new Account(Name = 'x', Rating = 'Hot')`: name=value pairs only exist for SObjects. */
export function recordSObjectConstructor(wc: WalkContext, expr: NewExpressionContext): void {
  const creator = opt(expr.creator());
  const rest = creator ? opt(creator.classCreatorRest()) : null;
  const created = creator ? opt(creator.createdName()) : null;
  const list = rest ? opt(opt(rest.arguments())?.expressionList() ?? null) : null;
  if (!created || !list) return;
  const args = list.expression_list();
  if (args.length === 0 || !args.every(isNameValuePair)) return;
  const type = typeFromCreatedName(created, wc.src);
  if (type.args.length > 0 || isBuiltinTypeName(type.name)) return;
  const sobjectType = type.name.toLowerCase().startsWith('schema.') ? type.name.slice(7) : type.name;
  const target = `new ${type.name}()`;
  for (const arg of args) {
    const name = opt((arg as AssignExpressionContext).expression(0));
    wc.out.fieldAssignments.push({ sobjectType, field: wc.src.text(name!), target, line: arg.start.line });
  }
}

function isNameValuePair(arg: ExpressionContext): boolean {
  if (!(arg instanceof AssignExpressionContext) || !opt(arg.ASSIGN())) return false;
  const left = opt(arg.expression(0));
  return left instanceof PrimaryExpressionContext && opt(left.primary()) instanceof IdPrimaryContext;
}

/**
 * The SObject type of the record being written, `unknown` when the receiver may be a record but its type
 * is not known, undefined when it certainly is not a record.
 */
function targetSObjectType(wc: WalkContext, target: ExpressionContext): string | undefined {
  if (isThis(target)) return undefined;
  const type = inferType(wc, target);
  if (type) return recordSObjectType(type);
  const id = receiverId(wc, target);
  // `Outer.staticField = x`: a class reference, not a record.
  if (id !== undefined && !wc.scope.isVariable(id) && startsUpper(id)) return undefined;
  if (id !== undefined && wc.scope.isVariable(id)) return undefined;
  return UNKNOWN_SOBJECT;
}

function fieldArgument(wc: WalkContext, arg: ExpressionContext): string | undefined {
  if (arg instanceof PrimaryExpressionContext) {
    const primary = opt(arg.primary());
    if (primary instanceof LiteralPrimaryContext) {
      const token = opt(primary.literal().StringLiteral());
      return token ? stringLiteralValue(wc.src.text(token)) : undefined;
    }
    return undefined;
  }
  // `Account.Rating` / `Schema.Account.Rating`: an SObjectField token.
  if (arg instanceof DotExpressionContext && !opt(arg.dotMethodCall())) {
    const member = opt(arg.anyId());
    return member ? wc.src.text(member) : undefined;
  }
  return undefined;
}
