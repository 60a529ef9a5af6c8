import fs from 'node:fs';

/** The running version, from package.json (npm sets no variable when started without npm). */
export const VERSION: string = (
  JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
