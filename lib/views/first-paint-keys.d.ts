// Written into lib/views/first-paint.ts by the build, by lib/core/page-keys.ts's `firstPaintDefines`.
declare const __NEWTAB_SNAPSHOT_KEY__: string;
declare const __SETTINGS_MIRROR_KEY__: string;
declare const __APP_READY_EVENT__: string;
