import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { KeyboardHelp } from '@/components/shared/KeyboardHelp';
import { SortToggle } from '@/components/newtab/SortToggle';
import { StatusLine } from '@/components/shared/StatusLine';
import { ViewNav } from '@/components/newtab/ViewNav';
import { SHORTCUTS } from '@/lib/views/keyboard';
import type { View } from '@/lib/views/view';

const NOW = Date.parse('2026-11-25T15:00:00Z'); // Wednesday of 2026-W48
const TODAY = '2026-11-25';
const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('SortToggle: Most upvoted, Newest or For you', () => {
  it('presses the current order and asks for the other one', () => {
    const onChange = vi.fn();
    render(<SortToggle sort="upvotes" onChange={onChange} />);
    expect(
      within(screen.getByRole('group', { name: 'Sort' }))
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Most upvoted', 'Newest', 'Trending', 'For you']); // Trending and For you added on purpose (issue 11)
    expect(pressed('Most upvoted')).toBe('true');
    expect(pressed('Newest')).toBe('false');
    expect(pressed('For you')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Newest' }));
    expect(onChange).toHaveBeenCalledWith('newest');
    fireEvent.click(screen.getByRole('button', { name: 'For you' }));
    expect(onChange).toHaveBeenCalledWith('foryou');
  });

  it('shows For you pressed in the "For you" order', () => {
    render(<SortToggle sort="foryou" onChange={() => undefined} />);
    expect(pressed('For you')).toBe('true');
    expect(pressed('Most upvoted')).toBe('false');
  });

  it("offers Hugging Face's trending order, pressed when chosen", () => {
    const onChange = vi.fn();
    render(<SortToggle sort="trending" onChange={onChange} />);
    expect(pressed('Trending')).toBe('true');
    expect(pressed('Most upvoted')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Most upvoted' }));
    expect(onChange).toHaveBeenCalledWith('upvotes');
  });

  it('shows Newest pressed when sorting by date', () => {
    const onChange = vi.fn();
    render(<SortToggle sort="newest" onChange={onChange} />);
    expect(pressed('Newest')).toBe('true');
    expect(pressed('Most upvoted')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Most upvoted' }));
    expect(onChange).toHaveBeenCalledWith('upvotes');
  });
});

describe('ViewNav: day, week and month navigation', () => {
  function nav(view: View, shownDay?: string) {
    const onChange = vi.fn();
    render(<ViewNav view={view} shownDay={shownDay} onChange={onChange} />);
    return onChange;
  }
  const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

  it('the latest view counts as a day view: Day is pressed', () => {
    nav({ kind: 'latest' }, TODAY);
    expect(screen.getByRole('navigation', { name: 'Days' }).contains(screen.getByRole('button', { name: 'Day' }))).toBe(
      true,
    );
    expect(pressed('Day')).toBe('true');
    expect(pressed('Week')).toBe('false');
    expect(pressed('Month')).toBe('false');
  });

  it('Next day is disabled on today; Previous day goes to yesterday', () => {
    const onChange = nav({ kind: 'latest' }, TODAY);
    expect(button('Next day').disabled).toBe(true);
    expect(button('Previous day').disabled).toBe(false);
    fireEvent.click(button('Previous day'));
    expect(onChange).toHaveBeenCalledWith({ kind: 'day', day: '2026-11-24' });
  });

  it('from an earlier day, Next day goes one day on', () => {
    const onChange = nav({ kind: 'day', day: '2026-11-23' });
    expect(button('Next day').disabled).toBe(false);
    fireEvent.click(button('Next day'));
    expect(onChange).toHaveBeenCalledWith({ kind: 'day', day: '2026-11-24' });
  });

  it('Week and Month switch around the day shown', () => {
    const onChange = nav({ kind: 'day', day: '2026-11-16' });
    fireEvent.click(button('Week'));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'week', week: '2026-W47' });
    fireEvent.click(button('Month'));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'month', month: '2026-11' });
  });

  it('in a week view, steps are weeks and the current week has no Next', () => {
    const onChange = nav({ kind: 'week', week: '2026-W48' });
    expect(pressed('Week')).toBe('true');
    expect(pressed('Day')).toBe('false');
    expect(button('Next week').disabled).toBe(true);
    fireEvent.click(button('Previous week'));
    expect(onChange).toHaveBeenCalledWith({ kind: 'week', week: '2026-W47' });
  });

  it('in a month view, steps are months', () => {
    const onChange = nav({ kind: 'month', month: '2026-10' });
    expect(pressed('Month')).toBe('true');
    fireEvent.click(button('Next month'));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'month', month: '2026-11' });
    fireEvent.click(button('Previous month'));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'month', month: '2026-09' });
  });

  it('"Go to date" opens the chosen day, up to today', () => {
    const onChange = nav({ kind: 'day', day: '2026-11-23' });
    const input = screen.getByLabelText('Go to date') as HTMLInputElement;
    expect(input.value).toBe('2026-11-23');
    expect(input.max).toBe(TODAY);
    fireEvent.change(input, { target: { value: '2026-11-02' } });
    expect(onChange).toHaveBeenCalledWith({ kind: 'day', day: '2026-11-02' });
  });

  it('"Go to date" in a week view opens the week of that date', () => {
    const onChange = nav({ kind: 'week', week: '2026-W48' });
    fireEvent.change(screen.getByLabelText('Go to date'), { target: { value: '2026-01-01' } });
    expect(onChange).toHaveBeenCalledWith({ kind: 'week', week: '2026-W01' });
  });

  it('"Latest" goes back to the latest papers, and is only there away from them', () => {
    const onChange = nav({ kind: 'day', day: '2026-11-02' });
    fireEvent.click(button('Latest'));
    expect(onChange).toHaveBeenCalledWith({ kind: 'latest' });
    cleanup();
    nav({ kind: 'latest' }, TODAY);
    expect(screen.queryByRole('button', { name: 'Latest' })).toBeNull();
  });
});

describe('KeyboardHelp: the "?" dialog', () => {
  // jsdom has no modal dialogs: enough of one for the component's open/close.
  const proto = HTMLDialogElement.prototype;
  const original = { showModal: proto.showModal, close: proto.close };
  beforeAll(() => {
    proto.showModal ??= function (this: HTMLDialogElement) {
      this.setAttribute('open', '');
    };
    proto.close = function (this: HTMLDialogElement) {
      if (!this.open) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    };
  });
  afterAll(() => {
    proto.showModal = original.showModal;
    proto.close = original.close;
  });

  it('lists every shortcut with its keys when open', () => {
    render(<KeyboardHelp open={true} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const s of SHORTCUTS) {
      const row = within(dialog).getByText(s.label).parentElement!;
      expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(s.keys);
    }
  });

  it('is not shown when closed', () => {
    render(<KeyboardHelp open={false} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Close asks the page to close it', () => {
    const onClose = vi.fn();
    const { rerender } = render(<KeyboardHelp open={true} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
    rerender(<KeyboardHelp open={false} onClose={onClose} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closed by the browser (Escape), it tells the page', () => {
    const onClose = vi.fn();
    render(<KeyboardHelp open={true} onClose={onClose} />);
    act(() => (screen.getByRole('dialog') as HTMLDialogElement).close());
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('StatusLine: how fresh the papers are', () => {
  /** The hours and minutes in the message, checked against the local clock time of `at`. */
  function expectClock(text: string, at: number) {
    const m = /next try at (\d{1,2}):(\d{2})/.exec(text);
    expect(m, text).not.toBeNull();
    const d = new Date(at);
    expect(Number(m![1]) % 12).toBe(d.getHours() % 12);
    expect(Number(m![2])).toBe(d.getMinutes());
  }

  it('says when the papers were last updated', () => {
    render(<StatusLine status={{ failures: 0, lastSuccessAt: NOW - 12 * MIN }} />);
    expect(screen.getByRole('status').textContent).toBe('Updated 12 min ago');
    // The time itself, for machines and as a tooltip.
    const time = screen.getByRole('status').querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(new Date(NOW - 12 * MIN).toISOString());
    expect(time.title).toContain(String(new Date(NOW - 12 * MIN).getFullYear()));
  });

  it('says so when nothing was fetched yet', () => {
    render(<StatusLine status={{ failures: 0 }} />);
    expect(screen.getByRole('status').textContent).toBe('Not updated yet');
  });

  it('keeps the time current while the page stays open', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    render(<StatusLine status={{ failures: 0, lastSuccessAt: NOW - 12 * MIN }} />);
    act(() => {
      vi.advanceTimersByTime(3 * MIN);
    });
    expect(screen.getByRole('status').textContent).toBe('Updated 15 min ago');
  });

  it('says when the browser is offline', () => {
    render(<StatusLine status={{ failures: 0, lastSuccessAt: NOW - 2 * MIN }} online={false} />);
    expect(screen.getByRole('status').textContent).toBe('Updated 2 min ago · You are offline; showing cached papers');
  });

  it('after a 429, says Hugging Face asked to slow down and when the next try is', () => {
    const until = NOW + 10 * MIN;
    render(<StatusLine status={{ failures: 1, lastSuccessAt: NOW - 40 * MIN, rateLimitedUntil: until }} />);
    const text = screen.getByRole('status').textContent!;
    expect(text).toMatch(/^Updated 40 min ago · Hugging Face asked us to slow down; next try at /);
    expectClock(text, until);
  });

  it('forgets the 429 once its wait is over', () => {
    render(<StatusLine status={{ failures: 0, lastSuccessAt: NOW - 5 * MIN, rateLimitedUntil: NOW - MIN }} />);
    expect(screen.getByRole('status').textContent).toBe('Updated 5 min ago');
  });

  it('shows the last error in plain words while it is newer than the last success', () => {
    const status = {
      failures: 2,
      lastSuccessAt: NOW - 120 * MIN,
      lastError: { kind: 'http', message: 'Hugging Face answered HTTP 503', at: NOW - 5 * MIN },
      nextAttemptAt: NOW + 4 * MIN,
    };
    const { rerender } = render(<StatusLine status={status} />);
    const text = screen.getByRole('status').textContent!;
    expect(text).toMatch(/^Updated 2 hours ago · Hugging Face answered HTTP 503; next try at /);
    expectClock(text, NOW + 4 * MIN);

    rerender(<StatusLine status={{ ...status, lastSuccessAt: NOW - MIN }} />);
    expect(screen.getByRole('status').textContent).toBe('Updated 1 min ago');
  });

  it('with Hugging Face unreachable, says offline and that the cached papers are shown', () => {
    const status = {
      failures: 1,
      lastSuccessAt: NOW - 40 * MIN,
      lastError: { kind: 'network', message: 'Could not reach Hugging Face (Failed to fetch)', at: NOW - MIN },
      nextAttemptAt: NOW + MIN,
    };
    render(<StatusLine status={status} />);
    const text = screen.getByRole('status').textContent!;
    expect(text).toMatch(
      /^Updated 40 min ago · Offline: could not reach Hugging Face; showing cached papers; next try at /,
    );
    expectClock(text, NOW + MIN);
  });
});
