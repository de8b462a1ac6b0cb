/* eslint-disable no-console */
/*
 * The shared shape of `npm run bench`'s sections: each prints its table and writes
 * bench-results/<section>.json as { section, title, columns, rows, notes, data }.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../..',
);
export const resultsDir = path.join(repoRoot, 'bench-results');

/** The machine the numbers were measured on, and how loaded it was at that moment. */
export function machine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map(l => Number(l.toFixed(2))),
  };
}

export const loadAverageText = () =>
  os
    .loadavg()
    .map(l => l.toFixed(1))
    .join(' / ');

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

/** p50 / p95 / p99, min and max of a list of timings. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? null,
    max: sorted[sorted.length - 1] ?? null,
  };
}

export const round = (value, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? null
    : Number(value.toFixed(digits));

/** A table as aligned text: first column left, the others right. */
export function formatTable(columns, rows) {
  const text = cell =>
    cell === null || cell === undefined ? '–' : String(cell);
  const widths = columns.map((c, i) =>
    Math.max(c.length, ...rows.map(r => text(r[i]).length)),
  );
  const line = cells =>
    cells
      .map((c, i) =>
        i === 0 ? text(c).padEnd(widths[i]) : text(c).padStart(widths[i]),
      )
      .join('  ');
  return [
    line(columns),
    line(widths.map(w => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}

/** A table in Markdown, numbers right-aligned. */
export function markdownTable(columns, rows) {
  const text = cell =>
    cell === null || cell === undefined
      ? '–'
      : String(cell).replace(/\|/g, '\\|');
  const numeric = columns.map(
    (_, i) =>
      rows.length > 0 &&
      rows.every(r => typeof r[i] === 'number' || r[i] === null),
  );
  return [
    `| ${columns.join(' | ')} |`,
    `|${numeric.map(n => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map(r => `| ${columns.map((_, i) => text(r[i])).join(' | ')} |`),
  ].join('\n');
}

/** Prints the section's table and notes, and writes bench-results/<section>.json. */
export function writeSection(result) {
  console.log(`\n${result.title}\n${formatTable(result.columns, result.rows)}`);
  for (const note of result.notes) console.log(`  - ${note}`);
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${result.section}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`written to ${path.relative(repoRoot, file)}`);
}
