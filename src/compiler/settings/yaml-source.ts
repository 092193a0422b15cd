/**
 * Parses a YAML chunk of a file and answers "which file line holds this key?",
 * so every diagnostic can point at the offending key rather than the block.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

export interface YamlSource {
  doc: Document;
  value: unknown;
  /** Parse errors as 1-based file lines with messages. */
  errors: { line: number; message: string }[];
  /** 1-based file line of the deepest existing node on `path` (its key where it has one). */
  lineOf(path: readonly PropertyKey[]): number;
}

export function parseYamlSource(text: string, firstLine: number): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
  }));

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? toFileLine((node as Node).range![0]) : firstLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const key = pair.key as Node;
        if (key.range) line = toFileLine(key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as Node | undefined;
        if (!item) break;
        if (item.range) line = toFileLine(item.range[0]);
        node = item;
      } else {
        break;
      }
    }
    return line;
  };

  let value: unknown;
  if (errors.length === 0) {
    try {
      value = doc.toJS();
    } catch (error) {
      // An alias to no anchor (`*name`) or too many aliases: found only when converting.
      let line = firstLine;
      visit(doc, {
        Alias(_, alias) {
          if (alias.range && !alias.resolve(doc)) {
            line = toFileLine(alias.range[0]);
            return visit.BREAK;
          }
          return undefined;
        },
      });
      errors.push({ line, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { doc, value, errors, lineOf };
}
