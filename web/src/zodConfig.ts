import { z } from 'zod';

/**
 * zod compiles object parsers with `new Function` unless told not to. The server's CSP has no
 * 'unsafe-eval', so even zod's guarded probe would be reported as a CSP violation. This module must be
 * evaluated before any schema is defined: it is the first import of main.tsx, which loads the app
 * (bootstrap.tsx) only afterwards.
 */
z.config({ jitless: true });
