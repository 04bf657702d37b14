/** DML: `insert x;` ... `merge a b;` statements and `Database.insert(x, ...)` ... calls. */
import type { ExpressionContext } from '@apexdevtools/apex-parser';
import type { ApexDmlOperation } from '../model.js';
import { callTargetOf } from './call-target.js';
import { inLoop, type WalkContext } from './context.js';
import { inferType } from './infer.js';
import { dmlSObjectType, UNKNOWN_SOBJECT } from './types.js';

const DATABASE_DML: Record<string, ApexDmlOperation> = {
  insert: 'insert',
  update: 'update',
  upsert: 'upsert',
  delete: 'delete',
  undelete: 'undelete',
  merge: 'merge',
};

/** The DML operation of a `Database.<method>` call, if it is one. `method` is lower-case. */
export function databaseDmlOperation(method: string): ApexDmlOperation | undefined {
  return Object.hasOwn(DATABASE_DML, method) ? DATABASE_DML[method] : undefined;
}

export function recordDml(
  wc: WalkContext,
  operation: ApexDmlOperation,
  target: ExpressionContext | null,
  viaDatabase: boolean,
  line: number,
): void {
  const type = inferType(wc, target);
  const sobjectType = dmlSObjectType(type);
  // `update selector.contacts()`: the type is the called method's, which another file may declare.
  const via = !type && sobjectType === UNKNOWN_SOBJECT ? callTargetOf(wc, target) : undefined;
  wc.out.dml.push({
    operation,
    sobjectType,
    expression: target ? wc.src.written(target) : '',
    viaDatabase,
    line,
    inLoop: inLoop(wc),
    ...(via ? { via } : {}),
  });
}
