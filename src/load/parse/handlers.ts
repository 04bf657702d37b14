import { parseCustomMetadataRecord } from '../../metadata/custom-metadata.js';
import { parseCustomPermission } from '../../metadata/custom-permission.js';
import { parseFlow } from '../../metadata/flow/index.js';
import { withFlowPermissionChecks } from '../../metadata/flow-permission-checks.js';
import { parseCustomField } from '../../metadata/objects/custom-field.js';
import { isCustomObjectName, objectKindOf, parseCustomObject } from '../../metadata/objects/custom-object.js';
import { parseValidationRule } from '../../metadata/objects/validation-rule.js';
import type { ParseInput } from '../../metadata/parse-input.js';
import { parseMutingPermissionSet, parsePermissionSet, parseProfile } from '../../metadata/permissions/permission-container.js';
import { parsePermissionSetGroup } from '../../metadata/permissions/permission-set-group.js';
import { parseWorkflow } from '../../metadata/workflow.js';
import type { Parsed } from '../model-builder.js';

/** The files of one component, read already. Each accessor throws what reading the file threw. */
export type Reader = { xml: () => ParseInput; content: () => ParseInput; meta: () => string | undefined };

type Handler = (read: Reader, component: { fullName: string; xmlPath?: string }) => Parsed;

type ApexModule = typeof import('../../metadata/apex/index.js');

// The Apex parser is the heaviest module to load: a thread that only meets XML (or cached results) never loads it.
let apex: ApexModule | undefined;
const apexParsers = (): ApexModule => {
  if (!apex) throw new Error('internal: the Apex parser was not loaded (call loadHandlerFor first)');
  return apex;
};

/** What we model, by SDR type name. Everything else is kept as an "other component". */
const HANDLERS: Record<string, Handler> = {
  CustomObject: (read, component) => ({
    kind: 'object',
    value: component.xmlPath
      ? parseCustomObject(read.xml())
      : { name: component.fullName, kind: objectKindOf(component.fullName), custom: isCustomObjectName(component.fullName) },
  }),
  CustomField: (read) => ({ kind: 'field', value: parseCustomField(read.xml()) }),
  ValidationRule: (read) => ({ kind: 'validationRule', value: parseValidationRule(read.xml()) }),
  Flow: (read) => {
    const input = read.xml();
    // `$Permission.X` in formulas, decisions and entry criteria: read beside the flow parser, from the same text.
    return { kind: 'flow', value: withFlowPermissionChecks(parseFlow(input), input.text) };
  },
  ApexClass: (read) => ({ kind: 'apexClass', value: apexParsers().parseApexClass(read.content(), read.meta()) }),
  ApexTrigger: (read) => ({ kind: 'apexTrigger', value: apexParsers().parseApexTrigger(read.content(), read.meta()) }),
  Workflow: (read) => ({ kind: 'workflow', value: parseWorkflow(read.xml()) }),
  PermissionSet: (read) => ({ kind: 'permissions', value: parsePermissionSet(read.xml()) }),
  Profile: (read) => ({ kind: 'permissions', value: parseProfile(read.xml()) }),
  MutingPermissionSet: (read) => ({ kind: 'permissions', value: parseMutingPermissionSet(read.xml()) }),
  PermissionSetGroup: (read) => ({ kind: 'permissionSetGroup', value: parsePermissionSetGroup(read.xml()) }),
  CustomMetadata: (read) => ({ kind: 'customMetadataRecord', value: parseCustomMetadataRecord(read.xml()) }),
  CustomPermission: (read) => ({ kind: 'customPermission', value: parseCustomPermission(read.xml()) }),
};

/** Types whose body is a code file next to the -meta.xml. */
export const APEX_TYPES: ReadonlySet<string> = new Set(['ApexClass', 'ApexTrigger']);

export const isModelled = (type: string): boolean => Object.hasOwn(HANDLERS, type);

/** The parser of a type, with its module loaded. */
export async function loadHandlerFor(type: string): Promise<Handler> {
  if (APEX_TYPES.has(type)) apex ??= await import('../../metadata/apex/index.js');
  const handler = HANDLERS[type];
  if (!handler) throw new Error(`internal: no parser for ${type}`);
  return handler;
}
