import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { review } from '../../../src/review/review.js';
import { MAX_CHAIN_HOPS, type RecursionReport } from '../../../src/review/sections/recursion.js';
import { createRecordElement, customObject, type DxFile, recordTriggeredFlow, updateRecordElement, withScheduledPath, writeProject } from '../../helpers/dx-project.js';
import { fixturesDir } from '../../helpers/paths.js';

async function recursionReport(files: DxFile[], objects?: string[]): Promise<RecursionReport> {
  const { result } = await review({ baseDir: writeProject(files), sourceDirs: [], asOf: '2026-11-23', ...(objects ? { objects } : {}) });
  expect(result.ruleErrors).toEqual([]);
  return result.recursion!;
}

const line = (figure: RecursionReport['objects'][number]): string => `${figure.chainText} (${figure.hops} hops, ${figure.dmlStatements} DML)`;

/** An after-save flow on `object` that updates (or creates) a record of `target`. */
function writes(object: string, target: string, options: { create?: boolean; recordTriggerType?: 'Create' | 'Update' | 'CreateAndUpdate' } = {}): DxFile {
  const element = options.create ? createRecordElement('Write_Target', target, { Name: 'x' }) : updateRecordElement('Write_Target', { object: target, fields: { Name: 'x' } });
  return recordTriggeredFlow({
    name: `${object.replace(/__c$/, '')}_Writes_${target.replace(/__c$/, '')}`,
    object,
    triggerType: 'RecordAfterSave',
    ...(options.recordTriggerType ? { recordTriggerType: options.recordTriggerType } : {}),
    firstElement: 'Write_Target',
    elements: element,
  });
}

describe('bulk-risk figures', () => {
  it('on the sample: Account’s longest synchronous chain is Account → Opportunity → Account, with 3 DML statements', async () => {
    const { result } = await review({ baseDir: join(fixturesDir, 'acme'), sourceDirs: [], asOf: '2026-11-23' });
    const figures = result.recursion!.objects;
    expect(figures.map((figure) => figure.object)).toEqual(['Account', 'Case', 'Contact', 'Invoice__c', 'Opportunity', 'Order_Sync__e', 'Subscription__c']);
    // AccountTrigger updates the open opportunities (1); a save of Opportunity runs the guarded
    // OpportunityTrigger update (1) and the flow updating the Account (1). The workflow field update is no DML.
    expect(figures[0]).toEqual({ object: 'Account', longestChain: ['Account', 'Opportunity', 'Account'], chainText: 'Account → Opportunity → Account', hops: 2, dmlStatements: 3 });
    expect(figures.map(line)).toEqual([
      'Account → Opportunity → Account (2 hops, 3 DML)',
      'Case → Case (1 hops, 1 DML)',
      'Contact → Contact (1 hops, 1 DML)',
      // The roll-up recalculation re-saves the Account (no DML of its own); InvoiceTrigger's Task insert counts.
      'Invoice__c → Account → Opportunity (2 hops, 4 DML)',
      'Opportunity → Account → Opportunity (2 hops, 3 DML)',
      // Subscribers run after the publishing transaction commits: no synchronous chain.
      'Order_Sync__e (0 hops, 0 DML)',
      // The Order_Sync__e publish is a DML statement of the save too; the event loop itself is async.
      'Subscription__c → Account → Opportunity (2 hops, 6 DML)',
    ]);
  });

  it('follows only writes that start the next automation, and leaves out async paths', async () => {
    const asyncToDelta = withScheduledPath(
      recordTriggeredFlow({
        name: 'Beta_Async_Delta',
        object: 'Beta__c',
        triggerType: 'RecordAfterSave',
        firstElement: 'Nothing',
        elements: '    <assignments>\n        <name>Nothing</name>\n        <label>Nothing</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n    </assignments>\n' + updateRecordElement('Write_Delta', { object: 'Delta__c', fields: { Name: 'x' } }),
      }),
      { target: 'Write_Delta' },
    );
    const report = await recursionReport([
      ...['Alpha__c', 'Beta__c', 'Gamma__c', 'Delta__c'].flatMap((name) => customObject(name)),
      writes('Alpha__c', 'Beta__c'),
      writes('Beta__c', 'Gamma__c', { create: true }),
      asyncToDelta,
      // Runs on update only: a create of Gamma__c never starts it, so the chain ends at Gamma__c.
      writes('Gamma__c', 'Alpha__c', { recordTriggerType: 'Update' }),
      writes('Delta__c', 'Alpha__c'),
    ]);
    const alpha = report.objects.find((figure) => figure.object === 'Alpha__c')!;
    expect(line(alpha)).toBe('Alpha__c → Beta__c → Gamma__c (2 hops, 2 DML)');
    const gamma = report.objects.find((figure) => figure.object === 'Gamma__c')!;
    // Closes on the start: each save's write counts once (the closing save of Gamma__c is the first one again).
    expect(line(gamma)).toBe('Gamma__c → Alpha__c → Beta__c → Gamma__c (3 hops, 3 DML)');
  });

  it(`stops at ${MAX_CHAIN_HOPS} hops and honours --object`, async () => {
    const names = Array.from({ length: 11 }, (_unused, index) => `Link${index + 1}__c`);
    const files = [...names.flatMap((name) => customObject(name)), ...names.slice(0, -1).map((name, index) => writes(name, names[index + 1]!))];
    const report = await recursionReport(files, ['Link1__c', 'Link9__c']);
    // The chain is cut after 8 hops; the last save shown still runs its own write (9 DML statements).
    expect(report.objects.map(line)).toEqual([
      `${names.slice(0, MAX_CHAIN_HOPS + 1).join(' → ')} (8 hops, 9 DML)`,
      'Link9__c → Link10__c → Link11__c (2 hops, 2 DML)',
    ]);
  });

  it('is deterministic: the same project gives the same figures', async () => {
    const files = [...['Alpha__c', 'Beta__c'].flatMap((name) => customObject(name)), writes('Alpha__c', 'Beta__c'), writes('Beta__c', 'Alpha__c')];
    const first = await recursionReport(files);
    const second = await recursionReport([...files].reverse());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.objects.map(line)).toEqual(['Alpha__c → Beta__c → Alpha__c (2 hops, 2 DML)', 'Beta__c → Alpha__c → Beta__c (2 hops, 2 DML)']);
  });
});
