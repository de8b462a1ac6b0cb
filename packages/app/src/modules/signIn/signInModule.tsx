import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/**
 * Guest sign-in that remembers the session (`auto`), as the legacy app did. Which user the
 * guest is comes from the backend (`auth.providers.guest.userEntityRef`).
 */
export const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage } = await import('@backstage/core-components');
      return props => <SignInPage {...props} auto providers={['guest']} />;
    },
  },
});

/** Replaces the app's default sign-in page (same extension id: `sign-in-page:app`). */
export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
