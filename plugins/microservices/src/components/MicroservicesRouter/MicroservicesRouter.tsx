import { Route, Routes } from 'react-router-dom';
import { ErrorPage } from '@backstage/core-components';
import { ArchitectureDashboardPage } from '../ArchitectureDashboardPage';
import { PrinciplePage } from '../PrinciplePage';
import { PrinciplesPage } from '../PrinciplesPage';
import { RegisterServicePage } from '../RegisterServicePage';
import { ServicesPage } from '../ServicesPage';

/** The plugin's pages under its mount point (`/microservices`). */
export function MicroservicesRouter() {
  return (
    <Routes>
      <Route path="/" element={<ServicesPage />} />
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
  );
}
