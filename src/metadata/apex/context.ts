/** State shared by the extractors while one code block (method body, trigger body) is walked once. */
import type { ApexCodeBlock } from '../model.js';
import type { ClassInfo, Scope } from './scope.js';
import type { SourceText } from './syntax.js';

export type WalkContext = {
  src: SourceText;
  scope: Scope;
  /** The class whose code is walked (`Outer.Inner` for inner classes); absent in triggers. */
  cls?: ClassInfo;
  /** The trigger's object when walking a trigger body: `Trigger.new` is a List of it. */
  triggerObject?: string;
  out: ApexCodeBlock;
  /** > 0 inside a for/while/do body. */
  loopDepth: number;
  /** > 0 inside an if/while condition or a ternary's condition. */
  conditionDepth: number;
  /** `member@line` already recorded as guard checks. */
  guardSeen: Set<string>;
};

export function inLoop(wc: WalkContext): boolean {
  return wc.loopDepth > 0;
}
