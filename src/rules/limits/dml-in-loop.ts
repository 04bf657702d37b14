import type { ApexCodeBlock, FlowElementKind } from '../../metadata/model.js';
import { type Rule, docsPath } from '../rule.js';
import { loopFindings } from './in-loop.js';

const id = 'limits/dml-in-loop';

const FLOW_KINDS: ReadonlySet<FlowElementKind> = new Set(['recordCreate', 'recordUpdate', 'recordDelete']);

/** `insert review (Task)`, `Database.update(accounts) (Account)`: the statement as written, with its type. */
function dmlStatements(block: ApexCodeBlock): Array<{ line: number; text: string; inLoop: boolean }> {
  return block.dml.map((dml) => ({
    line: dml.line,
    inLoop: dml.inLoop,
    text: `${dml.viaDatabase ? `Database.${dml.operation}(${dml.expression})` : `${dml.operation} ${dml.expression}`}${dml.sobjectType === 'unknown' ? '' : ` (${dml.sobjectType})`}`,
  }));
}

/**
 * A record write that runs once per loop iteration: a flow Create/Update/Delete Records element in a
 * loop's body, an Apex DML statement in a loop, or a call in a loop to code that does DML.
 */
export const dmlInLoop: Rule = {
  meta: {
    id,
    category: 'limits',
    defaultSeverity: 'high',
    description: 'A DML statement (or flow record write) runs once per loop iteration and can exhaust the 150 DML statements per transaction.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    return loopFindings(context, { kind: 'dml', flowKinds: FLOW_KINDS, statements: dmlStatements }, { unit: 'DML statement', units: 'DML statements', max: 150 });
  },
};
