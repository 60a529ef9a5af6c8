// Must stay first: configures zod before any schema module is evaluated.
import './zodConfig';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';

// The app is loaded only once zod is configured. A static import would not do: the bundler hoists the
// shared chunks (which define schemas at module level) above this module's body, so the schemas would be
// built before `z.config({ jitless: true })` and zod's `new Function` probe would be reported as a CSP
// violation (script-src has no 'unsafe-eval'). test/e2e checks that no page reports one.
import('./bootstrap').catch((error: unknown) => {
  console.error(error);
  const root = document.getElementById('root');
  if (root)
    root.textContent =
      'Passerelle n’a pas pu se charger. Rechargez la page. / Passerelle could not load. Reload the page.';
});
