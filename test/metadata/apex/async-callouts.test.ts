import { describe, expect, it } from 'vitest';
import { method, methodOf, parseClass } from './apex-helpers.js';

describe('Apex async work', () => {
  it('records @future on the method itself, and @future(callout=true) as a callout', () => {
    const model = parseClass(`public class Sync {
  @future
  public static void plain(Set<Id> ids) {}
  @Future(Callout = TRUE)
  public static void remote(Set<Id> ids) {}
  @future(callout=false)
  public static void notRemote() {}
  public static void notFuture() {}
}`);
    const plain = method(model, 'plain');
    expect(plain.annotations).toEqual(['future']);
    expect(plain.futureCallout).toBe(false);
    expect(plain.async).toEqual([{ kind: 'future', line: 3 }]);
    expect(plain.callouts).toEqual([]);

    const remote = method(model, 'remote');
    expect(remote.futureCallout).toBe(true);
    expect(remote.async).toEqual([{ kind: 'future', line: 5 }]);
    expect(remote.callouts).toEqual([{ kind: 'future-callout', line: 5 }]);

    expect(method(model, 'notRemote').callouts).toEqual([]);
    expect(method(model, 'notFuture').async).toEqual([]);
  });

  it('records enqueueJob, executeBatch, schedule and scheduleBatch with their target classes', () => {
    const block = methodOf(
      `
    System.enqueueJob(new SyncJob(ids));
    system.ENQUEUEJOB(job);
    Database.executeBatch(new CleanupBatch(), 200);
    System.schedule('nightly', '0 0 2 * * ?', new NightlySchedule());
    System.scheduleBatch(new CleanupBatch(), 'later', 10);
    System.enqueueJob(makeJob());`,
      '',
      'Set<Id> ids, SyncJob job',
    );
    expect(block.async).toEqual([
      { kind: 'queueable', target: 'SyncJob', line: 4 },
      { kind: 'queueable', target: 'SyncJob', line: 5 },
      { kind: 'batch', target: 'CleanupBatch', line: 6 },
      { kind: 'schedule', target: 'NightlySchedule', line: 7 },
      { kind: 'batch', target: 'CleanupBatch', line: 8 },
      { kind: 'queueable', line: 9 },
    ]);
    expect(block.calls).toEqual([{ className: 'Subject', method: 'makeJob', line: 9, inLoop: false }]);
  });

  it('records EventBus.publish with the event type when it can be inferred', () => {
    const block = methodOf(`
    Order_Event__e evt = new Order_Event__e(Order_Id__c = '1');
    EventBus.publish(evt);
    List<Shipment_Event__e> events = new List<Shipment_Event__e>();
    EventBus.publish(events);
    EventBus.publish(new Invoice_Event__e());
    EventBus.publish(buildEvents());`);
    expect(block.async).toEqual([
      { kind: 'platform-event', target: 'Order_Event__e', line: 5 },
      { kind: 'platform-event', target: 'Shipment_Event__e', line: 7 },
      { kind: 'platform-event', target: 'Invoice_Event__e', line: 8 },
      { kind: 'platform-event', line: 9 },
    ]);
  });
});

describe('Apex callouts', () => {
  it('records Http.send on new Http() and on Http-typed variables and fields', () => {
    const model = parseClass(`public class Client {
  private Http transport = new Http();
  public void m(HttpRequest req) {
    HttpResponse a = new Http().send(req);
    Http h = new Http();
    HttpResponse b = h.send(req);
    HttpResponse c = transport.send(req);
    mailer.send(req);
  }
}`);
    const m = method(model, 'm');
    expect(m.callouts).toEqual([
      { kind: 'http', line: 4 },
      { kind: 'http', line: 6 },
      { kind: 'http', line: 7 },
    ]);
    expect(m.calls).toEqual([{ qualifier: 'mailer', method: 'send', line: 8, inLoop: false }]);
  });

  it('records queueable-callout on execute for Queueable + Database.AllowsCallouts', () => {
    const model = parseClass(`public class CalloutJob implements Queueable, Database.AllowsCallouts {
  public void execute(QueueableContext ctx) {
    Http h = new Http();
  }
  public void other() {}
  public class PlainJob implements Queueable {
    public void execute(QueueableContext ctx) {}
  }
}`);
    expect(model.interfaces).toEqual(['Queueable', 'Database.AllowsCallouts']);
    expect(method(model, 'execute').callouts).toEqual([{ kind: 'queueable-callout', line: 2 }]);
    expect(method(model, 'other').callouts).toEqual([]);
    expect(method(model, 'PlainJob.execute').callouts).toEqual([]);
  });

  it('does not record queueable-callout for a Queueable without AllowsCallouts', () => {
    const model = parseClass(`public class Job implements Queueable {
  public void execute(QueueableContext ctx) {}
}`);
    expect(method(model, 'execute').callouts).toEqual([]);
  });

  it('records Messaging.sendEmail and WebServiceCallout.invoke', () => {
    const block = methodOf(`
    Messaging.sendEmail(new Messaging.SingleEmailMessage[]{ mail });
    WebServiceCallout.invoke(this, request, response, new String[]{ 'a' });
    Messaging.reserveSingleEmailCapacity(1);`);
    expect(block.callouts).toEqual([
      { kind: 'email', line: 4 },
      { kind: 'webservice-callout', line: 5 },
    ]);
    expect(block.calls).toEqual([]);
  });
});
