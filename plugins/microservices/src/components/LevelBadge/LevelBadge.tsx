import Chip from '@material-ui/core/Chip';
import { levelColor } from '../../lib/levelColors';

/** A compliance level, in words and in colour (never colour alone). */
export function LevelBadge(props: { level: string; score?: number }) {
  const { level, score } = props;
  const label = score === undefined ? level : `${level} · ${score}`;
  return (
    <Chip
      size="small"
      label={label}
      aria-label={`Level ${level}${
        score === undefined ? '' : `, score ${score}`
      }`}
      style={{ backgroundColor: levelColor(level), color: '#fff' }}
    />
  );
}
