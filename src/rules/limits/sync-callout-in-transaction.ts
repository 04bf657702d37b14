import type { EffectSummary, PipelineEntry, StepId } from '../../graph/pipeline-types.js';
import type { FindingComponent } from '../../review/finding.js';
import { type Rule, type RuleFinding, docsPath } from '../rule.js';

const id = 'limits/sync-callout-in-transaction';

/** Flow steps that run inside the save transaction (async and scheduled paths are post-commit entries). */
const SYNC_FLOW_STEPS = new Set<StepId>(['before-save-flows', 'after-save-flows', 'process-builder']);

const COMPONENT_TYPES: Record<string, string> = { 'apex-trigger': 'ApexTrigger', flow: 'Flow', 'process-builder': 'Flow' };
const LABELS: Record<string, string> = { 'apex-trigger': 'Trigger', flow: 'Flow', 'process-builder': 'Process Builder' };

/**
 * An HTTP or web-service callout (Apex `Http.send`, `WebServiceCallout.invoke`, a flow External
 * Service action, an Apex action that calls out) reached synchronously from a trigger or a record-triggered
 * flow: Salesforce rejects it (`Callout from triggers are currently not supported`, or `You have
 * uncommitted work pending`). `@future(callout=true)`, queueables, async paths and outbound messages run
 * after commit; email alerts and notifications are not callouts.
 */
export const syncCalloutInTransaction: Rule = {
  meta: {
    id,
    category: 'limits',
    defaultSeverity: 'high',
    description: 'A callout runs synchronously in a save transaction (trigger or record-triggered flow), which Salesforce rejects.',
    docs: docsPath(id),
    reads: ['ApexClass', 'ApexTrigger', 'CustomField', 'CustomMetadata', 'CustomObject', 'Flow', 'ValidationRule', 'Workflow'],
  },
  run({ queries, objects }) {
    const findings = new Map<string, RuleFinding>();
    for (const object of queries.objectsWithAutomation()) {
      if (objects.length > 0 && !objects.includes(object)) continue;
      for (const entry of queries.pipeline(object).entries) {
        if (!inSaveTransaction(entry)) continue;
        for (const callout of entry.callsOut) {
          // `possible`: an element no connector reaches, which never runs.
          if (callout.async || callout.confidence === 'possible' || !isCallout(callout)) continue;
          const finding = calloutFinding(object, entry, callout);
          const key = finding.identity.join('\u0000');
          if (!findings.has(key)) findings.set(key, finding);
        }
      }
    }
    return [...findings.values()];
  },
};

/** Triggers (also on platform events: still trigger context) and record-triggered flows, not what they enqueue. */
function inSaveTransaction(entry: PipelineEntry): boolean {
  if (entry.via !== undefined) return false;
  if (entry.automationType === 'apex-trigger') return true;
  return (entry.automationType === 'flow' || entry.automationType === 'process-builder') && SYNC_FLOW_STEPS.has(entry.step);
}

/** Apex callouts carry `<kind> callout` notes; flow External Service actions target `external-service:`. Email is not a callout. */
function isCallout(effect: EffectSummary): boolean {
  if (effect.target.startsWith('external-service:')) return true;
  return effect.target.startsWith('apex:') && /\bcallout$/.test(effect.note ?? '');
}

function calloutFinding(object: string, entry: PipelineEntry, callout: EffectSummary): RuleFinding {
  const label = LABELS[entry.automationType] ?? entry.automationType;
  const path = callout.path && callout.path.length > 0 ? callout.path : [entry.name];
  const what = callout.target.startsWith('external-service:') ? `calls External Service ${callout.target.slice('external-service:'.length)}` : `makes a ${callout.note ?? 'callout'}`;
  const component: FindingComponent = {
    type: COMPONENT_TYPES[entry.automationType] ?? 'Automation',
    name: entry.name,
    file: entry.source?.file ?? '',
    ...(entry.source?.line !== undefined ? { line: entry.source.line } : {}),
  };
  return {
    severity: 'high',
    message: `${label} ${entry.name} on ${object} ${what} synchronously, inside the save transaction (${path.join(' → ')}). Salesforce rejects it: "Callout from triggers are currently not supported", or "You have uncommitted work pending" after the save's DML. Severity high: the save fails whenever this path runs.`,
    object,
    components: [component],
    evidence: [
      { text: `${path.join(' → ')}: ${callout.note ?? 'callout'}`, file: callout.evidence.file, ...(callout.evidence.line !== undefined ? { line: callout.evidence.line } : {}) },
      { text: `runs in the save transaction: ${label.toLowerCase()} ${entry.name}, ${entry.events.join(', ') || 'save'}` },
    ],
    // The path without line numbers: `Service.send:42` names the method, the line is not identity.
    identity: [object, entry.automationId, callout.target, ...path.map((step) => step.replace(/:\d+$/, ''))],
  };
}
