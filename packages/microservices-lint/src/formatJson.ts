import { toCheckResultJson } from '@microservices-backstage/plugin-microservices-common';
import type { LintReport } from './createLintReport';

/**
 * The report for machines:
 * `{"services":[{"entityRef","score","level","nextLevel","passed","source","warnings","checks":[{"id","principle","status","message","remediation",...}]}],"summary":{...},"warnings":[{"entityRef","source","message"}],...}`.
 * The names of `services` and their `checks` are a contract; fields may be added.
 */
export function formatJson(report: LintReport): string {
  return [...formatJsonChunks(report)].join('');
}

/**
 * formatJson's text in pieces, a service at a time, so that a report of any size can be
 * written without ever being one string (60,000 services are more than the longest string
 * V8 allows). Joined, the pieces are exactly formatJson's text.
 */
export function* formatJsonChunks(report: LintReport): Generator<string> {
  const { services, ...rest } = jsonOutput(report);
  yield '{\n  "services": [';
  for (let i = 0; i < services.length; i++) {
    const service = JSON.stringify(services[i], null, 2).replace(
      /\n/g,
      '\n    ',
    );
    yield `${i > 0 ? ',' : ''}\n    ${service}`;
  }
  yield services.length > 0 ? '\n  ],\n' : '],\n';
  // The other fields, as JSON.stringify indents them one level down.
  yield `${JSON.stringify(rest, null, 2).slice(2)}\n`;
}

function jsonOutput(report: LintReport) {
  const failed = report.services.filter(service => !service.passed).length;
  const output = {
    services: report.services.map(service => ({
      entityRef: service.entityRef,
      score: service.score,
      level: service.level,
      nextLevel: service.nextLevel ?? null,
      passed: service.passed,
      source: service.source ?? null,
      warnings: service.warnings,
      checks: service.checks.map(toCheckResultJson),
    })),
    summary: {
      passed: report.passed,
      bar: report.bar,
      failUnder: report.failUnder ?? null,
      services: report.services.length,
      passedServices: report.services.length - failed,
      failedServices: failed,
      files: report.files.length,
      contextFiles: report.contextFiles.length,
      entities: report.entityCount,
    },
    warnings: report.warnings,
    cycles: report.cycles,
    duplicateRefs: report.duplicateRefs,
    skipped: {
      files: report.skippedFiles,
      locations: report.skippedLocations,
    },
    configFile: report.configFile ?? null,
    notes: report.notes,
  };
  return output;
}
