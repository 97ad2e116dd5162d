// "Critics who share your taste": once the reader has rated MIN_RATINGS films, the reviewers whose scores agree
// with theirs (POST /api/critics/match), each with the films that drove the match and one click to trust them.
import * as api from './api.js';
import { h, mount, outOf } from './dom.js';

export const MIN_RATINGS = 3;
const SHOWN = 5;

let lastKey = null;
let lastList = null;
let pending;

function agreementWords(a) {
  return a >= 0.85 ? 'agrees closely' : a >= 0.7 ? 'mostly agrees' : a >= 0.55 ? 'sometimes agrees' : 'rarely agrees';
}

function evidenceLine(e, prefix) {
  return h('li', { class: `match__film${prefix ? ' match__film--apart' : ''}`, dataset: { filmId: e.film } },
    prefix ? `${prefix} ` : null, h('span', { class: 'match__title' }, e.title),
    `: you ${outOf(e.your_score, e.your_scale_max)}, they ${outOf(e.their_score, e.their_scale_max)}`);
}

function item(m, { isTrusted, trust, openReviewer }) {
  const trusted = isTrusted(m.reviewer);
  return h('li', { class: 'match', dataset: { reviewerId: m.reviewer } },
    h('div', { class: 'match__row' },
      h('button', { type: 'button', class: 'link-button match__name', onclick: () => openReviewer(m.reviewer),
        'aria-label': `${m.name}: open card` }, m.name),
      h('button', { type: 'button', class: 'button button--small', 'data-action': 'trust-critic', disabled: trusted,
        'aria-label': trusted ? `You trust ${m.name}` : `Trust ${m.name}`,
        onclick: () => trust({ id: m.reviewer, name: m.name }) }, trusted ? 'Trusted' : 'Trust')),
    h('p', { class: 'match__record' },
      `${agreementWords(m.agreement)} — ${Math.round(m.agreement * 100)}% on ${m.co_rated} `
      + `${m.co_rated === 1 ? 'film' : 'films'} you both rated`),
    h('ul', { class: 'match__films', 'aria-label': `Films behind the match with ${m.name}` },
      m.evidence.map((e) => evidenceLine(e, null)),
      m.disagreement ? evidenceLine(m.disagreement, 'Apart on') : null));
}

function draw(el, list, actions) {
  if (list.items.length === 0) {
    mount(el, h('p', { class: 'hint' }, 'No reviewer has scored the films you rated yet. Rate a few better-known films.'));
    return;
  }
  mount(el, h('ul', { class: 'matches' }, list.items.slice(0, SHOWN).map((m) => item(m, actions))));
}

/** Renders the panel for the state; asks the API again only when the ratings changed. */
export async function renderCritics(el, state, actions) {
  const ratings = state.ratings.map((r) => ({ film: r.film, score: r.score }));
  if (ratings.length < MIN_RATINGS) {
    lastKey = null;
    const more = MIN_RATINGS - ratings.length;
    mount(el, h('p', { class: 'hint' }, `Rate ${more} more ${more === 1 ? 'film' : 'films'} and Vouch finds the `
      + 'reviewers whose scores agree with yours.'));
    return;
  }
  const key = JSON.stringify(ratings);
  if (key === lastKey && lastList) {
    draw(el, lastList, actions);
    return;
  }
  lastKey = key;
  pending?.abort();
  pending = new AbortController();
  el.setAttribute('aria-busy', 'true');
  try {
    const list = await api.matchCritics({ ratings, limit: SHOWN }, pending.signal);
    if (key !== lastKey) return;
    lastList = list;
    draw(el, list, actions);
  } catch (e) {
    if (e.name === 'AbortError') return;
    lastKey = null;
    mount(el, h('p', { class: 'field-error' }, `Could not match critics: ${e.detail || e.title}`));
  } finally {
    el.setAttribute('aria-busy', 'false');
  }
}
