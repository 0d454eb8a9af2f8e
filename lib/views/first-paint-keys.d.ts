// Written into lib/views/first-paint.ts by the build, from lib/core/page-keys.ts (`firstPaintDefines`).
declare const __NEWTAB_SNAPSHOT_KEY__: string;
declare const __SETTINGS_MIRROR_KEY__: string;
declare const __APP_READY_EVENT__: string;
