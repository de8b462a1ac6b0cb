import type { CheckStatus } from '@microservices-backstage/plugin-microservices-common';
import { CHECK_STATUS_LABELS } from '../../lib/scorecard';
import { StatusText, StatusTone } from '../StatusText';

const TONES: Record<CheckStatus, StatusTone> = {
  pass: 'ok',
  fail: 'error',
  error: 'error',
  warn: 'warning',
  exempt: 'paused',
  'not-applicable': 'neutral',
};

/** A check's status in words, with an icon and colour. */
export function CheckStatusLabel(props: { status: CheckStatus }) {
  return (
    <StatusText tone={TONES[props.status]}>
      {CHECK_STATUS_LABELS[props.status]}
    </StatusText>
  );
}
