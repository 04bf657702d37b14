import { readFileSync } from 'node:fs';
import { parseApexClass, parseApexTrigger } from '../metadata/apex/index.js';
import { parseFlow } from '../metadata/flow/index.js';
import { LineLocator } from '../metadata/lines.js';
import type { MetadataModel, SourceRef } from '../metadata/model.js';
import { parseCustomField } from '../metadata/objects/custom-field.js';
import { isCustomObjectName, objectKindOf, parseCustomObject } from '../metadata/objects/custom-object.js';
import { parseValidationRule } from '../metadata/objects/validation-rule.js';
import type { ParseInput } from '../metadata/parse-input.js';
import {
  parseMutingPermissionSet,
  parsePermissionSet,
  parseProfile,
} from '../metadata/permissions/permission-container.js';
import { parsePermissionSetGroup } from '../metadata/permissions/permission-set-group.js';
import { parseWorkflow } from '../metadata/workflow.js';
import type { DiscoveredComponent } from './discover.js';
import { messageOf } from './discover.js';
import { ModelBuilder, type Parsed } from './model-builder.js';

type Reader = { xml: () => ParseInput; content: () => ParseInput; meta: () => string | undefined };
type Handler = (read: Reader, component: DiscoveredComponent) => Parsed;

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
  Flow: (read) => ({ kind: 'flow', value: parseFlow(read.xml()) }),
  ApexClass: (read) => ({ kind: 'apexClass', value: parseApexClass(read.content(), read.meta()) }),
  ApexTrigger: (read) => ({ kind: 'apexTrigger', value: parseApexTrigger(read.content(), read.meta()) }),
  Workflow: (read) => ({ kind: 'workflow', value: parseWorkflow(read.xml()) }),
  PermissionSet: (read) => ({ kind: 'permissions', value: parsePermissionSet(read.xml()) }),
  Profile: (read) => ({ kind: 'permissions', value: parseProfile(read.xml()) }),
  MutingPermissionSet: (read) => ({ kind: 'permissions', value: parseMutingPermissionSet(read.xml()) }),
  PermissionSetGroup: (read) => ({ kind: 'permissionSetGroup', value: parsePermissionSetGroup(read.xml()) }),
};

/**
 * Reads and parses every discovered component into the model. A file that cannot be read or parsed
 * becomes a ParseIssue; the rest of the review goes on.
 */
export function parseComponents(components: readonly DiscoveredComponent[], sourceDirs: string[]): MetadataModel {
  const builder = new ModelBuilder(sourceDirs);
  const originals = new Map<string, LineLocator>();
  for (const component of components) {
    const handler = HANDLERS[component.type];
    if (!handler) {
      builder.addOther({ type: component.type, fullName: component.fullName, file: component.file });
      continue;
    }
    try {
      const parsed = handler(reader(component), component);
      if (component.anchor) relocate(parsed, component, originals);
      builder.add(parsed);
    } catch (error) {
      builder.addIssue({ file: component.file, type: component.type, message: messageOf(error) });
    }
  }
  return builder.build();
}

function reader(component: DiscoveredComponent): Reader {
  const input = (path: string | undefined, file: string, what: string): ParseInput => {
    if (!path) throw new Error(`the ${what} file is missing`);
    return { file, text: readFileSync(path, 'utf8'), fullName: component.fullName };
  };
  return {
    xml: () => input(component.xmlPath, component.file, 'metadata XML'),
    // Apex findings point at the code file, not at its -meta.xml.
    content: () => input(component.contentPath, component.file.replace(/-meta\.xml$/, ''), 'source'),
    meta: () => (component.xmlPath ? readFileSync(component.xmlPath, 'utf8') : undefined),
  };
}

/**
 * A converted (metadata-API format) component was parsed from a temp copy: point its source at the
 * original file and at the line where it is declared there.
 */
function relocate(parsed: Parsed, component: DiscoveredComponent, originals: Map<string, LineLocator>): void {
  const anchor = component.anchor!;
  let locator = originals.get(anchor.path);
  if (!locator) {
    locator = new LineLocator(readFileSync(anchor.path, 'utf8'));
    originals.set(anchor.path, locator);
  }
  const source: SourceRef = { file: component.file };
  const line = anchor.marker ? locator.find(anchor.marker) : undefined;
  if (line !== undefined) source.line = line;
  parsed.value.source = source;
}
