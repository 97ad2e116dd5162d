// A reviewer's card: how many reviews, harsh or generous compared with everyone, favourite tags, best-rated films,
// and who agrees with them.
import * as api from './api.js';
import { dialogError, fillDialog, openDialog } from './dialogs.js';
import { h, num, outOf, titled } from './dom.js';
import { labels } from './state.js';

const dialog = () => document.getElementById('reviewer-dialog');

function leniency(p) {
  if (p.mean_norm == null) return null;
  const first = p.name.split(' ')[0];
  const diff = (p.mean_norm - p.global_mean_norm) * 10;
  const word = diff <= -0.4 ? 'Harsh' : diff >= 0.4 ? 'Generous' : 'Even-handed';
  const gap = Math.abs(diff) < 0.05 ? 'just like everyone else'
    : `${num(Math.abs(diff))} ${num(Math.abs(diff)) === '1' ? 'point' : 'points'} ${diff < 0 ? 'below' : 'above'} the average reviewer`;
  const spread = p.sd_norm == null ? '' : p.sd_norm >= 0.2 ? ', using the whole scale' : ', rarely straying far from it';
  const pct = (v) => `${Math.max(0, Math.min(100, v * 100)).toFixed(1)}%`;
  return h('div', { class: 'leniency' },
    h('p', null, h('span', { class: `badge badge--${word.toLowerCase()}` }, word),
      ` ${first} gives ${num(p.mean_norm * 10)}/10 on average — ${gap}${spread}.`),
    h('div', { class: 'scale', role: 'img',
      'aria-label': `${first}'s average ${num(p.mean_norm * 10)} out of 10; everyone's average ${num(p.global_mean_norm * 10)}` },
    h('span', { class: 'scale__mark scale__mark--all', style: `left:${pct(p.global_mean_norm)}` }),
    h('span', { class: 'scale__mark scale__mark--them', style: `left:${pct(p.mean_norm)}` })),
    h('p', { class: 'scale__legend', 'aria-hidden': 'true' },
      h('span', { class: 'dot dot--them' }), ` ${first} ${num(p.mean_norm * 10)}`,
      h('span', { class: 'dot dot--all' }), ` everyone ${num(p.global_mean_norm * 10)}`,
      h('span', { class: 'scale__ends' }, '0 – 10')));
}

function render(body, p, kin, actions) {
  labels.rememberReviewer(p);
  const trusted = actions.isTrusted(p.id);
  fillDialog(body,
    h('p', { class: 'dialog__sub' }, [p.role, `${p.n_reviews} ${p.n_reviews === 1 ? 'review' : 'reviews'}`,
      `${p.n_rated} scored`].filter(Boolean).join(' · ')),
    leniency(p),
    p.top_tags.length ? h('section', null, h('h3', { class: 'dialog__h3' }, 'Favourite tags'),
      h('ul', { class: 'chips' }, p.top_tags.map((t) => h('li', { class: 'chip chip--tag' }, `“${t}”`)))) : null,
    h('section', null, h('h3', { class: 'dialog__h3' }, 'Best rated'),
      p.best_rated.length ? h('ol', { class: 'film-list' }, p.best_rated.slice(0, 6).map((f) => h('li', null,
        h('button', { type: 'button', class: 'link-button', onclick: () => actions.openFilm(f.id) }, titled(f)),
        h('span', { class: 'film-list__score' }, outOf(f.score, f.scale_max)))))
        : h('p', { class: 'hint' }, 'No scored films yet.')),
    kin.length ? h('section', null, h('h3', { class: 'dialog__h3' }, 'Often agrees with'),
      h('ul', { class: 'film-list' }, kin.map((k) => h('li', null,
        h('button', { type: 'button', class: 'link-button', onclick: () => show(k.id, actions) }, k.name),
        h('span', { class: 'film-list__score' }, `${k.co_rated} films in common`))))) : null,
    h('div', { class: 'dialog__actions' },
      trusted
        ? h('button', { type: 'button', class: 'button button--quiet', onclick: () => { actions.untrust(p.id); dialog().close(); } },
          `Stop trusting ${p.name}`)
        : h('button', { type: 'button', class: 'button button--primary', dataset: { action: 'trust' },
          onclick: () => { actions.trust(p); dialog().close(); } }, `Trust ${p.name}`)));
  if (!trusted) body.querySelector('[data-action="trust"]').focus();
}

/** Opens the card of one reviewer; actions: {trust(profile), untrust(id), isTrusted(id), openFilm(id)}. */
export async function show(reviewerId, actions) {
  const known = labels.reviewer(reviewerId);
  const body = openDialog(dialog(), 'reviewer-dialog-title', known?.name || 'Reviewer');
  try {
    const [p, kin] = await Promise.all([api.reviewer(reviewerId), api.kindred(reviewerId).catch(() => [])]);
    document.getElementById('reviewer-dialog-title').textContent = p.name;
    render(body, p, kin, actions);
  } catch (e) {
    dialogError(body, e, () => show(reviewerId, actions));
  }
}
