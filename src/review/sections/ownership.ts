import type { ComponentOwnership, ExpirySource, OwnerSource } from '../../policy/component-ownership.js';
import type { SourceRef } from '../../metadata/model.js';
import { expiryState } from '../../rules/hygiene/expiry.js';
import { componentsInScope } from '../../rules/hygiene/support.js';
import type { RuleContext } from '../../rules/rule.js';
import { compare } from '../../shared/compare.js';

/** One component: its owner and expiry, and where each came from. */
export type OwnershipComponent = {
  type: string;
  name: string;
  file: string;
  line?: number;
  object?: string;
  processBuilder?: boolean;
  owner?: string;
  ownerSource?: OwnerSource;
  ownerRef?: SourceRef;
  expires?: string;
  expiresSource?: ExpirySource;
  expiresRef?: SourceRef;
  /** businessStatus DeprecateCandidate: scheduled to retire. */
  retiring?: boolean;
  /** Against the review date: `expired`, `expiring` (within 30 days) or `later`; days left, negative once passed. */
  expiry?: { state: 'expired' | 'expiring' | 'later'; daysLeft: number };
};

export type OwnershipTypeCount = {
  type: string;
  components: number;
  owned: number;
  unowned: number;
  expired: number;
  expiring: number;
  retiring: number;
  /** Owned components per owner source. */
  ownerSources: Partial<Record<OwnerSource, number>>;
};

/** Report data for owner and expiry of every component (issue 7). */
export type OwnershipReport = {
  asOf: string;
  /** Per metadata type, sorted by type. */
  counts: OwnershipTypeCount[];
  /** Expired and expiring components, earliest date first. */
  deadlines: OwnershipComponent[];
  /** Every component checked, sorted by type then name. */
  components: OwnershipComponent[];
};

export function buildOwnershipReport(context: RuleContext): OwnershipReport | undefined {
  const components = componentsInScope(context).map((component) => reportOf(component, context.asOf));
  if (components.length === 0) return undefined;
  const deadlines = components
    .filter((component) => component.expiry && component.expiry.state !== 'later')
    .sort((a, b) => compare(a.expires!, b.expires!) || compare(a.type, b.type) || compare(a.name, b.name));
  return { asOf: context.asOf, counts: countsOf(components), deadlines, components };
}

function reportOf(component: ComponentOwnership, asOf: string): OwnershipComponent {
  const { label: _label, description: _description, expiresTag: _tag, ...kept } = component;
  return { ...kept, ...(component.expires ? { expiry: expiryState(component.expires, asOf) } : {}) };
}

function countsOf(components: OwnershipComponent[]): OwnershipTypeCount[] {
  const byType = new Map<string, OwnershipTypeCount>();
  for (const component of components) {
    let count = byType.get(component.type);
    if (!count) byType.set(component.type, (count = { type: component.type, components: 0, owned: 0, unowned: 0, expired: 0, expiring: 0, retiring: 0, ownerSources: {} }));
    count.components++;
    if (component.owner) {
      count.owned++;
      count.ownerSources[component.ownerSource!] = (count.ownerSources[component.ownerSource!] ?? 0) + 1;
    } else count.unowned++;
    if (component.expiry?.state === 'expired') count.expired++;
    if (component.expiry?.state === 'expiring') count.expiring++;
    if (component.retiring) count.retiring++;
  }
  return [...byType.values()].sort((a, b) => compare(a.type, b.type));
}
