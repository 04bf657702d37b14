import { XMLParser } from 'fast-xml-parser';

/**
 * Elements that can repeat in the metadata types we read. fast-xml-parser turns a single occurrence
 * into an object and several into an array; listing them makes the shape stable. Parsers still go
 * through `asArray` because unknown files can have anything.
 */
const REPEATED_ELEMENTS = new Set([
  // CustomObject
  'fields', 'validationRules', 'recordTypes', 'listViews', 'webLinks', 'fieldSets', 'compactLayouts',
  'businessProcesses', 'sharingReasons', 'indexes', 'actionOverrides', 'searchLayouts', 'valueSet',
  'value', 'values', 'picklistValues', 'filterItems', 'valueSettings', 'controllingFieldValue', 'referenceTo',
  // Flow
  'actionCalls', 'apexPluginCalls', 'assignments', 'assignmentItems', 'choices', 'collectionProcessors',
  'constants', 'decisions', 'dynamicChoiceSets', 'formulas', 'loops', 'orchestratedStages', 'recordCreates',
  'recordDeletes', 'recordLookups', 'recordRollbacks', 'recordUpdates', 'screens', 'stages', 'steps', 'subflows',
  'textTemplates', 'transforms', 'variables', 'waits', 'customErrors', 'rules', 'conditions', 'filters',
  'inputAssignments', 'outputAssignments', 'inputParameters', 'outputParameters', 'processMetadataValues',
  'scheduledPaths', 'waitEvents', 'queriedFields', 'customErrorMessages', 'capabilityTypes',
  // Workflow
  'alerts', 'fieldUpdates', 'outboundMessages', 'tasks', 'knowledgePublishes', 'flowActions', 'sends',
  'criteriaItems', 'actions', 'workflowTimeTriggers', 'recipients', 'ccEmails',
  // Permissions
  'applicationVisibilities', 'classAccesses', 'customMetadataTypeAccesses', 'customPermissions',
  'customSettingAccesses', 'externalDataSourceAccesses', 'fieldPermissions', 'flowAccesses', 'layoutAssignments',
  'loginIpRanges', 'objectPermissions', 'pageAccesses', 'profileActionOverrides', 'recordTypeVisibilities',
  'tabSettings', 'tabVisibilities', 'userPermissions', 'permissionSets', 'mutingPermissionSets', 'loginFlows',
  'categoryGroupVisibilities', 'emailRoutingAddressAccesses', 'servicePresenceStatusAccesses',
  // Package manifest
  'types', 'members',
]);

export class XmlSecurityError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Keep every value a string: "62.0" and "00123" must survive as written.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Formulas carry &amp;&amp; and &lt;: decode the predefined XML entities.
  processEntities: true,
  htmlEntities: false,
  isArray: (tagName) => REPEATED_ELEMENTS.has(tagName),
});

/** Salesforce metadata never declares a DOCTYPE; refusing it blocks entity expansion and external entities. */
const DOCTYPE = /<!DOCTYPE/i;

export type XmlDocument = {
  /** Root element name, e.g. `CustomObject`. */
  root: string;
  /** The root element's content. */
  body: Record<string, unknown>;
};

/** Parses a metadata XML document. Throws with a readable message on malformed or unsafe input. */
export function parseMetadataXml(text: string): XmlDocument {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim().length === 0) throw new Error('the file is empty');
  if (DOCTYPE.test(clean)) throw new XmlSecurityError('DOCTYPE declarations are refused (entity expansion and external entities are not allowed in metadata)');
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(clean, true) as Record<string, unknown>;
  } catch (error) {
    throw new Error(readableXmlError(error));
  }
  const roots = Object.keys(parsed).filter((key) => key !== '?xml' && !key.startsWith('#'));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length === 0 ? 'none' : roots.join(', ')}`);
  const root = roots[0]!;
  const body = parsed[root];
  return { root, body: body && typeof body === 'object' ? (body as Record<string, unknown>) : {} };
}

/** fast-xml-parser ends its messages with `:line:col`; say it in words. */
function readableXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /^(.*):(\d+):(\d+)$/s.exec(message);
  return position ? `malformed XML at line ${position[2]}, column ${position[3]}: ${position[1]}` : `malformed XML: ${message}`;
}

/** Like parseMetadataXml, but also checks the root element name. */
export function parseMetadataXmlAs(text: string, expectedRoot: string): Record<string, unknown> {
  const doc = parseMetadataXml(text);
  if (doc.root !== expectedRoot) throw new Error(`expected root element <${expectedRoot}>, found <${doc.root}>`);
  return doc.body;
}

// --- small readers over parsed XML, so parsers never trust the shape of a file ---------------

export function asArray<T = unknown>(value: unknown): T[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** The text of an element: strings as they are, `{#text}` nodes unwrapped, anything else undefined. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'object' && '#text' in (value as Record<string, unknown>)) {
    return text((value as Record<string, unknown>)['#text']);
  }
  return undefined;
}

export function bool(value: unknown): boolean {
  return text(value)?.toLowerCase() === 'true';
}

export function num(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined || raw.trim() === '') return undefined;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function obj(value: unknown): Record<string, unknown> {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? (first as Record<string, unknown>) : {};
}

export function children(value: unknown): Array<Record<string, unknown>> {
  return asArray(value).filter((item): item is Record<string, unknown> => Boolean(item) && typeof item === 'object');
}
