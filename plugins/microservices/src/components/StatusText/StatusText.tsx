import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import PauseCircleOutlineIcon from '@material-ui/icons/PauseCircleOutline';
import RemoveCircleOutlineIcon from '@material-ui/icons/RemoveCircleOutline';
import WarningIcon from '@material-ui/icons/Warning';

export type StatusTone =
  | 'ok'
  | 'warning'
  | 'error'
  | 'neutral'
  | 'unknown'
  | 'paused';

const useStyles = makeStyles(theme => {
  // A theme that is not Backstage's has no status palette: fall back to MUI's colours.
  const status = theme.palette.status ?? {
    ok: theme.palette.success?.main ?? '#1db855',
    warning: theme.palette.warning?.main ?? '#f49b20',
    error: theme.palette.error.main,
    pending: theme.palette.info?.main ?? '#5bc0de',
  };
  return {
    root: {
      display: 'inline-flex',
      alignItems: 'center',
      gap: theme.spacing(0.5),
      whiteSpace: 'nowrap',
    },
    icon: { fontSize: '1.1em' },
    ok: { color: status.ok },
    warning: { color: status.warning },
    error: { color: status.error },
    neutral: { color: theme.palette.text.secondary },
    unknown: { color: theme.palette.text.secondary },
    paused: { color: status.pending },
  };
});

const ICONS: Record<StatusTone, typeof CheckCircleIcon> = {
  ok: CheckCircleIcon,
  warning: WarningIcon,
  error: ErrorIcon,
  neutral: RemoveCircleOutlineIcon,
  unknown: HelpOutlineIcon,
  paused: PauseCircleOutlineIcon,
};

/**
 * A status as an icon and words. The words carry the meaning (the icon is hidden from
 * screen readers), so colour is never the only signal.
 */
export function StatusText(props: { tone: StatusTone; children: ReactNode }) {
  const { tone, children } = props;
  const classes = useStyles();
  const Icon = ICONS[tone];
  return (
    <span className={classes.root}>
      <Icon className={`${classes.icon} ${classes[tone]}`} aria-hidden="true" />
      <span>{children}</span>
    </span>
  );
}
