/**
 * Recursion guards: static members read in an `if`/`while` condition or a ternary's condition.
 * Unqualified members of this class (or an enclosing one) become `ThisClass.member`; a class-qualified
 * reference `Guard.processed` is kept as `Class.member` (classes of this file resolved to `Outer.Inner`).
 */
import type { DotExpressionContext } from '@apexdevtools/apex-parser';
import type { WalkContext } from './context.js';
import { isSObjectTypeName, isSystemNamespace } from './known-types.js';
import { findClass, isEnumInScope, resolveClassName } from './scope.js';
import { opt, startsUpper } from './syntax.js';

/** An identifier read in a condition: a guard when it names a static field in scope. */
export function checkUnqualified(wc: WalkContext, name: string, line: number): void {
  const variable = wc.scope.lookup(name);
  if (!variable || variable.kind !== 'field' || !variable.isStatic) return;
  record(wc, `${variable.owner.name}.${variable.name}`, line);
}

/**
 * `Cls.member` read in a condition, where `Cls` is not a variable. `parent` is the enclosing dot
 * expression, so `Outer.Inner.flag` resolves through the inner class.
 */
export function checkQualified(
  wc: WalkContext,
  className: string,
  member: string,
  parent: DotExpressionContext | undefined,
  line: number,
): void {
  let cls = findClass(className, wc.cls);
  if (!cls) {
    // Platform namespaces, SObject tokens (`Account.SObjectType`) and enum values are not guards;
    // nor are lower-case names that are neither variables nor classes.
    if (isSystemNamespace(className) || isSObjectTypeName(className) || !startsUpper(className)) return;
    if (isEnumInScope(className, wc.cls)) return;
  }
  let memberName = member;
  if (cls) {
    if (cls.enums.has(member.toLowerCase())) return;
    const inner = cls.inner.get(member.toLowerCase());
    if (inner) {
      // `Outer.Inner.flag`: the member is one level further out.
      const next = parent && !opt(parent.dotMethodCall()) ? opt(parent.anyId()) : null;
      if (!next) return;
      cls = inner;
      memberName = wc.src.text(next);
    }
    const field = cls.fields.get(memberName.toLowerCase());
    record(wc, `${cls.name}.${field?.isStatic ? field.name : memberName}`, line);
    return;
  }
  record(wc, `${resolveClassName(className, wc.cls)}.${memberName}`, line);
}

function record(wc: WalkContext, member: string, line: number): void {
  const key = `${member.toLowerCase()}@${line}`;
  if (wc.guardSeen.has(key)) return;
  wc.guardSeen.add(key);
  wc.out.guardChecks.push({ member, line });
}
