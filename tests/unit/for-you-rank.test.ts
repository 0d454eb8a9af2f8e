import { describe, expect, it } from 'vitest';
import type { Paper } from '@/lib/core/paper';
import { buildProfile, saveWeight } from '@/lib/views/rank/profile';
import { rankForYou } from '@/lib/views/rank/rank';
import { compileHider } from '@/lib/views/rank/mute';
import { paperTerms } from '@/lib/views/rank/terms';
import { savedOf, topicPaper, topicTexts, type Topic } from '../fixtures/topics';

const NOW = Date.parse('2026-09-20T12:00:00Z');
const DAY_MS = 86_400_000;
const DAY = '2026-09-20';

/** The day of the evaluation: 5 diffusion papers among 20 from six topics. */
function dayOfTwenty(): { papers: Paper[]; onTopic: Set<string> } {
  const papers: Paper[] = [];
  const take = (topic: Topic, from: number, to: number) => {
    for (let i = from; i < to; i++) papers.push(topicPaper(topic, i, DAY));
  };
  take('diffusion', 6, 11);
  take('reasoning', 0, 4);
  take('robotics', 0, 3);
  take('speech', 0, 3);
  take('scenes3d', 0, 3);
  take('quantization', 0, 2);
  expect(papers).toHaveLength(20);
  // Upvotes must not carry the answer: the on-topic papers have the fewest.
  papers.forEach((p, i) => (p.upvotes = i < 5 ? 3 + i : 40 + i));
  return { papers, onTopic: new Set(papers.slice(0, 5).map((p) => p.id)) };
}

/** A researcher who saved diffusion papers over the past weeks. */
function diffusionReader() {
  return [0, 1, 2, 3, 4, 5].map((i) =>
    savedOf(topicPaper('diffusion', i, `2026-09-0${i + 1}`), i % 2 ? 'read' : 'to-read', NOW - (20 - i) * DAY_MS),
  );
}

const precisionAt = (k: number, ranked: Paper[], relevant: Set<string>) =>
  ranked.slice(0, k).filter((p) => relevant.has(p.id)).length / k;

describe('For you: quality', () => {
  it('puts the day’s papers of the topic a researcher saves first (precision at 5 ≥ 0.8)', () => {
    const { papers, onTopic } = dayOfTwenty();
    const ranked = rankForYou(papers, buildProfile(diffusionReader(), [], NOW));
    expect(ranked.fallback).toBe(false);
    expect(precisionAt(5, ranked.papers, onTopic)).toBeGreaterThanOrEqual(0.8);
    // By upvotes alone none of them would be in the top five.
    const byVotes = [...papers].sort((a, b) => b.upvotes - a.upvotes);
    expect(precisionAt(5, byVotes, onTopic)).toBe(0);
  });

  it('sinks a topic marked "Not interested"', () => {
    const { papers } = dayOfTwenty();
    const robots = new Set(papers.filter((p) => /robot|locomotion/i.test(p.title)).map((p) => p.id));
    expect(robots.size).toBe(3);
    const saved = diffusionReader();
    const before = rankForYou(papers, buildProfile(saved, [], NOW)).papers.map((p) => p.id);
    const shunned = [topicPaper('robotics', 3, '2026-09-10'), topicPaper('robotics', 4, '2026-09-11')];
    const after = rankForYou(papers, buildProfile(saved, shunned, NOW)).papers.map((p) => p.id);
    const meanRank = (order: string[]) => order.reduce((s, id, i) => s + (robots.has(id) ? i : 0), 0) / robots.size;
    expect(meanRank(after)).toBeGreaterThan(meanRank(before) + 2);
    // The two manipulation papers, like the ones marked, end at the bottom, below papers with nothing
    // in common with the list (one of them is a diffusion policy: it was sixth before).
    expect(after.slice(-2).every((id) => robots.has(id))).toBe(true);
  });
});

describe('For you: the profile', () => {
  it('weighs read and reading more than to-read, and recent saves more than old', () => {
    expect(saveWeight({ status: 'read', savedAt: NOW }, NOW)).toBeGreaterThan(
      saveWeight({ status: 'to-read', savedAt: NOW }, NOW),
    );
    expect(saveWeight({ status: 'reading', savedAt: NOW }, NOW)).toBe(
      saveWeight({ status: 'read', savedAt: NOW }, NOW),
    );
    expect(saveWeight({ status: 'read', savedAt: NOW - 10 * DAY_MS }, NOW)).toBeGreaterThan(
      saveWeight({ status: 'read', savedAt: NOW - 300 * DAY_MS }, NOW),
    );
  });

  it('lets a read paper outrank a to-read one of another topic', () => {
    const speech = topicPaper('speech', 0, '2026-09-01');
    const scenes = topicPaper('scenes3d', 0, '2026-09-01');
    const day = [topicPaper('speech', 1, DAY), topicPaper('scenes3d', 1, DAY)];
    const readSpeech = buildProfile([savedOf(speech, 'read', NOW), savedOf(scenes, 'to-read', NOW)], [], NOW);
    expect(rankForYou(day, readSpeech).papers[0]!.id).toBe(day[0]!.id);
    const readScenes = buildProfile([savedOf(speech, 'to-read', NOW), savedOf(scenes, 'read', NOW)], [], NOW);
    expect(rankForYou(day, readScenes).papers[0]!.id).toBe(day[1]!.id);
  });

  it('lets a recent save outrank an old one of another topic', () => {
    const speech = topicPaper('speech', 0, '2025-01-01');
    const scenes = topicPaper('scenes3d', 0, '2026-09-01');
    const day = [topicPaper('speech', 1, DAY), topicPaper('scenes3d', 1, DAY)];
    const p = buildProfile(
      [savedOf(speech, 'read', NOW - 600 * DAY_MS), savedOf(scenes, 'read', NOW - DAY_MS)],
      [],
      NOW,
    );
    expect(rankForYou(day, p).papers[0]!.id).toBe(day[1]!.id);
  });

  it('follows the list: another saved topic gives another order', () => {
    const { papers } = dayOfTwenty();
    const speech = [0, 1, 2].map((i) => savedOf(topicPaper('speech', i, '2026-09-01'), 'read', NOW));
    const top = rankForYou(papers, buildProfile(speech, [], NOW)).papers.slice(0, 3);
    expect(top.every((p) => /speech|voice|spoken/i.test(p.title))).toBe(true);
  });

  it('reads fields a feed may leave empty without failing', () => {
    const bare: Paper = {
      id: '2609.00001',
      title: '',
      summary: '',
      authors: [],
      day: DAY,
      upvotes: 0,
      numComments: 0,
      aiKeywords: [],
      fetchedAt: 0,
    };
    expect(paperTerms(bare).size).toBe(0);
    const ranked = rankForYou([bare], buildProfile([savedOf(bare, 'read', NOW)], [], NOW));
    expect(ranked.papers).toEqual([bare]);
    expect(ranked.explain(bare)).toBeUndefined();
  });
});

describe('For you: authors and organizations', () => {
  it('ranks a paper by an author the list holds above an unrelated one, and says so', () => {
    const saved = savedOf(topicPaper('speech', 0, '2026-09-01', { authors: ['José García', 'Mei Chen'] }), 'read', NOW);
    const byHer = topicPaper('quantization', 0, DAY, { authors: ['Mei  Chen'], upvotes: 1 });
    const other = topicPaper('quantization', 1, DAY, { upvotes: 90 });
    const ranked = rankForYou([other, byHer], buildProfile([saved], [], NOW));
    expect(ranked.papers[0]!.id).toBe(byHer.id);
    expect(ranked.explain(byHer)?.authors).toEqual(['Mei  Chen']);
    expect(ranked.explain(other)).toBeUndefined();
  });

  it('adds a little for an organization the list holds', () => {
    const org = { name: 'acme-ai', fullname: 'Acme AI' };
    const saved = savedOf(topicPaper('speech', 0, '2026-09-01', { organization: org }), 'read', NOW);
    const a = topicPaper('quantization', 0, DAY, { organization: org, upvotes: 1 });
    const b = topicPaper('quantization', 1, DAY, { upvotes: 90 });
    const ranked = rankForYou([b, a], buildProfile([saved], [], NOW));
    expect(ranked.papers[0]!.id).toBe(a.id);
    expect(ranked.explain(a)?.org).toBe('Acme AI');
  });
});

describe('For you: reasons', () => {
  it('names the saved papers a paper is like, and the terms they share', () => {
    const { papers } = dayOfTwenty();
    const saved = diffusionReader();
    const ranked = rankForYou(papers, buildProfile(saved, [], NOW));
    const first = ranked.papers[0]!;
    const reason = ranked.explain(first)!;
    expect(reason.like!.count).toBeGreaterThanOrEqual(2);
    const titles = new Set(saved.map((s) => s.paper.title));
    expect(reason.like!.titles.length).toBeGreaterThan(0);
    for (const title of reason.like!.titles) expect(titles.has(title)).toBe(true);
    expect(reason.terms.length).toBeGreaterThan(0);
    expect(reason.terms.join(' ')).toMatch(/diffusion|denois|text-to|noise|guidance|latent/);
  });

  it('gives no reason for a paper with nothing in common with the list', () => {
    const { papers } = dayOfTwenty();
    const ranked = rankForYou(papers, buildProfile(diffusionReader(), [], NOW));
    const kv = papers.find((p) => p.title.startsWith('KV Cache'))!;
    expect(ranked.explain(kv)).toBeUndefined();
  });
});

describe('For you: an empty reading list', () => {
  it('falls back to upvotes and says it did', () => {
    const { papers } = dayOfTwenty();
    const ranked = rankForYou(papers, buildProfile([], [], NOW));
    expect(ranked.fallback).toBe(true);
    expect(ranked.papers.map((p) => p.upvotes)).toEqual([...papers].map((p) => p.upvotes).sort((a, b) => b - a));
    expect(ranked.explain(papers[0]!)).toBeUndefined();
  });

  it('a list whose only papers were marked "Not interested" is empty too', () => {
    const p = topicPaper('speech', 0, DAY);
    expect(buildProfile([savedOf(p, 'read', NOW)], [p], NOW).empty).toBe(true);
  });
});

describe('Muted keywords, authors, organizations and "Not interested"', () => {
  const papers = [
    topicPaper('speech', 0, DAY, { authors: ['Ana Souza'] }),
    topicPaper('scenes3d', 0, DAY, { organization: { name: 'nerf-lab' } }),
    topicPaper('quantization', 0, DAY),
    topicPaper('reasoning', 0, DAY),
  ];
  it('hides papers matching a muted keyword (whole words, any case), author or organization', () => {
    const hider = compileHider({ keywords: ['Quantization'], authors: ['ana souza'], orgs: ['NERF-lab'] }, []);
    expect(papers.filter((p) => !hider.hides(p)).map((p) => p.title)).toEqual([papers[3]!.title]);
    expect(compileHider({ keywords: ['quant'], authors: [], orgs: [] }, []).hides(papers[2]!)).toBe(false);
  });
  it('hides papers marked "Not interested" by id', () => {
    const hider = compileHider({ keywords: [], authors: [], orgs: [] }, [papers[1]!.id]);
    expect(papers.filter((p) => hider.hides(p))).toEqual([papers[1]]);
  });
  it('hides nothing when nothing is muted', () => {
    const hider = compileHider({ keywords: [], authors: [], orgs: [] }, []);
    expect(hider.empty).toBe(true);
    expect(papers.some((p) => hider.hides(p))).toBe(false);
  });
});

it('every topic has its texts', () => {
  for (const t of ['diffusion', 'reasoning', 'robotics', 'speech', 'scenes3d', 'quantization'] as const)
    expect(topicTexts(t).length).toBeGreaterThan(1);
});
