/** localStorage keys of the pages' synchronous copies (tiny module: the first paint imports it). */
export const NEWTAB_SNAPSHOT_KEY = 'papertab:newtab:v1';
export const SETTINGS_MIRROR_KEY = 'papertab:settings';
/** Fired by the new tab app once its keyboard handler listens (the first paint holds keys until then). */
export const APP_READY_EVENT = 'papertab:ready';
