// Comparing API reports without their member order. api-extractor prints the members of
// inferred types (unions of a blueprint's outputs, a zod schema's object type) in the order the
// compiler happened to create them, which differs between two runs on the same sources; only
// the lines themselves say what the API is.
import fs from 'node:fs';
import path from 'node:path';

/** The report files (`report.api.md`, `report-alpha.api.md`, ...) of each package folder. */
export function findReports(root, packageDirs) {
  return packageDirs.flatMap(dir =>
    fs
      .readdirSync(path.join(root, dir))
      .filter(name => /^report(-[\w-]+)?\.api\.md$/.test(name))
      .map(name => path.join(dir, name)),
  );
}

/** A report's lines as a sorted list: the same API gives the same list whatever the order. */
export function canonicalReport(text) {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map(line => line.trimEnd())
    .filter(line => line !== '')
    .sort();
}

/**
 * Lines only in the committed report (`removed`) and only in the regenerated one (`added`),
 * as multisets; both empty when the two say the same API.
 */
export function compareReports(committed, regenerated) {
  const counts = new Map();
  for (const line of canonicalReport(committed))
    counts.set(line, (counts.get(line) ?? 0) + 1);
  const added = [];
  for (const line of canonicalReport(regenerated)) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else added.push(line);
  }
  const removed = [...counts].flatMap(([line, n]) => Array(n).fill(line));
  return { added, removed };
}
