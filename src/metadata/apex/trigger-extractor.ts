/** An Apex trigger file into an ApexTriggerModel: name, object, events and the body as one code block. */
import type { TriggerUnitContext } from '@apexdevtools/apex-parser';
import { emptyCodeBlock, type ApexTriggerEvent, type ApexTriggerModel } from '../model.js';
import type { ParseInput } from '../parse-input.js';
import type { WalkContext } from './context.js';
import { Scope } from './scope.js';
import { opt, type SourceText } from './syntax.js';
import { BlockWalker } from './walker.js';

const EVENTS = new Set<string>([
  'before insert',
  'before update',
  'before delete',
  'after insert',
  'after update',
  'after delete',
  'after undelete',
]);

export function extractTrigger(unit: TriggerUnitContext, src: SourceText, input: ParseInput): ApexTriggerModel {
  const ids = unit.id_list();
  const nameId = ids[0];
  const objectId = ids[1];
  if (!nameId || !objectId) throw new Error('trigger declaration has no name or object');
  const object = src.text(objectId);

  const events: ApexTriggerEvent[] = [];
  for (const triggerCase of unit.triggerCase_list()) {
    const event = (triggerCase.children ?? []).map((child) => child.getText().toLowerCase()).join(' ');
    if (EVENTS.has(event) && !events.includes(event as ApexTriggerEvent)) events.push(event as ApexTriggerEvent);
  }

  const body = emptyCodeBlock();
  const wc: WalkContext = { src, scope: new Scope(), triggerObject: object, out: body, loopDepth: 0, conditionDepth: 0, guardSeen: new Set() };
  const walker = new BlockWalker(wc);
  for (const member of opt(unit.triggerBlock())?.triggerBlockMember_list() ?? []) {
    const statement = opt(member.statement());
    if (statement) {
      walker.visit(statement);
      continue;
    }
    const declaration = opt(member.triggerMemberDeclaration());
    if (!declaration) continue;
    const field = opt(declaration.fieldDeclaration());
    if (field) {
      walker.declareField(field);
      continue;
    }
    // Methods declared in a trigger body run as part of it when called: walk them in their own scope.
    const method = opt(declaration.methodDeclaration());
    if (method) {
      wc.scope.push();
      walker.declareParameters(method.formalParameters());
      walker.visit(opt(method.block()));
      wc.scope.pop();
    }
  }

  return {
    name: src.text(nameId),
    object,
    events,
    status: 'Active',
    active: true,
    body,
    source: { file: input.file, line: nameId.start.line },
  };
}
