// Helpers for the tests that keep every language's bundle in step with zh-CN.

/** Every leaf of a translation bundle as a dotted path ("errors.notFoundTitle"). */
export function keyPaths(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    return typeof value === "object" && value !== null ? keyPaths(value, `${path}.`) : [path];
  });
}

export function textAt(tree: object, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined),
      tree,
    );
}

/** The `{{name}}` placeholders of a text, sorted, so two languages can be compared. */
export function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? "").sort();
}
