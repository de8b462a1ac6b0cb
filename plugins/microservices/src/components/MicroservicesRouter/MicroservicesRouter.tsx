import { lazy, Suspense, useState } from 'react';
import { Route, Routes, useLocation, useSearchParams } from 'react-router-dom';
import { ErrorPage, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { microservicesApiRef } from '../../api';
import { prefetchServiceListOnce } from '../../hooks/useServiceList';
import {
  parseServiceListUrl,
  toServiceListQuery,
} from '../../lib/serviceListUrlState';

// Each page is its own chunk: the overview does not load the dashboard's charts.
const ServicesPage = lazy(() =>
  import('../ServicesPage').then(m => ({ default: m.ServicesPage })),
);
const ArchitectureDashboardPage = lazy(() =>
  import('../ArchitectureDashboardPage').then(m => ({
    default: m.ArchitectureDashboardPage,
  })),
);
const PrinciplesPage = lazy(() =>
  import('../PrinciplesPage').then(m => ({ default: m.PrinciplesPage })),
);
const PrinciplePage = lazy(() =>
  import('../PrinciplePage').then(m => ({ default: m.PrinciplePage })),
);
const RegisterServicePage = lazy(() =>
  import('../RegisterServicePage').then(m => ({
    default: m.RegisterServicePage,
  })),
);

/**
 * The overview, with its first page of services asked for while the page's code loads (the
 * list does not need the caller's identity unless it shows only their services).
 */
function ServicesRoute() {
  const api = useApi(microservicesApiRef);
  const [searchParams] = useSearchParams();
  const navigation = useLocation().key;
  const [prefetchedList] = useState(() => {
    const state = parseServiceListUrl(searchParams);
    return state.mine
      ? undefined
      : prefetchServiceListOnce(api, toServiceListQuery(state)!, navigation);
  });
  // A boundary of its own: suspending above this component would discard its state, and the
  // request with it.
  return (
    <Suspense fallback={<Progress />}>
      <ServicesPage prefetchedList={prefetchedList} />
    </Suspense>
  );
}

/** The plugin's pages under its mount point (`/microservices`). */
export function MicroservicesRouter() {
  return (
    <Suspense fallback={<Progress />}>
      <Routes>
        <Route path="/" element={<ServicesRoute />} />
        <Route path="/dashboard" element={<ArchitectureDashboardPage />} />
        <Route path="/principles" element={<PrinciplesPage />} />
        <Route path="/principles/:principleId" element={<PrinciplePage />} />
        <Route path="/register" element={<RegisterServicePage />} />
        <Route
          path="*"
          element={
            <ErrorPage
              status="404"
              statusMessage="There is no such microservices page."
            />
          }
        />
      </Routes>
    </Suspense>
  );
}
