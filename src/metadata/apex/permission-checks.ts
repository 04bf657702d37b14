/**
 * `FeatureManagement.checkPermission('Bypass_Triggers')`: Apex asking whether the running user holds a
 * custom permission, almost always to skip its own logic (a trigger bypass). Only a literal name is
 * recorded: a name built at run time says nothing a reviewer can check.
 */
import { LiteralPrimaryContext, PrimaryExpressionContext, type ExpressionContext } from '@apexdevtools/apex-parser';
import type { WalkContext } from './context.js';
import { opt, stringLiteralValue } from './syntax.js';

/** Called with the arguments of a `FeatureManagement.<method>(...)` call (the namespace is already checked). */
export function recordPermissionCheck(wc: WalkContext, method: string, args: readonly ExpressionContext[], line: number): void {
  if (method !== 'checkpermission') return;
  const arg = args[0];
  if (!(arg instanceof PrimaryExpressionContext)) return;
  const primary = opt(arg.primary());
  if (!(primary instanceof LiteralPrimaryContext)) return;
  const token = opt(primary.literal().StringLiteral());
  const permission = token ? stringLiteralValue(wc.src.text(token)).trim() : '';
  if (permission.length === 0) return;
  (wc.out.permissionChecks ??= []).push({ permission, line });
}
