// The Metadata API's profile quirk: a retrieved Profile holds only the permissions for components
// retrieved with it. Field, object and class permissions for anything else are left out.

export type RetrievedNames = { objects: Set<string>; classes: Set<string> };

const BLOCKS: Array<{ element: string; key: string; keep: (value: string, names: RetrievedNames) => boolean }> = [
  { element: 'fieldPermissions', key: 'field', keep: (field, names) => names.objects.has(field.split('.')[0] ?? '') },
  { element: 'objectPermissions', key: 'object', keep: (object, names) => names.objects.has(object) },
  { element: 'classAccesses', key: 'apexClass', keep: (apexClass, names) => names.classes.has(apexClass) },
];

export function trimProfile(xml: string, names: RetrievedNames): string {
  let out = xml;
  for (const { element, key, keep } of BLOCKS) {
    const block = new RegExp(`[ \\t]*<${element}>([\\s\\S]*?)</${element}>\\n?`, 'g');
    out = out.replace(block, (whole, inner: string) => {
      const value = new RegExp(`<${key}>([^<]*)</${key}>`).exec(inner)?.[1] ?? '';
      return keep(value, names) ? whole : '';
    });
  }
  return out;
}
