/**
 * The outgoing connectors of one flow element, in the order the file writes them. Targets are kept
 * as written, even when no element of that name exists (a later rule reports dangling connectors).
 */
import type { FlowConnector, FlowConnectorKind } from '../model.js';
import { asArray, children } from '../xml.js';
import { connectorTarget, optionalText } from './values.js';

/** Element children that are a single connector (or, for legacy `steps`, a list of them). */
const DIRECT_CONNECTORS = new Map<string, FlowConnectorKind>([
  ['connector', 'next'],
  ['connectors', 'next'],
  ['faultConnector', 'fault'],
  ['defaultConnector', 'default'],
  ['nextValueConnector', 'loop-next'],
  ['noMoreValuesConnector', 'loop-end'],
]);

/** Element children that are named branches, each with its own `connector`. */
const BRANCH_CONNECTORS = new Map<string, FlowConnectorKind>([
  ['rules', 'rule'],
  ['waitEvents', 'wait-event'],
]);

export function readConnectors(element: Record<string, unknown>): FlowConnector[] {
  const connectors: FlowConnector[] = [];
  for (const [key, value] of Object.entries(element)) {
    const direct = DIRECT_CONNECTORS.get(key);
    if (direct !== undefined) {
      for (const item of asArray(value)) {
        const target = connectorTarget(item);
        if (target !== undefined) connectors.push({ target, kind: direct });
      }
      continue;
    }
    const branch = BRANCH_CONNECTORS.get(key);
    if (branch !== undefined) {
      for (const item of children(value)) {
        const target = connectorTarget(item['connector']);
        if (target === undefined) continue;
        const connector: FlowConnector = { target, kind: branch };
        const label = optionalText(item, 'name');
        if (label !== undefined) connector.label = label;
        connectors.push(connector);
      }
    }
  }
  return connectors;
}
