import type { CheckResult } from '@microservices-backstage/plugin-microservices-common';
import type { LintReport, ServiceReport } from './createLintReport';
import type { SourceLocation } from './readCatalogFiles';

/** The statuses shown under a service, in this order; pass and not-applicable are not shown. */
const SHOWN_STATUSES: readonly CheckResult['status'][] = [
  'error',
  'fail',
  'warn',
  'exempt',
];
const INDENT = '          ';

const at = ({ file, line }: SourceLocation) => `${file}:${line}`;

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Continuation lines of a message indented under its first line. */
const indented = (text: string) => text.trim().split('\n').join(`\n${INDENT}`);

function formatCheck(check: CheckResult): string[] {
  const lines = [
    `  ${check.status.padEnd(7)} ${check.id} (${check.principle}, weight ${
      check.weight
    })`,
    `${INDENT}${indented(check.message)}`,
  ];
  if (check.exemption) {
    const { reason, expires } = check.exemption;
    lines.push(
      `${INDENT}waived${expires ? ` until ${expires}` : ''}: ${indented(
        reason,
      )}`,
    );
  }
  if (check.remediation.trim() !== '') {
    lines.push(`${INDENT}fix: ${indented(check.remediation)}`);
  }
  return lines;
}

function formatService(service: ServiceReport): string[] {
  const where = service.source ? `  (${at(service.source)})` : '';
  const lines = [
    `${service.passed ? 'PASS' : 'FAIL'} ${service.entityRef}  score ${
      service.score
    }  level ${service.level}${where}`,
  ];
  if (service.nextLevel) {
    const { level, missingChecks, scoreShortfall } = service.nextLevel;
    const needs = [
      ...(missingChecks.length > 0
        ? [`${plural(missingChecks.length, 'check')}: ${missingChecks.join(', ')}`]
        : []),
      ...(scoreShortfall > 0 ? [`${scoreShortfall} more points`] : []),
    ];
    lines.push(`${INDENT}to ${level}: ${needs.join('; ')}`);
  }
  for (const status of SHOWN_STATUSES) {
    for (const check of service.checks) {
      if (check.status === status) lines.push(...formatCheck(check));
    }
  }
  return lines;
}

function formatNotes(report: LintReport): string[] {
  const lines: string[] = [];
  if (report.configFile) {
    lines.push(`Configuration: ${report.configFile}`);
  }
  lines.push(...report.notes);
  for (const skipped of report.skippedLocations) {
    lines.push(
      `Skipped Location ${skipped.name} at ${at(
        skipped,
      )}: its targets are not followed (name the files or folders instead).`,
    );
  }
  for (const warning of report.warnings) {
    lines.push(
      `${at(warning.source)}: warning: ${warning.entityRef}: ${warning.message}`,
    );
  }
  for (const skipped of report.skippedFiles) {
    lines.push(`Skipped ${skipped.file}: ${skipped.reason}.`);
  }
  for (const duplicate of report.duplicateRefs) {
    lines.push(
      `${duplicate.entityRef} is defined ${plural(
        duplicate.sources.length,
        'time',
      )} (${duplicate.sources
        .map(at)
        .join(', ')}): only the first definition is evaluated.`,
    );
  }
  return lines;
}

function formatSummary(report: LintReport): string {
  const failed = report.services.filter(service => !service.passed).length;
  const bar =
    report.bar === 'fail-under'
      ? `bar: a score below ${report.failUnder} fails`
      : 'bar: a failing check fails the service; --fail-under N judges by score instead';
  const levels = new Map<string, number>();
  for (const service of report.services) {
    levels.set(service.level, (levels.get(service.level) ?? 0) + 1);
  }
  const levelCounts = [...levels]
    .map(([level, count]) => `${level} ${count}`)
    .join(', ');
  return (
    `${report.passed ? 'PASSED' : 'FAILED'}: ${plural(
      report.services.length,
      'service',
    )} in ${plural(report.files.length, 'file')}${
      report.contextFiles.length > 0
        ? ` (and ${plural(report.contextFiles.length, 'context file')})`
        : ''
    }: ` +
    `${report.services.length - failed} passed, ${failed} failed (${bar}). ` +
    `Levels: ${levelCounts}.`
  );
}

/**
 * The report for people: per service its ref, score and level, then its
 * failing, warning and exempt checks with message and remediation; notes on
 * what was skipped; a summary line.
 */
export function formatText(report: LintReport): string {
  const sections = [
    report.services
      .map(service => formatService(service).join('\n'))
      .join('\n'),
  ];
  const notes = formatNotes(report);
  if (notes.length > 0) {
    sections.push(notes.join('\n'));
  }
  sections.push(formatSummary(report));
  return `${sections.join('\n\n')}\n`;
}
