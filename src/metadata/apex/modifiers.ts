/** Modifiers and annotations of a declaration: `@future(callout=true) public static`. */
import type { ModifierContext } from '@apexdevtools/apex-parser';
import { opt, type SourceText } from './syntax.js';

export type Modifiers = {
  /** Lower-case annotation names. */
  annotations: string[];
  isStatic: boolean;
  isFinal: boolean;
  /** The legacy `testMethod` modifier. */
  testMethod: boolean;
  /** `@future(callout=true)` */
  futureCallout: boolean;
  isAbstract: boolean;
  isVirtual: boolean;
};

export function readModifiers(modifiers: ModifierContext[], src: SourceText): Modifiers {
  const result: Modifiers = { annotations: [], isStatic: false, isFinal: false, testMethod: false, futureCallout: false, isAbstract: false, isVirtual: false };
  for (const modifier of modifiers) {
    const annotation = opt(modifier.annotation());
    if (annotation) {
      const id = opt(annotation.id());
      if (!id) continue;
      const name = src.text(id).toLowerCase();
      if (!result.annotations.includes(name)) result.annotations.push(name);
      if (name === 'future' && calloutTrue(annotation.getText())) result.futureCallout = true;
      continue;
    }
    if (opt(modifier.STATIC())) result.isStatic = true;
    else if (opt(modifier.FINAL())) result.isFinal = true;
    else if (opt(modifier.TESTMETHOD())) result.testMethod = true;
    else if (opt(modifier.ABSTRACT())) result.isAbstract = true;
    else if (opt(modifier.VIRTUAL())) result.isVirtual = true;
  }
  return result;
}

/** `@future(callout=true)`, in any case and spacing. The annotation text is short. */
function calloutTrue(annotationText: string): boolean {
  return /\bcallout\s*=\s*true\b/i.test(annotationText);
}
