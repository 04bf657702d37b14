/** DML: `insert x;` ... `merge a b;` statements and `Database.insert(x, ...)` ... calls. */
import type { ExpressionContext } from '@apexdevtools/apex-parser';
import type { ApexDmlOperation } from '../model.js';
import { inLoop, type WalkContext } from './context.js';
import { inferType } from './infer.js';
import { dmlSObjectType } from './types.js';

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
  wc.out.dml.push({
    operation,
    sobjectType: dmlSObjectType(inferType(wc, target)),
    expression: target ? wc.src.written(target) : '',
    viaDatabase,
    line,
    inLoop: inLoop(wc),
  });
}
