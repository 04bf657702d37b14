import type { GraphQueries, SaveHop } from '../../graph/queries.js';
import type { RuleContext } from '../../rules/rule.js';
import { eventsOf } from '../../rules/support/hops.js';
import { compare } from '../../shared/compare.js';

/** One object's bulk-risk figure: the longest synchronous save chain a save of it starts. */
export type BulkRiskFigure = {
  object: string;
  /** Objects saved one after the other, the start first (it may close on the start: `Account → Opportunity → Account`). */
  longestChain: string[];
  chainText: string;
  hops: number;
  /** Distinct DML statements (Apex DML, flow record writes, publishes) the saves on the chain run. */
  dmlStatements: number;
};

/** Report data for recursion risks: bulk-risk figures per object. */
export type RecursionReport = { objects: BulkRiskFigure[] };

/** Chains longer than this are rare and already a finding; the walk stays cheap. */
export const MAX_CHAIN_HOPS = 8;
/** Paths explored per object, so a dense save graph cannot make the walk explode. */
const MAX_EXPANSIONS = 20_000;

/** Workflow field updates and roll-up recalculations re-save a record without a DML statement of their own. */
const NO_DML_TYPES = new Set(['workflow-rule', 'roll-up-summary', 'validation-rule']);

export function buildRecursionReport(context: RuleContext): RecursionReport {
  const objects = context.objects.length > 0 ? [...context.objects].sort(compare) : context.queries.objectsWithAutomation();
  const dml = new DmlCounter(context.queries);
  return { objects: objects.map((object) => longestChain(context.queries, object, dml)) };
}

/** A save on the chain: the object and the operations it is saved with (`update`, `create`, ...). */
type Step = { object: string; operations: string[] };
/** A hop's save; the first also carries the operations that start the chain on the start object. */
type HopStep = Step & { startOperations?: string[] };

/** Depth-first over elementary paths (no object twice, except a last hop back to the start). */
function longestChain(queries: GraphQueries, start: string, dml: DmlCounter): BulkRiskFigure {
  let best = figure(start, [], dml);
  let expansions = 0;
  const visit = (hops: HopStep[]): void => {
    const current: Step = hops[hops.length - 1] ?? { object: start, operations: [] };
    if (hops.length >= MAX_CHAIN_HOPS || (hops.length > 0 && current.object === start)) return;
    for (const next of successors(queries, current, hops.length === 0)) {
      if (++expansions > MAX_EXPANSIONS) return;
      if (next.object !== start && hops.some((hop) => hop.object === next.object)) continue;
      const chain = [...hops, next];
      const candidate = figure(start, chain, dml);
      if (better(candidate, best)) best = candidate;
      visit(chain);
    }
  };
  visit([]);
  return best;
}

/**
 * Synchronous writes out of a save of `step.object` that the incoming operation starts, one per
 * target and operation. From the start, each distinct set of trigger events is its own way in.
 */
function successors(queries: GraphQueries, step: Step, first: boolean): HopStep[] {
  const out = new Map<string, HopStep>();
  for (const hop of queries.saveHops(step.object)) {
    if (hop.async || hop.edge.kind !== 'writes' || hop.edge.confidence === 'possible') continue;
    if (!first && !startsOn(hop.trigger.events ?? [], step.operations)) continue;
    const operations = eventsOf(hop.edge.operation);
    const key = `${hop.to}|${operations.join(',')}${first ? `|${startOperations(hop).join(',')}` : ''}`;
    if (!out.has(key)) out.set(key, { object: hop.to, operations, ...(first ? { startOperations: startOperations(hop) } : {}) });
  }
  return [...out.entries()].sort(([a], [b]) => compare(a, b)).map(([, value]) => value);
}

/** The save operations that start a first hop's automation (`after update` → update). */
function startOperations(hop: SaveHop): string[] {
  const events = (hop.trigger.events ?? []).map(normalizeEvent);
  return events.length > 0 ? [...new Set(events)].sort(compare) : ['create', 'update'];
}

function figure(start: string, hops: HopStep[], dml: DmlCounter): BulkRiskFigure {
  const objects = [start, ...hops.map((hop) => hop.object)];
  const saves: Step[] = [{ object: start, operations: hops[0]?.startOperations ?? [] }, ...hops];
  // A chain closing on the start saves it again: the same statements, counted once.
  const counted = hops.length > 0 && objects[objects.length - 1] === start ? saves.slice(0, -1) : saves;
  const statements = new Set(counted.flatMap((save) => dml.statements(save)));
  return { object: start, longestChain: objects, chainText: objects.join(' → '), hops: hops.length, dmlStatements: statements.size };
}

function better(candidate: BulkRiskFigure, best: BulkRiskFigure): boolean {
  return candidate.hops - best.hops > 0 || (candidate.hops === best.hops && (candidate.dmlStatements > best.dmlStatements || (candidate.dmlStatements === best.dmlStatements && compare(candidate.chainText, best.chainText) < 0)));
}

/** DML statements of the synchronous automation a save runs, by object and operations (cached). */
class DmlCounter {
  private readonly cache = new Map<string, string[]>();

  public constructor(private readonly queries: GraphQueries) {}

  /** Statement keys (`file:line|target`); no operations means any save. */
  public statements(save: Step): string[] {
    const key = `${save.object}|${save.operations.join(',')}`;
    let keys = this.cache.get(key);
    if (!keys) {
      keys = this.queries
        .pipeline(save.object)
        .entries.filter((entry) => entry.step !== 'post-commit' && entry.via === undefined && !NO_DML_TYPES.has(entry.automationType) && startsOn(entry.events, save.operations))
        .flatMap((entry) => [...entry.writes.filter((write) => !write.inMemory && !write.implicit), ...entry.publishes])
        .filter((effect) => !effect.async && effect.confidence !== 'possible')
        .map((effect) => `${effect.evidence.file}:${effect.evidence.line ?? ''}|${effect.target}`);
      this.cache.set(key, keys);
    }
    return keys;
  }
}

/** Whether automation firing on `events` (`after update`, `create`) runs on a save with these operations; none means any. */
function startsOn(events: readonly string[], operations: readonly string[]): boolean {
  if (operations.length === 0 || events.length === 0) return true;
  const normalized = events.map(normalizeEvent);
  return operations.some((operation) => normalized.includes(operation));
}

function normalizeEvent(event: string): string {
  return event.toLowerCase().replace(/^(before|after)\s+/, '').replace('insert', 'create');
}
