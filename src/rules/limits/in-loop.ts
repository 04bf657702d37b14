import type { MetadataModel } from '../../metadata/model.js';
import type { Severity } from '../../review/finding.js';
import type { RuleContext, RuleFinding } from '../rule.js';
import { ApexIndex } from '../support/apex-index.js';
import { type BulkContext, bulkApex, bulkFlows, describeContext } from '../support/bulk-context.js';
import { type ApexSites, apexSites, type FlowSite, flowSites, type LoopSpec } from './loop-sites.js';

/** How a loop rule words its findings. */
export type LoopWording = {
  /** `DML statement`, `SOQL query` */
  unit: string;
  /** `DML statements`, `SOQL queries` */
  units: string;
  /** The synchronous per-transaction governor limit: 150, 100. */
  max: number;
};

/**
 * Findings of a "X in a loop" rule: one per looped flow element, one per Apex method or trigger
 * (listing its looped statements and calls). High when the code runs in bulk, medium otherwise.
 */
export function loopFindings(context: RuleContext, spec: LoopSpec, wording: LoopWording): RuleFinding[] {
  const { index, flows, apex } = bulkOf(context.model);
  const findings = [
    ...flowSites(context.model, index, spec).map((site) => flowFinding(site, flows.get(site.flow.name.toLowerCase()), wording)),
    ...apexSites(index, spec).map((sites) => apexFinding(sites, apex.get(sites.owner.key), wording)),
  ];
  return context.objects.length === 0 ? findings : findings.filter((finding) => finding.object !== undefined && context.objects.includes(finding.object));
}

type Bulk = { index: ApexIndex; flows: Map<string, BulkContext>; apex: Map<string, BulkContext> };
/** The DML and SOQL rules ask the same questions of one model: answered once (the model is read-only to rules). */
const BULK = new WeakMap<MetadataModel, Bulk>();

function bulkOf(model: MetadataModel): Bulk {
  let bulk = BULK.get(model);
  if (!bulk) {
    const index = new ApexIndex(model);
    const flows = bulkFlows(model);
    BULK.set(model, (bulk = { index, flows, apex: bulkApex(model, index, flows) }));
  }
  return bulk;
}

function flowFinding(site: FlowSite, bulk: BulkContext | undefined, wording: LoopWording): RuleFinding {
  const { flow, element, loop } = site;
  const file = flow.source.file;
  const where = (line: number | undefined): { file: string; line?: number } => ({ file, ...(line !== undefined ? { line } : {}) });
  const does = site.via ? `, which runs ${site.via.slice(1).join(' → ')}` : '';
  const object = bulk?.object ?? flow.trigger.object;
  return {
    severity: severityOf(bulk),
    message: `Flow ${flow.name} runs ${site.what} inside loop ${loop.name}${does}: one ${wording.unit} per item, so a collection of more than ${wording.max} items exceeds the limit of ${wording.max} ${wording.units} per transaction. ${severityReason(bulk)}`,
    ...(object ? { object } : {}),
    components: [{ type: 'Flow', name: flow.name, file, ...(element.line !== undefined ? { line: element.line } : {}) }],
    evidence: [
      { text: `${site.what} on the nextValueConnector path of loop ${loop.name}${does}`, ...where(element.line) },
      { text: `loop ${loop.name}${loop.collectionReference ? ` over ${loop.collectionReference}` : ''}`, ...where(loop.line) },
      ...(bulk ? [{ text: describeContext(bulk) }] : []),
    ],
    identity: ['flow', flow.name, element.name],
  };
}

function apexFinding({ owner, sites }: ApexSites, bulk: BulkContext | undefined, wording: LoopWording): RuleFinding {
  const type = owner.trigger ? 'ApexTrigger' : 'ApexClass';
  const name = owner.cls?.name ?? owner.display;
  const count = sites.length === 1 ? `one ${wording.unit} per iteration` : `${sites.length} places run one ${wording.unit} per iteration`;
  return {
    severity: severityOf(bulk),
    message: `${owner.display} runs ${wording.units} inside a loop (${count}): more than ${wording.max} iterations exceed the limit of ${wording.max} ${wording.units} per transaction. ${severityReason(bulk)}`,
    ...(bulk?.object ? { object: bulk.object } : owner.trigger ? { object: owner.trigger.object } : {}),
    components: [{ type, name, file: owner.file, ...(owner.line !== undefined ? { line: owner.line } : {}) }],
    evidence: [
      ...sites.map((site) => ({ text: `${owner.display}: ${site.text}`, file: owner.file, line: site.line })),
      ...(bulk ? [{ text: describeContext(bulk) }] : []),
    ],
    identity: ['apex', owner.key],
  };
}

function severityOf(bulk: BulkContext | undefined): Severity {
  return bulk ? 'high' : 'medium';
}

function severityReason(bulk: BulkContext | undefined): string {
  return bulk
    ? `Severity high: it is ${describeContext(bulk)}, where ${bulk.why}.`
    : 'Severity medium: no trigger, record-triggered, platform-event or scheduled flow reaches it, so the size of the collection decides.';
}
