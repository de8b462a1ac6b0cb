/*
 * A quick structural scan of an API definition for its security scheme names, so that the
 * common case (an OpenAPI/AsyncAPI document in plain block YAML, or JSON) needs no full YAML
 * parse. It reads only the top-level keys and the `components.securitySchemes` and
 * `securityDefinitions` mappings; anything there it cannot read with certainty (flow style
 * spanning lines, anchors, tags, complex keys, several documents, duplicates) gives
 * `undefined`, and the caller parses the document fully. What it does not look at (the rest
 * of the document) is not validated: a definition with a YAML error deep inside its paths is
 * judged by the schemes it declares, where a full parse would call it unreadable.
 */

const KEY = /^([A-Za-z_$][\w$.-]*|"[^"\\]*"|'[^']*')[ \t]*:(?:[ \t]+(.*))?$/;

interface Line {
  indent: number;
  key?: string;
  /** The value after `key:`, comment stripped; '' when none. */
  value?: string;
  /** Not a `key:` line: a sequence item, a scalar continuation... */
  other: boolean;
}

function readLine(raw: string): Line | undefined {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  let indent = 0;
  while (line.charCodeAt(indent) === 32) indent++;
  if (indent === line.length || line[indent] === '#') return undefined; // blank or comment
  if (line[indent] === '\t') return { indent, other: true };
  const match = KEY.exec(line.slice(indent));
  if (!match) return { indent, other: true };
  let value = (match[2] ?? '').trim();
  if (value.startsWith('#')) value = '';
  const key = match[1].replace(/^["']|["']$/g, '');
  return { indent, key, value, other: false };
}

/**
 * A value the scan cannot follow: anchors, aliases, tags, reserved indicators, and flow
 * collections or quoted scalars not closed on their line (they may continue on lines that
 * would look like keys).
 */
function unreadable(value: string): boolean {
  if (/^[&*!@`%]/.test(value)) return true;
  if (/^["']/.test(value)) {
    const quote = value[0];
    return value.length < 2 || !value.slice(1).replace(/\\./g, '').includes(quote);
  }
  if (/^[[{]/.test(value)) {
    let depth = 0;
    for (const c of value.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '')) {
      if (c === '[' || c === '{') depth++;
      if (c === ']' || c === '}') depth--;
    }
    return depth !== 0;
  }
  return false;
}

/**
 * The keys of the mapping that starts after `lines[start]` (indent `parentIndent`), or
 * undefined when the scan cannot be sure of them. Stops at the first line at or left of the
 * parent's indent.
 */
function childKeys(
  lines: Array<Line | undefined>,
  start: number,
  parentIndent: number,
): { keys: string[]; at: number[] } | undefined {
  let childIndent = -1;
  const keys: string[] = [];
  const at: number[] = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.indent <= parentIndent) break;
    if (childIndent < 0) childIndent = line.indent;
    if (line.indent < childIndent) return undefined; // odd indentation
    if (line.indent > childIndent) continue; // inside a child's value
    if (line.other || line.key === '<<' || unreadable(line.value!)) return undefined;
    if (keys.includes(line.key!)) return undefined; // a duplicate: the parser refuses it
    keys.push(line.key!);
    at.push(i);
  }
  return { keys, at };
}

/**
 * The security scheme names a definition declares (`components.securitySchemes`, then
 * Swagger 2 `securityDefinitions`), in document order, possibly none; undefined when the
 * scan cannot tell for sure.
 */
export function scanSecuritySchemes(text: string): string[] | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return schemesOfObject(JSON.parse(trimmed));
    } catch {
      return undefined;
    }
  }
  const raw = text.split('\n');
  const lines = raw.map(readLine);
  const topLevel = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.indent > 0) continue;
    if (raw[i].startsWith('---') || raw[i].startsWith('...')) {
      // A document marker is fine only before any content: one document.
      if (topLevel.size > 0) return undefined;
      continue;
    }
    if (line.other || unreadable(line.value!)) return undefined;
    if (topLevel.has(line.key!)) return undefined;
    topLevel.set(line.key!, i);
  }
  if (topLevel.size === 0) return undefined; // empty: not a mapping
  const found: string[] = [];
  const components = topLevel.get('components');
  if (components !== undefined) {
    if (lines[components]!.value !== '') return undefined;
    const children = childKeys(lines, components, 0);
    if (!children) return undefined;
    const index = children.keys.indexOf('securitySchemes');
    if (index >= 0) {
      const line = children.at[index];
      if (lines[line]!.value !== '') return undefined;
      const schemes = childKeys(lines, line, lines[line]!.indent);
      if (!schemes) return undefined;
      found.push(...schemes.keys);
    }
  }
  const definitions = topLevel.get('securityDefinitions');
  if (definitions !== undefined) {
    if (lines[definitions]!.value !== '') return undefined;
    const schemes = childKeys(lines, definitions, 0);
    if (!schemes) return undefined;
    found.push(...schemes.keys);
  }
  // Every top-level line was readable: finding none is certain.
  return found;
}

function schemesOfObject(document: unknown): string[] | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(document)) return undefined;
  const components = isObject(document.components) ? document.components : {};
  return [components.securitySchemes, document.securityDefinitions].flatMap(value =>
    isObject(value) ? Object.keys(value) : [],
  );
}
