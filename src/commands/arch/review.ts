import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Interfaces } from '@oclif/core';
import { Messages, type Org } from '@salesforce/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import type { PermissionSnapshot } from '../../permissions/snapshot.js';
import type { GateConfig } from '../../review/gated-review.js';
import type { CompactResult } from '../../review/compact.js';
import type { ReviewConfig } from '../../review/review.js';
import type { ReviewResult } from '../../review/result.js';
import type { CaughtFailure } from '../../shared/failures.js';
import { sourceDirFlag, asOfFlag } from '../../cli/flags.js';
import { type OrgFlags, retrieveOrgWithProgress } from '../../cli/retrieve-org.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('sf-arch-review', 'arch.review');

/** Kept here, not imported, so `--help` loads no renderer. `report/index.ts` has the same lists. */
const FORMATS = ['markdown', 'json', 'sarif', 'html'] as const;
const FAIL_ON = ['critical', 'high', 'medium', 'low', 'never'] as const;
const SCOPES = ['new', 'all'] as const;
const DETAILS = ['compact', 'full'] as const;

export default class ArchReview extends SfCommand<ReviewResult | CompactResult> {
  public static override readonly summary = messages.getMessage('summary');
  public static override readonly description = messages.getMessage('description');
  public static override readonly examples = messages.getMessages('examples');

  public static override readonly flags = {
    'source-dir': sourceDirFlag(messages, { exclusive: ['target-org'] }),
    'target-org': Flags.optionalOrg({
      // Not -o (that is --object), and no fallback to the default org: a plain review stays local.
      char: undefined,
      default: undefined,
      defaultHelp: undefined,
      summary: messages.getMessage('flags.target-org.summary'),
      description: messages.getMessage('flags.target-org.description'),
    }),
    'api-version': Flags.orgApiVersion({
      summary: messages.getMessage('flags.api-version.summary'),
      dependsOn: ['target-org'],
    }),
    // Minutes, as an integer: sf's duration flag computes its default help, which makes oclif import
    // this command (and @salesforce/core with it) just to print --help.
    wait: Flags.integer({
      default: 33,
      min: 1,
      summary: messages.getMessage('flags.wait.summary'),
    }),
    'use-cache': Flags.boolean({
      summary: messages.getMessage('flags.use-cache.summary'),
      dependsOn: ['target-org'],
    }),
    format: Flags.option({
      summary: messages.getMessage('flags.format.summary'),
      description: messages.getMessage('flags.format.description'),
      options: FORMATS,
      default: 'markdown',
    })(),
    detail: Flags.option({
      summary: messages.getMessage('flags.detail.summary'),
      description: messages.getMessage('flags.detail.description'),
      options: DETAILS,
      default: 'compact',
    })(),
    'output-file': Flags.file({
      char: 'f',
      summary: messages.getMessage('flags.output-file.summary'),
      description: messages.getMessage('flags.output-file.description'),
    }),
    object: Flags.string({
      char: 'o',
      summary: messages.getMessage('flags.object.summary'),
      description: messages.getMessage('flags.object.description'),
      multiple: true,
    }),
    policy: Flags.file({
      summary: messages.getMessage('flags.policy.summary'),
      description: messages.getMessage('flags.policy.description'),
    }),
    'as-of': asOfFlag(messages, { description: true }),
    'base-ref': Flags.string({
      summary: messages.getMessage('flags.base-ref.summary'),
      description: messages.getMessage('flags.base-ref.description'),
    }),
    baseline: Flags.file({
      summary: messages.getMessage('flags.baseline.summary'),
      description: messages.getMessage('flags.baseline.description'),
      multiple: true,
    }),
    'fail-on': Flags.option({
      summary: messages.getMessage('flags.fail-on.summary'),
      description: messages.getMessage('flags.fail-on.description'),
      options: FAIL_ON,
    })(),
    'fail-on-scope': Flags.option({
      summary: messages.getMessage('flags.fail-on-scope.summary'),
      options: SCOPES,
      dependsOn: ['fail-on'],
    })(),
    rules: Flags.string({ summary: messages.getMessage('flags.rules.summary'), multiple: true }),
    'exclude-rules': Flags.string({ summary: messages.getMessage('flags.exclude-rules.summary'), multiple: true }),
    accept: Flags.string({
      summary: messages.getMessage('flags.accept.summary'),
      description: messages.getMessage('flags.accept.description'),
      dependsOn: ['reason', 'owner', 'expires'],
    }),
    reason: Flags.string({ summary: messages.getMessage('flags.reason.summary'), dependsOn: ['accept'] }),
    owner: Flags.string({ summary: messages.getMessage('flags.owner.summary'), dependsOn: ['accept'] }),
    expires: Flags.string({ summary: messages.getMessage('flags.expires.summary'), dependsOn: ['accept'] }),
    'save-snapshot': Flags.file({
      summary: messages.getMessage('flags.save-snapshot.summary'),
      description: messages.getMessage('flags.save-snapshot.description'),
    }),
    assignments: Flags.file({
      summary: messages.getMessage('flags.assignments.summary'),
      description: messages.getMessage('flags.assignments.description'),
    }),
    workers: Flags.integer({ summary: messages.getMessage('flags.workers.summary'), min: 1 }),
    'no-cache': Flags.boolean({ summary: messages.getMessage('flags.no-cache.summary') }),
    history: Flags.directory({
      summary: messages.getMessage('flags.history.summary'),
      description: messages.getMessage('flags.history.description'),
    }),
    verbose: Flags.boolean({
      summary: messages.getMessage('flags.verbose.summary'),
    }),
  };

  public async run(): Promise<ReviewResult | CompactResult> {
    const { flags } = await this.parse(ArchReview);
    const { isDevDebug, crashError, debugReport } = await import('../../review/crash-report.js');
    const debug = isDevDebug();
    // A stack overflow's default 10 frames are all inside the recursion: show enough to see where it came from.
    if (debug) Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 200);
    try {
      return await this.reviewWith(flags, debug);
    } catch (error) {
      if (debug) process.stderr.write(debugReport(error));
      throw crashError(error, debug, messages.getMessages('error.crash.actions'));
    }
  }

  private async reviewWith(flags: Interfaces.InferredFlags<(typeof ArchReview)['flags']>, debug: boolean): Promise<ReviewResult | CompactResult> {
    // Before any parser thread exists; and kept polling, so exit does not wait for it (see logger-ready.ts).
    const { keepLoggerAwake } = await import('../../review/logger-ready.js');
    const logger = await keepLoggerAwake();
    try {
      return await this.reviewAndReport(flags, debug, logger.nudge);
    } finally {
      logger.stop();
    }
  }

  private async reviewAndReport(flags: Interfaces.InferredFlags<(typeof ArchReview)['flags']>, debug: boolean, nudge: () => void): Promise<ReviewResult | CompactResult> {
    const baseDir = process.cwd();
    const asOf = flags['as-of'] ?? new Date().toISOString().slice(0, 10);
    // Loaded here, not at the top: `--help` must not pay for SDR, the parsers and the renderers.
    const { splitBaselines } = await import('../../review/baselines.js');
    const baselines = splitBaselines(baseDir, flags.baseline ?? []);
    // A report is rendered when it is printed or written; Markdown and HTML draw on the full result.
    const printsReport = flags['output-file'] !== undefined || !this.jsonEnabled();
    const full = flags.detail === 'full' || (printsReport && (flags.format === 'markdown' || flags.format === 'html'));
    const { progressLine } = await import('../../review/progress.js');
    const progress = progressLine(process.stderr, !this.jsonEnabled());
    const cache = !flags['no-cache'] && existsSync(join(baseDir, 'sfdx-project.json'));
    const config: ReviewConfig = {
      baseDir,
      sourceDirs: flags['source-dir'] ?? [],
      objects: flags.object ?? [],
      asOf,
      verbose: flags.verbose,
      // The parse cache lives in the project's .sfdx folder: outside a project there is nowhere to keep it.
      cache,
      // A result from the cache has no model to take a snapshot of, and no stacks for --dev-debug.
      resultCache: cache && flags['save-snapshot'] === undefined && !debug,
      detail: full ? 'full' : 'compact',
      onProgress: (stage, detail) => {
        nudge();
        progress.onProgress?.(stage, detail);
      },
      ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
      ...(flags.policy ? { policyFile: flags.policy } : {}),
      ...(baselines.snapshot ? { permissionBaselineFile: baselines.snapshot } : {}),
      ...(flags.assignments ? { assignmentsFile: flags.assignments } : {}),
      ...(flags.rules ? { rules: flags.rules } : {}),
      ...(flags['exclude-rules'] ? { excludeRules: flags['exclude-rules'] } : {}),
    };
    if (flags['target-org']) Object.assign(config, await this.retrieveOrg(flags['target-org'], flags, baseDir));

    let reviewed;
    try {
      reviewed = await this.review(config, {
      ...(flags['base-ref'] ? { baseRef: flags['base-ref'] } : {}),
      ...(baselines.report ? { baselineReport: baselines.report } : {}),
      ...(flags['fail-on'] ? { failOn: flags['fail-on'] } : {}),
      ...(flags['fail-on-scope'] ? { failOnScope: flags['fail-on-scope'] } : {}),
      }, flags['save-snapshot'] !== undefined);
    } finally {
      progress.done();
    }
    const { snapshot, failures } = reviewed;
    let { result } = reviewed;
    let historyEntry: { file: string; text: string } | undefined;
    if (flags.history) {
      // After the gate (applied fresh every run) and outside the result cache: the trend describes the folder, not the project.
      const { withTrend } = await import('../../trend/index.js');
      ({ result, entry: historyEntry } = withTrend(result, flags.history, asOf));
    }
    if (debug && failures.length > 0) {
      const { debugFailures } = await import('../../review/crash-report.js');
      process.stderr.write(debugFailures(failures));
    }
    for (const warning of result.warnings) this.warn(warning);

    if (flags.accept) return this.accept(result, flags.accept, { reason: flags.reason!, owner: flags.owner!, expires: flags.expires! }, config);

    const { renderers, renderJson, writeFileAtomic } = await import('../../report/index.js');
    const { withContext } = await import('../../shared/failures.js');
    // Under --json without a file, the envelope is the output: no report to render.
    // Nudges around and during the render: a long stretch without one lets the log writer's poll drift to 1 s, waited for at exit.
    const render = (): string => {
      nudge();
      const text = withContext({ stage: `rendering the ${flags.format} report` }, () => (flags.format === 'json' ? renderJson(result, flags.detail, nudge) : renderers[flags.format](result)));
      nudge();
      return text;
    };
    if (flags['output-file']) {
      const written = await writeFileAtomic(flags['output-file'], render());
      this.info(messages.getMessage('info.written', [flags.format, written]));
    } else if (!this.jsonEnabled()) {
      this.log(render().replace(/\n$/, ''));
    }
    if (historyEntry) {
      const written = await writeFileAtomic(historyEntry.file, historyEntry.text);
      this.info(messages.getMessage('info.historyWritten', [written, result.trend!.totalRuns]));
    }
    if (flags['save-snapshot']) {
      const { serializeSnapshot } = await import('../../permissions/snapshot.js');
      const written = await writeFileAtomic(flags['save-snapshot'], serializeSnapshot(snapshot!));
      this.info(messages.getMessage('info.snapshotWritten', [snapshot!.principals.length, written]));
    }
    if (result.parseIssues.length > 0) this.info(messages.getMessage('info.parseIssues', [result.parseIssues.length]));
    if (result.ruleErrors.length > 0) this.warn(messages.getMessage('warning.ruleErrors', [result.ruleErrors.map((error) => error.ruleId).join(', ')]));
    if (result.gate) {
      this.info(messages.getMessage('info.gate', [result.gate.summary]));
      // sf uses process.exitCode for the exit status and the --json envelope's status.
      process.exitCode = result.gate.exitCode;
    }
    if (flags.detail === 'full') return result;
    const { compactResult } = await import('../../review/compact.js');
    return compactResult(result);
  }

  /**
   * The gated review, keeping only the result (and the snapshot when one is saved): the model and graph
   * are not held while the report is rendered, the most memory-hungry moment on a large org.
   */
  private async review(config: ReviewConfig, gate: GateConfig, withSnapshot: boolean): Promise<{ result: ReviewResult; snapshot?: PermissionSnapshot; failures: CaughtFailure[] }> {
    const { gatedReview } = await import('../../review/gated-review.js');
    const reviewed = await gatedReview(config, gate);
    // resultCache is off with --save-snapshot, so the review ran and has its snapshot.
    return { result: reviewed.result, failures: reviewed.failures, ...(withSnapshot && reviewed.permissionSnapshot ? { snapshot: reviewed.permissionSnapshot() } : {}) };
  }

  private async accept(result: ReviewResult, fingerprint: string, details: { reason: string; owner: string; expires: string }, config: ReviewConfig): Promise<ReviewResult> {
    const finding = result.findings.find((candidate) => candidate.fingerprint === fingerprint);
    if (!finding) {
      const { inputError } = await import('../../load/errors.js');
      throw inputError(messages.getMessage('error.acceptNotFound', [fingerprint]), messages.getMessages('error.acceptNotFound.actions'), 'AcceptNotFound');
    }
    const { acceptFinding } = await import('../../gate/accept-command.js');
    const outcome = await acceptFinding({
      baseDir: config.baseDir,
      ...(config.policyFile ? { policyFile: config.policyFile } : {}),
      acceptance: { fingerprint, ...details },
      ...(config.asOf ? { asOf: config.asOf } : {}),
      finding,
    });
    this.info(messages.getMessage('info.accepted', [fingerprint, finding.ruleId, outcome.file, outcome.line, details.expires]));
    return result;
  }

  /** `--target-org`: retrieve the org's metadata and data into a folder the review reads. */
  private async retrieveOrg(org: Org, flags: OrgFlags, baseDir: string): Promise<Partial<ReviewConfig>> {
    const snapshot = await retrieveOrgWithProgress(this, org, flags, baseDir, (stage) => messages.getMessage('progress.stage', [stage]));
    const { assignmentsExport } = await import('../../org/index.js');
    if (snapshot.fromCache) this.info(messages.getMessage('info.fromCache', [snapshot.org.retrievedAt]));
    return { sourceDirs: [snapshot.sourceDir], assignments: assignmentsExport(snapshot), org: snapshot };
  }
}
