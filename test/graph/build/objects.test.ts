import { describe, expect, it } from 'vitest';
import { addObjects } from '../../../src/graph/build/objects.js';
import { edgesWhere, field, model, newGraph, object, oneEdge } from './model-kit.js';

describe('addObjects', () => {
  const invoice = object('Invoice__c', [
    field('Invoice__c', 'Total__c', {
      type: 'Summary',
      label: 'Total',
      rollup: { summaryForeignKey: 'Invoice_Line__c.Invoice__c', summarizedField: 'Invoice_Line__c.Amount__c', operation: 'sum', childObject: 'Invoice_Line__c' },
    }),
    field('Invoice__c', 'Status__c', { type: 'Picklist' }),
  ]);
  const event = object('Order_Event__e', [field('Order_Event__e', 'Order_Id__c')], [], { kind: 'custom' });
  const graph = newGraph();
  addObjects(graph, model({ objects: [invoice, event, object('Account')] }));

  it('adds an object node per object with its kind, and __e objects as platform events', () => {
    expect(graph.node('object:Invoice__c')).toMatchObject({ kind: 'object', name: 'Invoice__c', objectKind: 'custom', label: 'Invoice', source: invoice.source });
    expect(graph.node('object:Account')?.objectKind).toBe('standard');
    expect(graph.node('object:Order_Event__e')?.objectKind).toBe('platform-event');
  });

  it('adds a field node per field with object, label and source', () => {
    expect(graph.node('field:Invoice__c.Status__c')).toEqual({
      id: 'field:Invoice__c.Status__c',
      kind: 'field',
      name: 'Invoice__c.Status__c',
      label: 'Status',
      object: 'Invoice__c',
      source: invoice.fields[1]!.source,
    });
    expect(graph.hasNode('field:Order_Event__e.Order_Id__c')).toBe(true);
  });

  it('a roll-up summary is an automation fired by the child that writes the master', () => {
    expect(graph.node('roll-up-summary:Invoice__c.Total__c')).toMatchObject({
      kind: 'automation',
      automationType: 'roll-up-summary',
      object: 'Invoice__c',
      active: true,
      source: invoice.fields[0]!.source,
    });
    expect(oneEdge(graph, 'fires-on', 'object:Invoice_Line__c', 'roll-up-summary:Invoice__c.Total__c')).toMatchObject({
      events: ['create', 'update', 'delete', 'undelete'],
      confidence: 'certain',
    });
    expect(oneEdge(graph, 'writes', 'roll-up-summary:Invoice__c.Total__c', 'object:Invoice__c')).toMatchObject({
      fields: ['Invoice__c.Total__c'],
      operation: 'update',
      targetsTriggeringRecord: false,
      confidence: 'certain',
      implicit: 'roll-up-summary',
      evidence: invoice.fields[0]!.source,
    });
    expect(edgesWhere(graph, { implicit: 'roll-up-summary' })).toHaveLength(1);
  });
});
