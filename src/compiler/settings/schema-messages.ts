/**
 * zod's issues in the words of someone writing YAML (`missing required key "title"`,
 * `"values" must be a list of numbers, got a string ("1, 2")`): a per-parse error map that
 * reads what was expected from the schema itself, so a new option needs no new message.
 */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

type Path = readonly PropertyKey[];

/** Singular and plural nouns for zod's basic types, as an author of YAML would say them. */
const NOUNS: Record<string, [string, string]> = {
  string: ['a string', 'strings'],
  number: ['a number', 'numbers'],
  int: ['a whole number', 'whole numbers'],
  boolean: ['true or false', 'true or false values'],
  date: ['a date', 'dates'],
  object: ['a mapping of keys to values', 'mappings'],
  record: ['a mapping of names to values', 'mappings'],
  array: ['a list', 'lists'],
};

export interface MessageOptions {
  /**
   * The path as the author wrote it, for naming the value: a key that a short form stands for
   * (`logo: x.svg` for `logo: { src: x.svg }`) is left out.
   */
  writtenPath?: (path: Path) => Path;
}

/**
 * The error map for `root`: `root.safeParse(value, { error: schemaMessages(root, 'a chart') })`.
 * `rootName` names the whole value when it is itself of the wrong kind.
 */
export function schemaMessages(root: z.ZodType, rootName: string, options: MessageOptions = {}): z.core.$ZodErrorMap {
  return (issue) => {
    const path: Path = issue.path ?? [];
    const schema = schemaAt(root, path);
    const what = path.length ? subject(options.writtenPath?.(path) ?? path) : rootName;
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined && path.length) return missingKey(path);
        return `${what} must be ${schema ? describe(schema) : NOUNS[issue.expected]?.[0] ?? issue.expected}, got ${shown(issue.input)}`;
      case 'invalid_union':
        if (issue.input === undefined && path.length) return missingKey(path);
        return `${what} must be ${schema ? describe(schema) : 'something else'}, got ${shown(issue.input)}`;
      case 'invalid_format':
      case 'custom':
        return `${what} must be ${schema ? describe(schema) : 'something else'}, got ${shown(issue.input)}`;
      case 'invalid_value':
        return `${what} must be ${schema ? describe(schema) : `one of ${issue.values.join(', ')}`}; got ${shown(issue.input, true)}`;
      case 'too_small':
        return issue.origin === 'string' && Number(issue.minimum) === 1
          ? `${what} must not be empty`
          : `${what} must be ${issue.inclusive ? 'at least' : 'more than'} ${bound(issue.minimum, issue.origin)}, got ${sizeOf(issue.input)}`;
      case 'too_big':
        return `${what} must be ${issue.inclusive ? 'at most' : 'less than'} ${bound(issue.maximum, issue.origin)}, got ${sizeOf(issue.input)}`;
      case 'unrecognized_keys':
        return issue.keys.map((key) => unknownKey(key, root, path)).join('; ');
      default:
        return undefined;
    }
  };
}

/**
 * `unknown key "colour" (did you mean "color"?)` for the object at `path` of `root`; a key that
 * belongs one level down is suggested with where it goes.
 */
export function unknownKey(key: string, root: z.ZodType, path: Path): string {
  const schema = schemaAt(root, path);
  const here = similarKey(key, schema ? keysOf(schema) : []);
  if (here) return `unknown key "${key}" (did you mean "${here}"?)`;
  const places = (schema ? nestedObjects(schema) : []).flatMap(({ name, each, keys }) => {
    const below = similarKey(key, keys);
    return below ? [{ below, place: `${each ? 'in each item of' : 'under'} "${name}"` }] : [];
  });
  const first = places[0];
  if (!first) return `unknown key "${key}"`;
  // A key of several nested objects (`color` of a series and of a line) names each.
  const where = places.filter((p) => p.below === first.below).map((p) => p.place);
  return `unknown key "${key}" (did you mean "${first.below}"? it belongs ${where.join(' or ')})`;
}

/** The known key `key` is most likely a typo of, if any is close enough. */
export function similarKey(key: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const lower = key.toLowerCase();
  const match = closest(lower, known.map((k) => k.toLowerCase()));
  const index = known.findIndex((k) => k.toLowerCase() === match);
  return distance(lower, match) <= Math.max(1, Math.ceil(key.length / 3)) ? known[index] : undefined;
}

/** The objects (or lists of objects) that an object schema holds, with their keys. */
function nestedObjects(schema: z.ZodType): { name: string; each: boolean; keys: string[] }[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject)) return [];
  return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([name, child]) => {
    const value = unwrap(child);
    const each = value instanceof z.ZodArray;
    const keys = keysOf(each ? (value.element as z.ZodType) : value);
    return keys.length ? [{ name, each, keys }] : [];
  });
}

function keysOf(schema: z.ZodType): string[] {
  const inner = unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** `path` up to the first value in `value` that is not a mapping or list (a short form written as a string). */
export function writtenPathIn(value: unknown, path: Path): Path {
  let node = value;
  for (let i = 0; i < path.length; i++) {
    if (node === null || typeof node !== 'object') return i === 0 ? path : path.slice(0, i);
    node = (node as Record<PropertyKey, unknown>)[path[i]!];
  }
  return path;
}

function missingKey(path: Path): string {
  const key = String(path[path.length - 1]);
  const parent = path.slice(0, -1);
  return `missing required key "${key}"${parent.length ? ` in ${subject(parent)}` : ''}`;
}

/** `"values"`, `"palette.brand"` or `item 2 of "values"`: the key as written, items counted from 1. */
function subject(path: Path): string {
  let end = path.length;
  const items: number[] = [];
  while (end > 0 && typeof path[end - 1] === 'number') items.unshift(path[--end] as number);
  let start = end;
  while (start > 0 && typeof path[start - 1] === 'string') start--;
  const key = `"${path.slice(start, end).map(String).join('.')}"`;
  return items.reduceRight((text, item) => `item ${item + 1} of ${text}`, key);
}

/** The schema that checks the value at `path`, found by walking objects, lists and records. */
function schemaAt(root: z.ZodType, path: Path): z.ZodType | undefined {
  let schema: z.ZodType | undefined = root;
  for (const segment of path) {
    const inner: z.ZodType = unwrap(schema!);
    if (inner instanceof z.ZodObject) schema = inner.shape[String(segment)] as z.ZodType | undefined;
    else if (inner instanceof z.ZodArray) schema = inner.element as z.ZodType;
    else if (inner instanceof z.ZodRecord) schema = inner.valueType as z.ZodType;
    else return undefined;
    if (!schema) return undefined;
  }
  return schema;
}

/** Looks through what does not change the expected kind: optional, default, transform, preprocess. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = pipeTarget(inner);
    else return inner;
  }
}

/** What a pipe checks: its input schema, or after a preprocessing step (`z.preprocess`) its output schema. */
function pipeTarget(pipe: z.ZodPipe): z.ZodType {
  return (pipe.in instanceof z.ZodTransform ? pipe.out : pipe.in) as z.ZodType;
}

/**
 * Keys of `value` that the object schemas of `schema` do not know, at any depth below the top
 * (z.object drops them silently): each with its path and the known key it probably is.
 */
export function unknownNestedKeys(schema: z.ZodType, value: unknown, path: readonly (string | number)[] = []): { path: (string | number)[]; key: string; like: string | undefined }[] {
  const inner = unwrap(schema);
  if (!(inner instanceof z.ZodObject) || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = Object.keys(shape);
  return Object.entries(value).flatMap(([key, child]) =>
    shape[key] ? unknownNestedKeys(shape[key], child, [...path, key]) : [{ path: [...path, key], key, like: similarKey(key, known) }],
  );
}

/** What `schema` expects, from its own description (`.describe(…)`) or its kind. */
function describe(schema: z.ZodType, plural = false): string {
  let inner = schema;
  for (;;) {
    if (inner.description && !plural) return inner.description;
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodPipe) inner = pipeTarget(inner);
    else break;
  }
  const noun = (kind: string) => NOUNS[kind]![plural ? 1 : 0];
  if (inner instanceof z.ZodNullable) return `${describe(inner.unwrap() as z.ZodType, plural)} or ${plural ? 'nulls' : 'null'}`;
  if (inner instanceof z.ZodEnum) return `one of ${inner.options.join(', ')}`;
  if (inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).map((option) => describe(option, plural)).join(' or ');
  if (inner instanceof z.ZodArray) return plural ? noun('array') : `a list of ${describe(inner.element as z.ZodType, true)}`;
  if (inner instanceof z.ZodNumber) return noun(inner.isInt ? 'int' : 'number');
  const kind = inner._zod.def.type;
  return NOUNS[kind] ? noun(kind) : kind;
}

/** The value an author wrote, as a message quotes it (`bare`: a string without saying it is one). */
function shown(input: unknown, bare = false): string {
  if (input === undefined) return 'nothing';
  if (input === null) return 'an empty value';
  if (typeof input === 'string') {
    const quoted = JSON.stringify(input.length > 40 ? `${input.slice(0, 39)}…` : input);
    return bare ? quoted : `a string (${quoted})`;
  }
  if (typeof input === 'number' || typeof input === 'boolean') return String(input);
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return 'a date';
  return 'a mapping';
}

function bound(limit: unknown, origin: string): string {
  if (origin === 'string') return `${String(limit)} characters`;
  if (origin === 'array') return `${String(limit)} entries`;
  return String(limit);
}

function sizeOf(input: unknown): string {
  if (typeof input === 'string') return `${input.length}`;
  if (Array.isArray(input)) return `${input.length}`;
  return String(input);
}
