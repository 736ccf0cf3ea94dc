/** Names of a sweep directory's own files (kept apart so readers need not load the coordinator). */
export const SWEEP_MANIFEST_FILE = 'sweep.json';
