// The fake org's metadata: a metadata-API-format folder, indexed the way listMetadata and retrieve see it.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';

export type StoredComponent = {
  type: string;
  fullName: string;
  /** Paths inside the metadata-API folder, `/`-separated (what goes in the retrieve zip). */
  files: string[];
  namespacePrefix?: string;
  manageableState: 'unmanaged' | 'installed';
  /** Folder of an in-folder type (EmailTemplate): listMetadata needs it, like the real API. */
  folder?: string;
};

export class MetadataStore {
  private readonly byType = new Map<string, StoredComponent[]>();

  public constructor(
    public readonly root: string,
    components: StoredComponent[],
  ) {
    for (const component of components) this.add(component);
  }

  /** Converts a source-format folder (the sample's force-app) to metadata API format in a temp folder. */
  public static async fromSource(sourceDir: string): Promise<MetadataStore> {
    const root = mkdtempSync(join(tmpdir(), 'fake-org-mdapi-'));
    await new MetadataConverter().convert(ComponentSet.fromSource(sourceDir), 'metadata', {
      type: 'directory',
      outputDirectory: root,
      genUniqueDir: false,
    });
    return MetadataStore.fromMetadataFolder(root);
  }

  public static fromMetadataFolder(root: string): MetadataStore {
    const components = ComponentSet.fromSource(root)
      .getSourceComponents()
      .toArray()
      .map((component): StoredComponent => {
        const files = [component.xml, ...(component.content ? [...component.walkContent()] : [])]
          .filter((file): file is string => file !== undefined)
          .map((file) => relative(root, file).split(sep).join('/'));
        const folder = component.type.inFolder ? component.fullName.split('/')[0] : undefined;
        return { type: component.type.name, fullName: component.fullName, files, manageableState: 'unmanaged', ...(folder ? { folder } : {}) };
      });
    return new MetadataStore(root, components);
  }

  public add(component: StoredComponent): void {
    const list = this.byType.get(component.type) ?? [];
    list.push(component);
    this.byType.set(component.type, list);
  }

  public remove(type: string, fullName: string): void {
    this.byType.set(type, this.list(type).filter((component) => component.fullName !== fullName));
  }

  public types(): string[] {
    return [...this.byType.keys()].sort();
  }

  public list(type: string, folder?: string): StoredComponent[] {
    const all = this.byType.get(type) ?? [];
    return folder === undefined ? all : all.filter((component) => component.folder === folder);
  }

  public find(type: string, fullName: string): StoredComponent | undefined {
    return this.list(type).find((component) => component.fullName === fullName);
  }

  public read(file: string): string {
    return readFileSync(join(this.root, file), 'utf8');
  }
}
