import type { ApexCodeBlock, FlowElement, FlowElementKind, FlowModel, MetadataModel } from '../../metadata/model.js';
import { type ApexIndex, type ApexOwner, isFuture, MAX_CALL_DEPTH, type Statement } from '../support/apex-index.js';
import { apexActionClass, calledFlowName, flowsByName } from '../support/bulk-context.js';
import { loopedElements } from '../support/loops.js';
import { compare } from '../../shared/compare.js';

/** What a loop rule looks for: flow element kinds, and Apex statements (with their `inLoop` flag). */
export type LoopSpec = {
  /** Memo key for call-chain walks (`dml`, `soql`). */
  kind: string;
  flowKinds: ReadonlySet<FlowElementKind>;
  statements: (block: ApexCodeBlock) => Array<Statement & { inLoop: boolean }>;
};

/** A flow element run once per loop iteration that does the thing itself, or through a subflow or Apex action (`via`). */
export type FlowSite = { flow: FlowModel; element: FlowElement; loop: FlowElement; what: string; via?: string[] };

/** An Apex method or trigger with the statements or calls it runs once per iteration. */
export type ApexSites = { owner: ApexOwner; sites: Array<{ line: number; text: string }> };

const ELEMENT_WORDS: Partial<Record<FlowElementKind, string>> = {
  recordCreate: 'Create Records',
  recordUpdate: 'Update Records',
  recordDelete: 'Delete Records',
  recordLookup: 'Get Records',
  subflow: 'subflow',
  actionCall: 'action',
  apexPluginCall: 'Apex plugin',
};

export function describeElement(element: FlowElement): string {
  return `${ELEMENT_WORDS[element.kind] ?? element.kind} ${element.name}${element.object ? ` on ${element.object}` : ''}`;
}

/** Looped flow elements of active flows, in flow then element order. */
export function flowSites(model: MetadataModel, index: ApexIndex, spec: LoopSpec): FlowSite[] {
  const flows = flowsByName(model);
  const memo = new Map<string, string[] | null>();
  /** What a called flow does first that the rule looks for: the chain of flows and the element. */
  const flowReach = (name: string, depth: number, seen: Set<string>): string[] | undefined => {
    const flow = flows.get(name.toLowerCase());
    if (!flow || depth > MAX_CALL_DEPTH || seen.has(flow.name)) return undefined;
    const cached = memo.get(flow.name);
    if (cached !== undefined) return cached ?? undefined;
    seen.add(flow.name);
    let found: string[] | undefined;
    const own = flow.elements.find((element) => spec.flowKinds.has(element.kind));
    if (own) found = [flow.name, describeElement(own)];
    for (const element of flow.elements) {
      if (found) break;
      const inner = nestedReach(element, depth, seen);
      if (inner) found = [flow.name, ...inner];
    }
    memo.set(flow.name, found ?? null);
    return found;
  };
  const nestedReach = (element: FlowElement, depth: number, seen: Set<string>): string[] | undefined => {
    const called = calledFlowName(element);
    if (called) return flowReach(called, depth + 1, seen);
    const className = apexActionClass(element);
    const invocable = className ? index.invocable(className) : undefined;
    const reach = invocable ? index.reach(invocable, spec.kind, spec.statements) : undefined;
    return reach ? [...reach.path, `${reach.statement.text} (line ${reach.statement.line})`] : undefined;
  };

  const sites: FlowSite[] = [];
  for (const flow of [...model.flows].sort((a, b) => compare(a.name, b.name))) {
    if (flow.status !== 'Active') continue; // drafts and obsolete versions never run (hygiene reports them)
    for (const { element, loop } of loopedElements(flow)) {
      if (spec.flowKinds.has(element.kind)) {
        sites.push({ flow, element, loop, what: describeElement(element) });
        continue;
      }
      const via = nestedReach(element, 0, new Set([flow.name]));
      if (via) sites.push({ flow, element, loop, what: describeElement(element), via });
    }
  }
  return sites;
}

/** Apex methods and active triggers with statements in a loop, or calls in a loop that lead to one. */
export function apexSites(index: ApexIndex, spec: LoopSpec): ApexSites[] {
  const out: ApexSites[] = [];
  for (const owner of index.owners) {
    if (owner.trigger && !owner.trigger.active) continue;
    const sites = new Map<string, { line: number; text: string }>();
    for (const statement of spec.statements(owner.block)) {
      if (statement.inLoop) sites.set(`${statement.line}|${statement.text}`, { line: statement.line, text: `${statement.text} inside a loop` });
    }
    for (const call of owner.block.calls) {
      if (!index.callInLoop(call, owner)) continue;
      for (const callee of index.resolve(call, owner)) {
        if (isFuture(callee)) continue; // runs in a later transaction, with limits of its own
        const reach = index.reach(callee, spec.kind, spec.statements);
        if (!reach) continue;
        const text = `calls ${callee.display} inside a loop, which runs ${reach.statement.text} (${reach.path.join(' → ')}, line ${reach.statement.line})`;
        sites.set(`${call.line}|${text}`, { line: call.line, text });
        break;
      }
    }
    if (sites.size > 0) out.push({ owner, sites: [...sites.values()].sort((a, b) => a.line - b.line || compare(a.text, b.text)) });
  }
  return out.sort((a, b) => compare(a.owner.key, b.owner.key));
}
