import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { config as zodConfig } from 'zod';

import { App } from './app';

// The app runs under a policy without 'unsafe-eval' (security-headers.ts): zod's compiled
// parsers are refused there, and even its probe for them is reported as a CSP violation.
zodConfig({ jitless: true });

const container = document.getElementById('root');
if (container === null) {
  throw new Error('index.html must contain an element with id "root"');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
