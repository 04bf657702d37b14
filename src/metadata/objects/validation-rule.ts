import { extractFormulaReferences } from '../formula.js';
import { LineLocator } from '../lines.js';
import type { SourceRef, ValidationRuleModel } from '../model.js';
import { splitChildName, type ParseInput } from '../parse-input.js';
import { bool, parseMetadataXmlAs, text } from '../xml.js';

const nonEmpty = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === '' ? undefined : value;

/**
 * Builds a validation rule from the content of a `<ValidationRule>` element (source format) or of a
 * `<validationRules>` element inside a metadata-API `.object` file.
 */
export function validationRuleFromBody(
  body: Record<string, unknown>,
  object: string,
  name: string,
  source: SourceRef,
): ValidationRuleModel {
  const errorConditionFormula = text(body['errorConditionFormula']) ?? '';
  const rule: ValidationRuleModel = {
    object,
    name,
    fullName: object ? `${object}.${name}` : name,
    active: bool(body['active']),
    errorConditionFormula,
    references: extractFormulaReferences(errorConditionFormula),
    source,
  };
  const description = nonEmpty(text(body['description']));
  const errorDisplayField = nonEmpty(text(body['errorDisplayField']));
  const errorMessage = nonEmpty(text(body['errorMessage']));
  if (description !== undefined) rule.description = description;
  if (errorDisplayField !== undefined) rule.errorDisplayField = errorDisplayField;
  if (errorMessage !== undefined) rule.errorMessage = errorMessage;
  return rule;
}

/** Reads a source-format `.validationRule-meta.xml` file (`input.fullName` is `Object.Rule`). */
export function parseValidationRule(input: ParseInput): ValidationRuleModel {
  const body = parseMetadataXmlAs(input.text, 'ValidationRule');
  const split = splitChildName(input.fullName);
  const name = split.name || nonEmpty(text(body['fullName']))?.trim();
  if (!name) throw new Error('the validation rule has no name (neither the component name nor <fullName> gives one)');
  if (text(body['errorConditionFormula']) === undefined) {
    throw new Error(`the validation rule ${name} has no <errorConditionFormula>`);
  }
  const line = new LineLocator(input.text).find('<ValidationRule');
  return validationRuleFromBody(body, split.object, name, { file: input.file, line });
}
