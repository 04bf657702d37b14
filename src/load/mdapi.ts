import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter, type SourceComponent } from '@salesforce/source-deploy-retrieve';

/**
 * Metadata-API-format components whose source format splits them into child files (CustomObject
 * into fields, validation rules, ...). SDR only exposes those children after conversion, so they are
 * converted to source format in a temp folder. Other mdapi files have the same content in both
 * formats and are read in place.
 */
export function isMdapiFormat(component: SourceComponent): boolean {
  const xml = component.xml;
  return xml !== undefined && !xml.endsWith('-meta.xml');
}

export function needsConversion(component: SourceComponent): boolean {
  return isMdapiFormat(component) && component.type.strategies?.adapter === 'decomposed';
}

export type Converted = {
  components: SourceComponent[];
  /** Removes the temp folder. */
  dispose: () => void;
};

export async function convertToSource(components: SourceComponent[]): Promise<Converted> {
  const outputDirectory = mkdtempSync(join(tmpdir(), 'arch-review-mdapi-'));
  const dispose = (): void => rmSync(outputDirectory, { recursive: true, force: true });
  try {
    await new MetadataConverter().convert(new ComponentSet(components), 'source', {
      type: 'directory',
      outputDirectory,
      genUniqueDir: false,
    });
    return { components: ComponentSet.fromSource(outputDirectory).getSourceComponents().toArray(), dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
