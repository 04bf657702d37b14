import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderers } from '../../src/report/index.js';
import { apexClass, apexTrigger, autolaunchedFlow, createRecordElement, recordTriggeredFlow } from '../helpers/dx-project.js';
import { hostileProject, reviewDir, SRC } from './kit.js';

const files = (entries: Array<[string, string]>): Record<string, string> => Object.fromEntries(entries);

const subflow = (name: string, flowName: string): string =>
  `    <subflows>\n        <name>${name}</name>\n        <label>${name}</label>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <flowName>${flowName}</flowName>\n    </subflows>`;

describe('Apex and flows that loop or do not compile', () => {
  it('Apex that does not compile is a ParseIssue or a partial parse; unicode identifiers parse', async () => {
    const root = hostileProject(
      files([
        ...apexClass('Broken', 'public class Broken {\n  public void run( {\n    insert new Account(;\n'),
        ...apexClass('Unicode', 'public class Unicode {\n  public void läuft() { String naïve = \'ü\'; Integer 変数 = 1; }\n}\n'),
        ...apexTrigger('AccountTrigger', 'Account', 'before insert', 'new Broken().run(); new Unicode().läuft();'),
      ]),
    );
    const { model, result } = await reviewDir(root);
    for (const name of ['Broken', 'Unicode']) {
      const parsed = model.apexClasses.some((cls) => cls.name === name);
      const reported = result.parseIssues.some((issue) => issue.file.endsWith(`${name}.cls`) || issue.file.endsWith(`${name}.cls-meta.xml`));
      expect(parsed || reported, name).toBe(true);
    }
    expect(model.apexTriggers.map((trigger) => trigger.name)).toEqual(['AccountTrigger']);
  });

  it('a trigger without its .trigger or its -meta.xml is reported, not lost', async () => {
    const root = hostileProject(files([...apexTrigger('NoBody', 'Account', 'before insert', ''), ...apexTrigger('NoMeta', 'Contact', 'after update', 'System.debug(1);')]));
    rmSync(join(root, SRC, 'triggers/NoBody.trigger'));
    rmSync(join(root, SRC, 'triggers/NoMeta.trigger-meta.xml'));
    const { model, result } = await reviewDir(root);
    const accounted = (name: string): boolean =>
      model.apexTriggers.some((trigger) => trigger.name === name) || result.parseIssues.some((issue) => issue.file.includes(`triggers/${name}.trigger`));
    expect(accounted('NoBody')).toBe(true);
    expect(accounted('NoMeta')).toBe(true);
  });

  it('classes calling each other forever end, and every format renders', async () => {
    const root = hostileProject(
      files([
        ...apexClass('Ping', 'public class Ping {\n  public static void go() { Pong.go(); update [SELECT Id FROM Account]; }\n}\n'),
        ...apexClass('Pong', 'public class Pong {\n  public static void go() { Ping.go(); }\n}\n'),
        ...apexTrigger('AccountPing', 'Account', 'after update', 'Ping.go();'),
      ]),
    );
    const { model, result } = await reviewDir(root);
    expect(model.apexClasses.map((cls) => cls.name)).toEqual(['Ping', 'Pong']);
    for (const render of Object.values(renderers)) expect(render(result).length).toBeGreaterThan(0);
  });

  it('a flow calling itself and two flows calling each other as subflows end', async () => {
    const self = autolaunchedFlow({ name: 'Self', elements: subflow('Again', 'Self'), firstElement: 'Again' });
    const a = autolaunchedFlow({ name: 'FlowA', elements: subflow('CallB', 'FlowB'), firstElement: 'CallB' });
    const b = autolaunchedFlow({ name: 'FlowB', elements: subflow('CallA', 'FlowA'), firstElement: 'CallA' });
    const trigger = recordTriggeredFlow({
      name: 'OnAccount',
      object: 'Account',
      triggerType: 'RecordAfterSave',
      elements: `${subflow('CallA', 'FlowA')}\n${subflow('CallSelf', 'Self')}\n${createRecordElement('MakeTask', 'Task', { WhatId: '$Record.Id' })}`,
      firstElement: 'CallA',
    });
    const root = hostileProject(files([self, a, b, trigger]));
    const { model, result } = await reviewDir(root);
    expect(model.flows.map((flow) => flow.name)).toEqual(['FlowA', 'FlowB', 'OnAccount', 'Self']);
    expect(result.parseIssues).toEqual([]);
    for (const render of Object.values(renderers)) expect(render(result).length).toBeGreaterThan(0);
  });
});
