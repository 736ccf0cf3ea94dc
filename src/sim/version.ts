/** The yumalab version, recorded in every manifest and printed by `yumalab --version`. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = require('../../package.json') as { version: string };

export const YUMALAB_VERSION: string = pkg.version;
