// A film's dialog: its numbers, what the reader's trusted reviewers made of it, and similar films.
import * as api from './api.js';
import { dialogError, fillDialog, openDialog } from './dialogs.js';
import { capitalise, h, num, outOf, titled } from './dom.js';
import { labels } from './state.js';
import { aspectChips, tagChips } from './suggestions.js';

const dialog = () => document.getElementById('film-dialog');

const SIMILAR = [
  ['co_liked', 'Liked by the same people'],
  ['vectors', 'Close in taste'],
  ['shared_tags', 'Shares tags'],
];

function opinions(film, trusted) {
  if (trusted.length === 0) {
    return h('p', { class: 'hint' }, 'Trust a reviewer to see what they made of this film.');
  }
  const byId = new Map((film.opinions || []).map((o) => [o.reviewer, o]));
  return h('ul', { class: 'opinions' }, trusted.map((t) => {
    const o = byId.get(t.id);
    const name = o?.reviewer_name || labels.reviewer(t.id)?.name || t.id;
    if (!o) return h('li', { class: 'opinion opinion--none' }, h('span', { class: 'opinion__name' }, name), ' has not reviewed it.');
    return h('li', { class: 'opinion' },
      h('span', { class: 'opinion__name' }, name),
      o.score != null ? h('span', { class: 'opinion__score' }, outOf(o.score, o.scale_max)) : h('span', { class: 'hint' }, ' tagged it without a score'),
      o.aspects.length || o.tags.length ? h('ul', { class: 'chips' }, aspectChips(o.aspects), tagChips(o.tags)) : null);
  }));
}

function similarLists(similar, openFilm) {
  const lists = SIMILAR.filter(([key]) => similar[key]?.length);
  if (lists.length === 0) return h('p', { class: 'hint' }, 'No similar films are known for this one yet.');
  return h('div', { class: 'similar' }, lists.map(([key, heading]) => h('section', { class: 'similar__list', dataset: { similar: key } },
    h('h4', { class: 'similar__heading' }, heading),
    h('ul', null, similar[key].map((f) => h('li', null,
      h('button', { type: 'button', class: 'link-button', dataset: { filmId: f.id }, onclick: () => openFilm(f.id) }, titled(f))))))));
}

function render(body, film, similar, state, actions) {
  labels.rememberFilm(film);
  const seen = state.seen.includes(film.id);
  const rating = state.ratings.find((r) => r.film === film.id);
  fillDialog(body,
    h('p', { class: 'dialog__sub' }, [film.year, film.genres.join(', ')].filter(Boolean).join(' · ')),
    h('dl', { class: 'facts' },
      h('div', null, h('dt', null, 'Average'), h('dd', null, film.mean_score != null ? outOf(film.mean_score, film.scale_max) : '—')),
      h('div', null, h('dt', null, 'Ratings'), h('dd', null, String(film.n_ratings))),
      film.aspects.map((a) => h('div', null, h('dt', null, capitalise(a.name)), h('dd', null, outOf(a.mean_score, film.scale_max))))),
    film.tags.length ? h('ul', { class: 'chips', 'aria-label': 'Tags' }, film.tags.map((t) => h('li', { class: 'chip' }, t))) : null,
    h('section', null, h('h3', { class: 'dialog__h3' }, 'Your trusted reviewers'), opinions(film, state.trusted)),
    h('section', { 'aria-labelledby': 'similar-heading' }, h('h3', { class: 'dialog__h3', id: 'similar-heading' }, 'Similar films'),
      similarLists(similar, actions.openFilm)),
    h('div', { class: 'dialog__actions' },
      seen ? h('button', { type: 'button', class: 'button button--quiet', onclick: () => { actions.unmarkSeen(film.id); refresh(); } }, 'Not seen after all')
        : h('button', { type: 'button', class: 'button', onclick: () => { actions.markSeen(film); refresh(); } }, 'Seen it'),
      rating ? h('span', { class: 'hint' }, `You rated it ${outOf(rating.score, film.scale_max)}`) : null));

  function refresh() {
    render(body, film, similar, actions.state(), actions);
  }
}

/** Opens one film; actions: {state(), openFilm(id), markSeen(film), unmarkSeen(id)}. */
export async function show(filmId, actions) {
  const known = labels.film(filmId);
  const body = openDialog(dialog(), 'film-dialog-title', known?.title || 'Film');
  const state = actions.state();
  try {
    const [film, similar] = await Promise.all([
      api.film(filmId, state.trusted.map((t) => t.id)),
      api.similar(filmId).catch(() => ({})),
    ]);
    document.getElementById('film-dialog-title').textContent = film.title;
    render(body, film, similar, state, { ...actions, openFilm: (id) => show(id, actions) });
  } catch (e) {
    dialogError(body, e, () => show(filmId, actions));
  }
}
