/** Said instead of a broken page when IndexedDB is unavailable (Firefox private windows, history off). */
export function DatabaseUnavailable() {
  return (
    <p class="notice error" role="alert">
      Papertab cannot use its local database in this window: Firefox turns storage off in private windows and when it is
      set never to remember history. Open Papertab in a normal window to see your cached papers and reading list.
    </p>
  );
}
