import { ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import { useMicroservicesLinks } from '../../hooks/useMicroservicesLinks';
import { ServiceFilterKey } from '../../lib/serviceListUrlState';

/**
 * A number or text that links to the services overview filtered accordingly; plain text when
 * the app has not mounted the plugin's page.
 */
export function FilteredLink(props: {
  filters: Partial<Record<ServiceFilterKey, string[]>>;
  /** Accessible name, e.g. "3 services failing Security: show them". */
  label?: string;
  children: ReactNode;
}) {
  const { filters, label, children } = props;
  const links = useMicroservicesLinks();
  if (!links.overview) return <>{children}</>;
  return (
    <Link to={links.overview(filters)} aria-label={label}>
      {children}
    </Link>
  );
}
