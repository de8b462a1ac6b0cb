import { EntityRefLink } from '@backstage/plugin-catalog-react';
import PersonIcon from '@material-ui/icons/Person';
import { kindOf, shortRef, toCompoundRef } from '../../lib/entityRefs';
import { BreakableText } from '../BreakableText';

/**
 * An owner, system or domain by name, linked to its entity page, wrapping only at hyphens. An
 * owner that is a person (a User where a team is expected) is marked with a person icon and
 * "(user)", so it reads differently from a team. A value that is not a ref is shown as text.
 */
export function RefName(props: {
  value: string;
  /** The kind expected: `group` for owners, `system`, `domain`... */
  kind: string;
  link?: boolean;
}) {
  const { value, kind, link = true } = props;
  const parsed = toCompoundRef(value, { defaultKind: kind });
  if (!parsed) return <BreakableText text={value} />;
  const isUser = kind === 'group' && kindOf(value) === 'user';
  const name = (
    <BreakableText text={isUser ? parsed.name : shortRef(value, kind)} />
  );
  return (
    <>
      {isUser && (
        <PersonIcon
          fontSize="inherit"
          titleAccess="A person"
          style={{ verticalAlign: 'text-bottom', marginRight: 2 }}
        />
      )}
      {link ? (
        <EntityRefLink entityRef={value} defaultKind={kind} title={value}>
          {name}
        </EntityRefLink>
      ) : (
        name
      )}
      {isUser && <> (user)</>}
    </>
  );
}
