/** localStorage keys of the pages' synchronous copies (tiny module: the first paint imports it). */
export const NEWTAB_SNAPSHOT_KEY = 'papertab:newtab:v1';
export const SETTINGS_MIRROR_KEY = 'papertab:settings';
