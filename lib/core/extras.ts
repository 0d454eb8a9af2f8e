/** Records the background keeps beside the feed: a day's settling, code releases, artifacts, trending order. */

/** The newest day's list as the notification watches it settle. */
export interface DaySettle {
  day: string;
  /** When a refresh first found papers on it. */
  firstAt: number;
  /** Its paper count at the last refresh. */
  count: number;
  /** The day's notification was shown (or was due while there was nothing to say). */
  notified: boolean;
}

/** A saved paper whose `githubRepo` appeared after it was saved. */
export interface CodeRelease {
  at: number;
  repo: string;
  /** The notification for it was attempted (shown, or notifications were off). */
  notified: boolean;
}

/** The Hub repositories citing a paper, by id ("org/name"; a few models have no org). */
export interface PaperArtifacts {
  /** When Hugging Face was last asked (answered or not). */
  checkedAt: number;
  models: string[];
  datasets: string[];
  spaces: string[];
}

/** Hugging Face's own trending order for a day, week or month. */
export interface TrendingOrder {
  ids: string[];
  fetchedAt: number;
}
