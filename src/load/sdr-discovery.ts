import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import type { ParseIssue } from '../metadata/model.js';
import { type DiscoveredComponent, flattenComponents, messageOf, resolveWithSdr } from './discover.js';
import { isJunkFile, JUNK_MESSAGE, JUNK_TYPE } from './junk-files.js';
import { convertToSource, needsConversion } from './mdapi.js';
import { displayPath } from './paths.js';
import { appendAll } from '../shared/arrays.js';

/** One source folder through SDR: components in place, and mdapi-format ones converted in a temp folder. */
export async function discoverWithSdr(
  dir: string,
  base: string,
  issues: ParseIssue[],
  disposers: Array<() => void>,
): Promise<{ components: DiscoveredComponent[]; converted: boolean }> {
  const notJunk = (component: SourceComponent): boolean => {
    const junk = [component.xml, component.content].find((path) => path !== undefined && isJunkFile(path));
    if (junk) issues.push({ file: displayPath(base, junk), type: JUNK_TYPE, message: JUNK_MESSAGE });
    return junk === undefined;
  };
  const resolved = resolveWithSdr(dir, base, issues).filter(notJunk);
  const toConvert = resolved.filter(needsConversion);
  const inPlace = resolved.filter((component) => !needsConversion(component));
  // After flattening too: a decomposed object's children (its fields) can be backup copies themselves.
  const components = flattenComponents(inPlace).filter(notJunk).map((component) => inPlaceComponent(component, base));
  if (toConvert.length > 0) appendAll(components, await convertedComponents(toConvert, base, issues, disposers));
  return { components, converted: toConvert.length > 0 };
}

function inPlaceComponent(component: SourceComponent, base: string): DiscoveredComponent {
  const shown = component.xml ?? component.content ?? '';
  return {
    type: component.type.name,
    fullName: component.fullName,
    ...(component.xml !== undefined ? { xmlPath: component.xml } : {}),
    ...(component.content !== undefined ? { contentPath: component.content } : {}),
    file: displayPath(base, shown),
  };
}

async function convertedComponents(
  originals: SourceComponent[],
  base: string,
  issues: ParseIssue[],
  disposers: Array<() => void>,
): Promise<DiscoveredComponent[]> {
  const originalByKey = new Map(originals.map((component) => [`${component.type.name}:${component.fullName}`, component]));
  let converted: SourceComponent[];
  try {
    const result = await convertToSource(originals);
    disposers.push(result.dispose);
    converted = result.components;
  } catch {
    // One bad file fails SDR's whole conversion: convert one by one to name the culprit.
    converted = [];
    for (const original of originals) {
      try {
        const result = await convertToSource([original]);
        disposers.push(result.dispose);
        appendAll(converted, result.components);
      } catch (error) {
        issues.push({
          file: displayPath(base, original.xml ?? ''),
          type: original.type.name,
          message: `could not be converted from metadata API format: ${messageOf(error)}`,
        });
      }
    }
  }
  return flattenComponents(converted).map((component) => {
    const parentName = component.parent?.fullName ?? component.fullName.split('.')[0] ?? component.fullName;
    const parentType = component.parent?.type.name ?? component.parentType?.name ?? component.type.name;
    const original = originalByKey.get(`${parentType}:${parentName}`) ?? originalByKey.get(`${component.type.name}:${component.fullName}`);
    const originalPath = original?.xml ?? component.xml ?? '';
    const isChild = component.parent !== undefined || component.fullName.includes('.');
    const childName = component.fullName.slice(component.fullName.indexOf('.') + 1);
    return {
      type: component.type.name,
      fullName: component.fullName,
      xmlPath: component.xml,
      contentPath: component.content,
      file: displayPath(base, originalPath),
      anchor: isChild ? { path: originalPath, marker: `<fullName>${childName}</fullName>` } : { path: originalPath, marker: '' },
    };
  });
}
