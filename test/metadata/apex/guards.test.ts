import { describe, expect, it } from 'vitest';
import { method, parseClass } from './apex-helpers.js';

describe('Apex static members', () => {
  it('lists static fields and properties with their guard-candidate status', () => {
    const model = parseClass(`public class Guards {
  public static Boolean hasRun = false;
  private static Set<Id> processedIds = new Set<Id>();
  static Set<String> seenKeys;
  public static Map<Id, Account> cache = new Map<Id, Account>();
  public static Integer depth = 0;
  public static final Integer MAX_DEPTH = 5;
  public static final Set<Id> DONE = new Set<Id>();
  public static String label = 'x';
  public static List<Id> queue;
  public static Map<String, Integer> counters;
  public static Boolean bypass { get; set; }
  public Boolean instanceFlag = false;
  public class Inner { static Boolean innerRan = false; }
}`);
    expect(model.staticMembers).toEqual([
      { name: 'hasRun', type: 'Boolean', line: 2, guardCandidate: true },
      { name: 'processedIds', type: 'Set<Id>', line: 3, guardCandidate: true },
      { name: 'seenKeys', type: 'Set<String>', line: 4, guardCandidate: true },
      { name: 'cache', type: 'Map<Id,Account>', line: 5, guardCandidate: true },
      { name: 'depth', type: 'Integer', line: 6, guardCandidate: true },
      { name: 'MAX_DEPTH', type: 'Integer', line: 7, guardCandidate: false },
      { name: 'DONE', type: 'Set<Id>', line: 8, guardCandidate: true },
      { name: 'label', type: 'String', line: 9, guardCandidate: false },
      { name: 'queue', type: 'List<Id>', line: 10, guardCandidate: false },
      { name: 'counters', type: 'Map<String,Integer>', line: 11, guardCandidate: false },
      { name: 'bypass', type: 'Boolean', line: 12, guardCandidate: true },
      { name: 'Inner.innerRan', type: 'Boolean', line: 14, guardCandidate: true },
    ]);
  });
});

describe('Apex guard checks', () => {
  it('records static members read in if, while and ternary conditions', () => {
    const model = parseClass(`public class Handler {
  private static Boolean hasRun = false;
  private static Set<Id> processed = new Set<Id>();
  public void run(List<Account> accs) {
    if (hasRun) return;
    if (!Handler.HASRUN && TriggerGuard.alreadyRan == false) { }
    for (Account a : accs) {
      if (Guard.processed.contains(a.Id) || processed.contains(a.Id)) continue;
    }
    while (!processed.isEmpty()) { break; }
    String mode = RecursionControl.isFirstRun ? 'first' : 'again';
  }
}`);
    expect(method(model, 'run').guardChecks).toEqual([
      { member: 'Handler.hasRun', line: 5 },
      { member: 'Handler.hasRun', line: 6 },
      { member: 'TriggerGuard.alreadyRan', line: 6 },
      { member: 'Guard.processed', line: 8 },
      { member: 'Handler.processed', line: 8 },
      { member: 'Handler.processed', line: 10 },
      { member: 'RecursionControl.isFirstRun', line: 11 },
    ]);
  });

  it('does not record locals, instance fields, platform members or reads outside conditions', () => {
    const model = parseClass(`public class Quiet {
  private static Boolean hasRun = false;
  private Boolean instanceFlag = false;
  public enum Mode { FAST, SLOW }
  public void run(Boolean param) {
    Boolean hasRunCopy = hasRun;
    hasRun = true;
    if (param || instanceFlag || hasRunCopy) {}
    if (Trigger.isExecuting && Trigger.isInsert) {}
    if (String.isBlank('x')) {}
    if (Account.SObjectType == null || Invoice__c.Amount__c == null) {}
    if (Mode.FAST == null || Quiet.Mode.SLOW == null) {}
    Guard.processed.add(null);
  }
  public void shadow() {
    Boolean hasRun = true;
    if (hasRun) {}
  }
}`);
    expect(method(model, 'run').guardChecks).toEqual([]);
    expect(method(model, 'shadow').guardChecks).toEqual([]);
  });

  it('resolves inner-class and outer-class statics', () => {
    const model = parseClass(`public class Outer {
  private static Boolean outerRan = false;
  public class Inner {
    private Boolean unused;
    public void go() {
      if (outerRan) {}
      if (Outer.Inner.innerRan) {}
      if (Inner.innerRan) {}
    }
    private static Boolean innerRan = false;
  }
}`);
    expect(method(model, 'Inner.go').guardChecks).toEqual([
      { member: 'Outer.outerRan', line: 6 },
      { member: 'Outer.Inner.innerRan', line: 7 },
      { member: 'Outer.Inner.innerRan', line: 8 },
    ]);
  });
});
