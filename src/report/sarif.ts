import { readFileSync } from 'node:fs';
import { docsUrl, REPOSITORY_URL } from '../docs/links.js';
import { EXPIRED_ACCEPTANCE_META } from '../gate/accepted.js';
import type { AcceptedFinding, GatedFinding, RuleSummary } from '../gate/types.js';
import type { ReviewResult } from '../review/result.js';
import type { FindingComponent, Severity } from '../review/finding.js';
import { RULES } from '../rules/index.js';
import { stableStringify } from './stable-json.js';

/** Results are matched across runs by this key of `partialFingerprints` (GitHub code scanning keeps alerts by it). */
export const FINGERPRINT_KEY = 'sfArchReview/v1';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Level = 'error' | 'warning' | 'note';

/** critical and high break a release, medium needs a look, low and info are notes. */
const LEVELS: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: every rule that ran, each finding with
 * its file and line, its fingerprint and (with a baseline) its state. Fixed findings are left out of
 * `results`: code scanning closes an alert when its result stops appearing, and an `absent` result
 * would show as an open alert there. Their fingerprints are in the run's properties.
 */
export function renderSarif(result: ReviewResult): string {
  const rules = driverRules(result);
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const accepted = new Map((result.accepted ?? []).map((item) => [item.fingerprint, item]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'sf-arch-review',
            fullName: 'sf arch review',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: REPOSITORY_URL,
            rules: rules.map(descriptor),
          },
        },
        invocations: [invocation(result)],
        columnKind: 'utf16CodeUnits',
        results: result.findings.map((finding) => sarifResult(finding, index.get(finding.ruleId)!, accepted.get(finding.fingerprint))),
        properties: runProperties(result),
      },
    ],
  };
  return `${stableStringify(log)}\n`;
}

/** The rules that ran (from the result, else every rule), plus any rule a finding names. */
function driverRules(result: ReviewResult): RuleSummary[] {
  const listed: RuleSummary[] = result.rules ?? RULES.map((rule) => ({ ...rule.meta, severity: rule.meta.defaultSeverity }));
  const byId = new Map(listed.map((rule) => [rule.id, rule]));
  for (const finding of result.findings) {
    if (byId.has(finding.ruleId)) continue;
    byId.set(
      finding.ruleId,
      finding.ruleId === EXPIRED_ACCEPTANCE_META.id
        ? { ...EXPIRED_ACCEPTANCE_META, severity: EXPIRED_ACCEPTANCE_META.defaultSeverity }
        : { id: finding.ruleId, category: finding.category, severity: finding.severity, description: finding.ruleId, docs: `docs/rules/${finding.ruleId}.md` },
    );
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function descriptor(rule: RuleSummary): object {
  const url = docsUrl(rule.docs);
  return {
    id: rule.id,
    // SARIF wants a readable identifier distinct from the id: the name part in PascalCase.
    name: pascal(rule.id.slice(rule.id.indexOf('/') + 1)),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} See ${url}`, markdown: `${rule.description} [Documentation](${url})` },
    helpUri: url,
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { category: rule.category, severity: rule.severity, tags: ['salesforce', 'architecture', rule.category] },
  };
}

function sarifResult(finding: GatedFinding, ruleIndex: number, accepted: AcceptedFinding | undefined): object {
  const located = finding.components.filter((component) => component.file.length > 0);
  const primary = located[0];
  const evidence = finding.evidence.filter((item) => item.file);
  const related = [
    ...located.slice(1).map((component) => ({ ...physical(component.file, component.line), message: { text: `${component.type} ${component.name}` } })),
    ...evidence.map((item) => ({ ...physical(item.file!, item.line), message: { text: item.text } })),
  ].map((location, id) => ({ id, ...location }));
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    kind: 'fail',
    level: LEVELS[finding.severity],
    message: { text: messageText(finding) },
    ...(primary ? { locations: [{ ...physical(primary.file, primary.line), logicalLocations: [logical(primary)] }] } : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.baselineState ? { baselineState: finding.baselineState === 'new' ? 'new' : 'unchanged' } : {}),
    ...(accepted
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${accepted.reason} (owner ${accepted.owner}, accepted until ${accepted.expires})` }] }
      : {}),
    properties: {
      severity: finding.severity,
      category: finding.category,
      fingerprint: finding.fingerprint,
      ...(finding.object ? { object: finding.object } : {}),
      ...(finding.evidence.length > 0 ? { evidence: finding.evidence.map((item) => item.text) } : {}),
    },
  };
}

/** The message, with evidence that has no file appended (a chain, a count), so nothing is lost. */
function messageText(finding: GatedFinding): string {
  const loose = finding.evidence.filter((item) => !item.file).map((item) => item.text);
  return loose.length > 0 ? `${finding.message}\n${loose.map((text) => `- ${text}`).join('\n')}` : finding.message;
}

function physical(file: string, line: number | undefined): { physicalLocation: object } {
  return {
    physicalLocation: {
      artifactLocation: { uri: fileUri(file), uriBaseId: '%SRCROOT%' },
      ...(line !== undefined && line >= 1 ? { region: { startLine: line } } : {}),
    },
  };
}

function logical(component: FindingComponent): object {
  return { name: component.name, fullyQualifiedName: `${component.type}:${component.name}`, kind: 'resource' };
}

/** Report paths are relative with `/`: each segment is percent-encoded so `#`, `?` or spaces stay part of the path. */
export function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** Whether the review read everything, and what it could not read, as tool notifications. */
function invocation(result: ReviewResult): object {
  const notifications = [
    ...result.parseIssues.map((issue) => ({
      level: 'warning',
      message: { text: `Could not read ${issue.type} ${issue.file}: ${issue.message}` },
      locations: [physical(issue.file, undefined)],
    })),
    ...result.ruleErrors.map((error) => ({ level: 'error', message: { text: `Rule ${error.ruleId} failed: ${error.message}` }, associatedRule: { id: error.ruleId } })),
  ];
  return {
    executionSuccessful: result.ruleErrors.length === 0,
    ...(result.gate ? { exitCode: result.gate.exitCode } : {}),
    ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
  };
}

function runProperties(result: ReviewResult): object {
  return {
    schemaVersion: result.schemaVersion,
    sourceDirs: result.sourceDirs,
    ...(result.gate ? { gate: result.gate } : {}),
    ...(result.baseline ? { baseline: { ...result.baseline, fixed: (result.fixed ?? []).map((finding) => ({ ruleId: finding.ruleId, fingerprint: finding.fingerprint, message: finding.message })) } } : {}),
  };
}

function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
