/**
 * Declared Apex types: a small structural form of a type reference (`Map<Id, Account>`), built from
 * the parse tree, and the questions the extractors ask of it (element type, SObject type, built-in?).
 */
import type { CreatedNameContext, TypeRefContext } from '@apexdevtools/apex-parser';
import { isBuiltinTypeName, isSObjectTypeName } from './known-types.js';
import { opt, type SourceText } from './syntax.js';

export type TypeRef = {
  /** Dotted name as written: `List`, `Account`, `Database.SaveResult`. */
  name: string;
  args: TypeRef[];
  /** `Account[]` */
  array: boolean;
};

export const UNKNOWN_SOBJECT = 'unknown';

export function simpleType(name: string, args: TypeRef[] = []): TypeRef {
  return { name, args, array: false };
}

export function listOf(element: TypeRef): TypeRef {
  return simpleType('List', [element]);
}

/** `List<Account>` from a typeRef node. */
export function typeFromTypeRef(node: TypeRefContext, src: SourceText): TypeRef {
  const names = node.typeName_list();
  const parts: string[] = [];
  let args: TypeRef[] = [];
  for (const typeName of names) {
    const id = opt(typeName.id());
    if (id) parts.push(src.text(id));
    else if (opt(typeName.LIST())) parts.push('List');
    else if (opt(typeName.SET())) parts.push('Set');
    else if (opt(typeName.MAP())) parts.push('Map');
    const typeArguments = opt(typeName.typeArguments());
    const list = typeArguments ? opt(typeArguments.typeList()) : null;
    args = list ? list.typeRef_list().map((arg) => typeFromTypeRef(arg, src)) : [];
  }
  const subscripts = opt(node.arraySubscripts());
  const array = Boolean(subscripts && subscripts.LBRACK_list().length > 0);
  return { name: parts.join('.'), args, array };
}

/** `new List<Account>` / `new Account` / `new Outer.Inner`: the created type. */
export function typeFromCreatedName(node: CreatedNameContext, src: SourceText): TypeRef {
  const parts: string[] = [];
  let args: TypeRef[] = [];
  for (const pair of node.idCreatedNamePair_list()) {
    parts.push(src.text(pair.anyId()));
    const list = opt(pair.typeList());
    args = list ? list.typeRef_list().map((arg) => typeFromTypeRef(arg, src)) : [];
  }
  return { name: parts.join('.'), args, array: false };
}

/** Compact text of a type: `Map<Id,Account>`, `Account[]`. */
export function typeText(type: TypeRef): string {
  const args = type.args.length > 0 ? `<${type.args.map(typeText).join(',')}>` : '';
  return `${type.name}${args}${type.array ? '[]' : ''}`;
}

/** Lower-case name without the `System.`/`Schema.` namespace. */
export function baseName(type: TypeRef | string): string {
  const name = (typeof type === 'string' ? type : type.name).toLowerCase();
  if (name.startsWith('system.')) return name.slice(7);
  if (name.startsWith('schema.')) return name.slice(7);
  return name;
}

/** Element type of a List, Set, Iterable or array. Undefined for anything else. */
export function elementType(type: TypeRef | undefined): TypeRef | undefined {
  if (!type) return undefined;
  if (type.array) return { ...type, array: false };
  const base = baseName(type);
  if (base === 'list' || base === 'set' || base === 'iterable' || base === 'iterator') return type.args[0];
  return undefined;
}

/** Key and value types of a Map. */
export function mapTypes(type: TypeRef | undefined): { key?: TypeRef; value?: TypeRef } | undefined {
  if (!type || type.array || baseName(type) !== 'map') return undefined;
  return { key: type.args[0], value: type.args[1] };
}

/**
 * The SObject API name of a single-record type (`Account`, `Schema.Invoice__c`), `unknown` for the
 * generic SObject. Undefined when the type is not a record type at all (String, List, Apex classes).
 */
export function recordSObjectType(type: TypeRef | undefined): string | undefined {
  if (!type || type.array || type.args.length > 0) return undefined;
  const base = baseName(type);
  if (base === 'sobject') return UNKNOWN_SOBJECT;
  if (!isSObjectTypeName(type.name)) return undefined;
  return stripSchema(type.name);
}

/**
 * The SObject type a DML target or a published event carries: the type itself, or the element type of
 * a collection or array. The declared name is trusted as an SObject even when it is not a known one
 * (a DML target can only be an SObject). `unknown` when nothing is known.
 */
export function dmlSObjectType(type: TypeRef | undefined): string {
  if (!type) return UNKNOWN_SOBJECT;
  const element = elementType(type);
  const single = element ?? type;
  if (single.array || single.args.length > 0) return UNKNOWN_SOBJECT;
  const base = baseName(single);
  if (base === 'sobject' || base === 'object' || isBuiltinTypeName(single.name)) return UNKNOWN_SOBJECT;
  return stripSchema(single.name);
}

/** Built-in (primitive, collection, system) or a record type: never an Apex class of the org. */
export function isNonClassType(type: TypeRef): boolean {
  if (type.array || type.args.length > 0) return true;
  return isBuiltinTypeName(type.name) || isSObjectTypeName(type.name) || baseName(type) === 'sobject';
}

function stripSchema(name: string): string {
  return name.toLowerCase().startsWith('schema.') ? name.slice(7) : name;
}
