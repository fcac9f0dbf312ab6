import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/**
 * One line per problem, each with its full path: an unknown key is named on its own line with the nearest known
 * key (`providers.github.clientSecert: unknown key; did you mean clientSecret?`).
 */
export function problemLines(issues: readonly Issue[], schema: z.ZodType, prefix: Path = []): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, issue.path);
      for (const key of issue.keys) {
        lines.push(`${pathText([...prefix, ...issue.path, key])}: unknown key${didYouMean(key, known)}`);
      }
      continue;
    }
    lines.push(`${pathText([...prefix, ...issue.path])}: ${messageOf(issue)}`);
  }
  return lines;
}

export function pathText(path: Path): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

function messageOf(issue: Issue): string {
  // zod says "Invalid input: expected string, received undefined" for a key that is missing.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return 'required';
  return issue.message;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}

/** The keys an object schema at `path` knows, found by walking the schema itself. */
export function keysAt(schema: z.ZodType, path: Path): string[] {
  let at: z.ZodType | undefined = schema;
  for (const segment of path) {
    at = objectLike(at);
    const def = at && defOf(at);
    if (!def) return [];
    if (def.type === 'object') at = def.shape?.[String(segment)];
    else if (def.type === 'record') at = def.valueType;
    else if (def.type === 'array') at = def.element;
    else return [];
  }
  const found = objectLike(at);
  return found && defOf(found).type === 'object' ? Object.keys(defOf(found).shape ?? {}) : [];
}

/** Through the wrappers (default, optional, pipe, …) to the schema that holds keys or items. */
function objectLike(schema: z.ZodType | undefined): z.ZodType | undefined {
  let at = schema;
  for (let depth = 0; at && depth < 10; depth++) {
    const def = defOf(at);
    if (['object', 'record', 'array'].includes(def.type)) return at;
    at = def.innerType ?? def.in ?? def.options?.find((option) => defOf(option).type === 'object');
  }
  return undefined;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}
