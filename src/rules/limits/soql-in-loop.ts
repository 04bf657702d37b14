import type { ApexCodeBlock, FlowElementKind } from '../../metadata/model.js';
import { type Rule, docsPath } from '../rule.js';
import { loopFindings } from './in-loop.js';

const id = 'limits/soql-in-loop';

const FLOW_KINDS: ReadonlySet<FlowElementKind> = new Set(['recordLookup']);

const KIND_WORDS = { soql: 'SOQL query', sosl: 'SOSL search', dynamic: 'Database.query' } as const;

/** `SOQL query on Subscription__c`, `Database.query`: the query kind and its outer object. */
function queries(block: ApexCodeBlock): Array<{ line: number; text: string; inLoop: boolean }> {
  return block.soql.map((query) => ({
    line: query.line,
    inLoop: query.inLoop,
    text: `${KIND_WORDS[query.kind]}${query.objects[0] ? ` on ${query.objects[0]}` : ''}`,
  }));
}

/**
 * A query that runs once per loop iteration: a flow Get Records element in a loop's body, an Apex
 * SOQL/SOSL/Database.query in a loop, or a call in a loop to code that queries.
 */
export const soqlInLoop: Rule = {
  meta: {
    id,
    category: 'limits',
    defaultSeverity: 'high',
    description: 'A SOQL query (or flow Get Records) runs once per loop iteration and can exhaust the 100 SOQL queries per transaction.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run(context) {
    return loopFindings(context, { kind: 'soql', flowKinds: FLOW_KINDS, statements: queries }, { unit: 'SOQL query', units: 'SOQL queries', max: 100 });
  },
};
