/**
 * The graph builders over real projects nobody here wrote (/work/shared/corpus, read in place).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AutomationGraph } from '../../../src/graph/automation-graph.js';
import { addFlows } from '../../../src/graph/build/flows.js';
import { addObjects } from '../../../src/graph/build/objects.js';
import { addValidationRules } from '../../../src/graph/build/validation-rules.js';
import { addWorkflow } from '../../../src/graph/build/workflow.js';
import type { MetadataModel } from '../../../src/metadata/model.js';
import { review } from '../../../src/review/review.js';
import { corpus, hasCorpus } from '../../helpers/corpus.js';
import { repoRoot } from '../../helpers/paths.js';
import { edgesWhere, oneEdge, stubApex } from './model-kit.js';

async function buildGraph(folder: string): Promise<{ graph: AutomationGraph; model: MetadataModel }> {
  const { model } = await review({ baseDir: repoRoot, sourceDirs: [corpus(folder, 'force-app')] });
  const graph = new AutomationGraph();
  addObjects(graph, model);
  addFlows(graph, model, stubApex());
  addWorkflow(graph, model);
  addValidationRules(graph, model);
  return { graph, model };
}

describe.runIf(hasCorpus)('graph builders on Technology-Transfer-Starter', () => {
  let graph: AutomationGraph;
  let model: MetadataModel;
  beforeAll(async () => {
    ({ graph, model } = await buildGraph('SalesforceLabs__Technology-Transfer-Starter'));
  });

  it('gives every flow, validation rule and roll-up a node', () => {
    for (const flow of model.flows) expect(graph.hasNode(`flow:${flow.name}`), flow.name).toBe(true);
    for (const rule of model.objects.flatMap((object) => object.validationRules)) expect(graph.hasNode(`validation-rule:${rule.fullName}`), rule.fullName).toBe(true);
    expect(graph.node('roll-up-summary:TTS_Technology__c.IP_Total_Percentage_Share__c')).toMatchObject({ automationType: 'roll-up-summary', object: 'TTS_Technology__c' });
  });

  it('TTS_Auto_Update_PI_on_Technology fires after save on TTS_Inventor__c and writes TTS_Technology__c', () => {
    expect(oneEdge(graph, 'fires-on', 'object:TTS_Inventor__c', 'flow:TTS_Auto_Update_PI_on_Technology').events).toEqual(['create', 'update']);
    const writes = edgesWhere(graph, { kind: 'writes', source: 'flow:TTS_Auto_Update_PI_on_Technology', target: 'object:TTS_Technology__c' });
    expect(writes.length).toBeGreaterThanOrEqual(1);
    for (const edge of writes) {
      expect(edge).toMatchObject({ operation: 'update', targetsTriggeringRecord: false, confidence: 'certain', fields: ['TTS_Technology__c.IP_Principal_Inventor_PI__c'] });
      expect(edge.evidence.file).toMatch(/flows\/TTS_Auto_Update_PI_on_Technology\.flow-meta\.xml$/);
      expect(edge.evidence.line).toBeGreaterThan(0);
    }
  });

  it('a Draft flow is kept with active false', () => {
    expect(graph.node('flow:Auto_Link_Contract_to_Opportunity')?.active).toBe(false);
    oneEdge(graph, 'writes', 'flow:Auto_Link_Contract_to_Opportunity', 'object:Contract', { operation: 'create' });
  });
});

describe.runIf(hasCorpus)('graph builders on Membership-Essentials-App', () => {
  let graph: AutomationGraph;
  beforeAll(async () => {
    ({ graph } = await buildGraph('SFDO-Community-Sprints__Membership-Essentials-App'));
  });

  it('the auditor flow publishes the form submission event and the listener subscribes to it', () => {
    oneEdge(graph, 'publishes', 'flow:Membership_Form_Submission_AFTER_MFS_auditor', 'object:BPEV_Membership_Form_Submission__e');
    expect(edgesWhere(graph, { kind: 'writes', source: 'flow:Membership_Form_Submission_AFTER_MFS_auditor' })).toEqual([]);
    expect(graph.node('object:BPEV_Membership_Form_Submission__e')?.objectKind).toBe('platform-event');
    expect(oneEdge(graph, 'subscribes', 'object:BPEV_Membership_Form_Submission__e', 'flow:BPEV_Listener_Membership_Form_Business_Process').async).toBe(true);
  });

  it('the listener writes Membership_Form_Submission__c and publishes the finder events', () => {
    const writes = oneEdge(graph, 'writes', 'flow:BPEV_Listener_Membership_Form_Business_Process', 'object:Membership_Form_Submission__c');
    expect(writes).toMatchObject({ operation: 'update', fields: ['Membership_Form_Submission__c.Failure_Information__c', 'Membership_Form_Submission__c.Status__c'] });
    oneEdge(graph, 'publishes', 'flow:BPEV_Listener_Membership_Form_Business_Process', 'object:DPEV_Account__e');
    expect(oneEdge(graph, 'reads', 'flow:BPEV_Listener_Membership_Form_Business_Process', 'object:Membership_Form_Submission__c').confidence).toBe('certain');
  });
});
