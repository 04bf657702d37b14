import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { customObject, type DxFile, recordTriggeredFlow, updateRecordElement, writeProject } from '../helpers/dx-project.js';

/** A DX project in a fresh git repository (own user config, no global hooks), for base-ref tests. */
export class GitProject {
  public readonly root: string;

  public constructor(files: DxFile[]) {
    this.root = writeProject(files);
    this.git('init', '--quiet', '--initial-branch=main');
    this.git('config', 'user.email', 'gate@example.com');
    this.git('config', 'user.name', 'Gate Test');
    this.git('config', 'commit.gpgsign', 'false');
    this.commit('initial project');
  }

  public git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } }).trim();
  }

  /** Writes files under force-app/main/default. */
  public write(files: DxFile[]): this {
    for (const [path, content] of files) {
      const file = join(this.root, 'force-app', 'main', 'default', path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    return this;
  }

  public remove(paths: string[]): this {
    for (const path of paths) rmSync(join(this.root, 'force-app', 'main', 'default', path));
    return this;
  }

  public commit(message: string): string {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }
}

/** An after-save flow re-saving its own record, no criteria: recursion/self-update, high. */
export function selfUpdateHigh(object: string): DxFile[] {
  return [
    ...customObject(object, [{ name: 'Status__c' }]),
    recordTriggeredFlow({
      name: `${object.replace(/__c$/, '')}_After_Save`,
      object,
      triggerType: 'RecordAfterSave',
      firstElement: 'Update_Record',
      elements: updateRecordElement('Update_Record', { inputReference: '$Record', fields: { Status__c: 'Triaged' } }),
    }),
  ];
}

/** The same, guarded by ISCHANGED on a field it does not write: recursion/self-update, low. */
export function selfUpdateLow(object: string): DxFile[] {
  return [
    ...customObject(object, [{ name: 'Status__c' }, { name: 'Priority__c' }]),
    recordTriggeredFlow({
      name: `${object.replace(/__c$/, '')}_Priority_Changed`,
      object,
      triggerType: 'RecordAfterSave',
      recordTriggerType: 'Update',
      filterFormula: 'ISCHANGED({!$Record.Priority__c})',
      firstElement: 'Update_Record',
      elements: updateRecordElement('Update_Record', { inputReference: '$Record', fields: { Status__c: 'Escalated' } }),
    }),
  ];
}

/** Alpha__c and Beta__c after-save flows updating each other: recursion/cross-object-cycle, critical. */
export function crossObjectCycle(): DxFile[] {
  return [
    ...customObject('Alpha__c', [{ name: 'Note__c' }]),
    ...customObject('Beta__c', [{ name: 'Note__c' }]),
    recordTriggeredFlow({
      name: 'Alpha_After_Save',
      object: 'Alpha__c',
      triggerType: 'RecordAfterSave',
      firstElement: 'Update_Beta',
      elements: updateRecordElement('Update_Beta', { object: 'Beta__c', fields: { Note__c: 'x' } }),
    }),
    recordTriggeredFlow({
      name: 'Beta_After_Save',
      object: 'Beta__c',
      triggerType: 'RecordAfterSave',
      firstElement: 'Update_Alpha',
      elements: updateRecordElement('Update_Alpha', { object: 'Alpha__c', fields: { Note__c: 'y' } }),
    }),
  ];
}
