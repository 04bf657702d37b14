// The SOAP Metadata API calls that SDR and the retrieval make: describeMetadata, listMetadata,
// retrieve and checkRetrieveStatus (InProgress first, then a base64 zip).
import JSZip from 'jszip';
import { RegistryAccess } from '@salesforce/source-deploy-retrieve';
import type { MetadataStore, StoredComponent } from './metadata-store.js';
import { trimProfile } from './profile-quirk.js';
import { asArray, soapFault, soapResponse, type SoapCall } from './soap.js';

export type ComponentFailure = { type: string; fullName: string; problem: string };

export type MetadataApiSettings = {
  /** checkRetrieveStatus answers InProgress this many times before the result (default 1). */
  inProgressPolls: number;
  /** A retrieve of more files ends Failed with LIMIT_EXCEEDED, like the real 10,000-file limit. */
  maxFilesPerRetrieve: number;
  /** Components the retrieve leaves out, each with a message in the result. */
  componentFailures: ComponentFailure[];
  /** Every retrieve stays InProgress (for poll timeouts). */
  neverFinish: boolean;
  /** Types describeMetadata leaves out, as an org of an older release or edition does. */
  unofferedTypes?: string[];
};

export type SoapAnswer = { status: number; body: string };

type Job = { id: string; polls: number; result: Record<string, unknown> };

const registry = new RegistryAccess();

export class MetadataApi {
  private readonly jobs = new Map<string, Job>();
  private nextJob = 1;
  /** Every retrieve request received: its members by type (for asserting batches). */
  public readonly retrieves: Array<Record<string, string[]>> = [];

  public constructor(
    private readonly store: MetadataStore,
    /** Change it between runs to inject component failures or endless retrieves. */
    public readonly settings: MetadataApiSettings,
  ) {}

  public async handle(call: SoapCall): Promise<SoapAnswer> {
    switch (call.action) {
      case 'describeMetadata':
        return ok(soapResponse('describeMetadata', this.describe()));
      case 'listMetadata':
        return this.listMetadata(call.args);
      case 'retrieve':
        return ok(soapResponse('retrieve', await this.retrieve(call.args)));
      case 'checkRetrieveStatus':
        return this.checkRetrieveStatus(String(call.args.asyncProcessId ?? ''));
      default:
        return { status: 500, body: soapFault('INVALID_OPERATION', `The fake org does not implement ${call.action}`) };
    }
  }

  private describe(): Record<string, unknown> {
    const metadataObjects = this.store.types().map((name) => {
      const type = registry.getTypeByName(name);
      return {
        directoryName: type.directoryName,
        inFolder: String(type.inFolder ?? false),
        metaFile: String(Boolean(type.strategies?.adapter === 'matchingContentFile')),
        suffix: type.suffix,
        xmlName: type.name,
      };
    });
    // Types the org has but the sample does not use.
    for (const name of ['FlowDefinition', 'DuplicateRule', 'MatchingRules', 'AssignmentRules', 'AutoResponseRules', 'EscalationRules', 'PermissionSetGroup', 'MutingPermissionSet', 'Workflow']) {
      if (!metadataObjects.some((object) => object.xmlName === name)) {
        const type = registry.getTypeByName(name);
        metadataObjects.push({ directoryName: type.directoryName, inFolder: 'false', metaFile: 'false', suffix: type.suffix, xmlName: name });
      }
    }
    const unoffered = new Set(this.settings.unofferedTypes ?? []);
    return {
      metadataObjects: metadataObjects.filter((object) => !unoffered.has(object.xmlName)),
      organizationNamespace: '',
      partialSaveAllowed: 'true',
      testRequired: 'false',
    };
  }

  private listMetadata(args: Record<string, unknown>): SoapAnswer {
    const queries = asArray(args.queries as Array<{ type?: string; folder?: string }> | undefined);
    if (queries.length > 3) return { status: 500, body: soapFault('INVALID_ARGUMENT', 'listMetadata accepts at most 3 queries') };
    const results = queries.flatMap((query) => {
      const type = String(query.type ?? '');
      // In-folder types list nothing without a folder, as in a real org.
      if (registry.getTypeByName(type).inFolder && type !== 'EmailFolder' && query.folder === undefined) return [];
      return this.store.list(type, query.folder === undefined ? undefined : String(query.folder)).map((component) => fileProperties(component));
    });
    return ok(soapResponse('listMetadata', results));
  }

  private async retrieve(args: Record<string, unknown>): Promise<Record<string, unknown>> {
    const request = (args.request ?? {}) as { unpackaged?: { types?: unknown }; singlePackage?: string; apiVersion?: string };
    const types = asArray(request.unpackaged?.types as Array<{ name?: string; members?: string | string[] }> | undefined);
    const requested: Record<string, string[]> = {};
    for (const entry of types) requested[String(entry.name)] = asArray(entry.members).map(String);
    this.retrieves.push(requested);
    const id = `09S${String(this.nextJob++).padStart(12, '0')}`;
    this.jobs.set(id, { id, polls: 0, result: await this.buildResult(id, requested, request.singlePackage === 'true', request.apiVersion ?? '62.0') });
    return { done: 'false', id, state: 'Queued' };
  }

  private checkRetrieveStatus(id: string): SoapAnswer {
    const job = this.jobs.get(id);
    if (!job) return { status: 500, body: soapFault('INVALID_ID_FIELD', `Retrieve result has been deleted or does not exist: ${id}`) };
    job.polls += 1;
    if (this.settings.neverFinish || job.polls <= this.settings.inProgressPolls) {
      return ok(soapResponse('checkRetrieveStatus', { done: 'false', id, status: 'InProgress', success: 'false' }));
    }
    return ok(soapResponse('checkRetrieveStatus', job.result));
  }

  /** A package.xml names folders under their content type (EmailTemplate: Acme_Finance), as SDR writes it. */
  private findMember(type: string, member: string): StoredComponent | undefined {
    const found = this.store.find(type, member);
    if (found) return found;
    const folderType = registry.getTypeByName(type).folderType;
    return folderType ? this.store.find(registry.getTypeByName(folderType).name, member) : undefined;
  }

  private async buildResult(id: string, requested: Record<string, string[]>, singlePackage: boolean, apiVersion: string): Promise<Record<string, unknown>> {
    const served: StoredComponent[] = [];
    const messages: Array<{ fileName: string; problem: string }> = [];
    for (const [type, members] of Object.entries(requested)) {
      for (const member of members) {
        const matched = member === '*' ? this.store.list(type).filter((component) => wildcardCovers(component)) : [this.findMember(type, member)];
        if (matched[0] === undefined && member !== '*') {
          messages.push({ fileName: 'package.xml', problem: `Entity of type '${type}' named '${member}' cannot be found` });
          continue;
        }
        for (const component of matched) {
          if (!component) continue;
          const failure = this.settings.componentFailures.find((one) => one.type === type && one.fullName === component.fullName);
          if (failure) messages.push({ fileName: component.files[0] ?? 'package.xml', problem: failure.problem });
          else served.push(component);
        }
      }
    }
    const files = served.flatMap((component) => component.files);
    if (files.length > this.settings.maxFilesPerRetrieve) {
      return {
        done: 'true',
        id,
        status: 'Failed',
        success: 'false',
        errorStatusCode: 'LIMIT_EXCEEDED',
        errorMessage: `LIMIT_EXCEEDED: Too many files in the retrieve: ${files.length} (the limit is ${this.settings.maxFilesPerRetrieve})`,
      };
    }
    const names = {
      objects: new Set(served.filter((component) => component.type === 'CustomObject').map((component) => component.fullName)),
      classes: new Set(served.filter((component) => component.type === 'ApexClass').map((component) => component.fullName)),
    };
    const zip = new JSZip();
    const prefix = singlePackage ? '' : 'unpackaged/';
    for (const component of served) {
      for (const file of component.files) {
        const text = this.store.read(file);
        zip.file(`${prefix}${file}`, component.type === 'Profile' && file.endsWith('.profile') ? trimProfile(text, names) : text);
      }
    }
    zip.file(`${prefix}package.xml`, packageXml(served, apiVersion));
    const zipFile = await zip.generateAsync({ type: 'base64', compression: 'DEFLATE' });
    return {
      done: 'true',
      fileProperties: served.map((component) => fileProperties(component)),
      id,
      messages,
      status: 'Succeeded',
      success: 'true',
      zipFile,
    };
  }
}

function packageXml(components: StoredComponent[], apiVersion: string): string {
  const byType = new Map<string, string[]>();
  for (const component of components) byType.set(component.type, [...(byType.get(component.type) ?? []), component.fullName]);
  const types = [...byType.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, members]) => `    <types>\n${members.sort().map((member) => `        <members>${member}</members>\n`).join('')}        <name>${name}</name>\n    </types>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${types}    <version>${apiVersion}</version>\n</Package>\n`;
}

function ok(body: string): SoapAnswer {
  return { status: 200, body };
}

/** `*` covers custom objects only; standard objects must be named, as in a real org. */
function wildcardCovers(component: StoredComponent): boolean {
  if (component.manageableState === 'installed') return false;
  return component.type !== 'CustomObject' || component.fullName.includes('__');
}

function fileProperties(component: StoredComponent): Record<string, unknown> {
  return {
    createdById: '005000000000001AAA',
    createdByName: 'Fake Admin',
    createdDate: '2025-01-01T00:00:00.000Z',
    fileName: component.files[0] ?? '',
    fullName: component.fullName,
    id: '000000000000000AAA',
    lastModifiedById: '005000000000001AAA',
    lastModifiedByName: 'Fake Admin',
    lastModifiedDate: '2025-01-01T00:00:00.000Z',
    manageableState: component.manageableState,
    ...(component.namespacePrefix ? { namespacePrefix: component.namespacePrefix } : {}),
    type: component.type,
  };
}
