import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';

/** An action context built by hand (no scaffolder-node-test-utils in this release set). */
export function createActionContext<TInput extends JsonObject>(
  input: TInput,
  options: { workspacePath: string; isDryRun?: boolean },
) {
  const outputs: Record<string, unknown> = {};
  const lines: string[] = [];
  const logger = mockServices.logger.mock();
  for (const level of ['info', 'warn', 'error', 'debug'] as const) {
    logger[level].mockImplementation((message: string) => {
      lines.push(`${level}: ${message}`);
    });
  }
  const ctx = {
    input,
    workspacePath: options.workspacePath,
    isDryRun: options.isDryRun,
    logger,
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    checkpoint: async ({ fn }: { fn: () => unknown }) => fn(),
    createTemporaryDirectory: async () => options.workspacePath,
    getInitiatorCredentials: async () =>
      mockCredentials.user('user:default/alice'),
    task: { id: 'task-1' },
  };
  return { ctx: ctx as any, outputs, lines };
}
