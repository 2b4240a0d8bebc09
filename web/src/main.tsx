import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { CurrentUserProvider } from './currentUser.js';
import { I18nProvider } from './i18n/index.js';
import { router } from './router.js';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <CurrentUserProvider>
          <RouterProvider router={router} />
        </CurrentUserProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
