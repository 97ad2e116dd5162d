// The side panel: trusted reviewers with their weights, the filters, and the films seen or rated.
import { h, mount, num, outOf, titled } from './dom.js';
import { labels, WEIGHTS } from './state.js';

const WEIGHT_WORDS = { 0.5: 'a little', 1: 'normally', 1.5: 'more', 2: 'a lot', 3: 'most of all' };

function weightIndex(weight) {
  let best = 0;
  WEIGHTS.forEach((w, i) => { if (Math.abs(w - weight) < Math.abs(WEIGHTS[best] - weight)) best = i; });
  return best;
}

export function renderTrusted(el, state, { openReviewer, untrust, setWeight, unknown }) {
  if (state.trusted.length === 0) {
    mount(el, h('p', { class: 'hint' }, 'Nobody yet. Search above, open a reviewer and choose “Trust”.'));
    return;
  }
  mount(el, h('ul', { class: 'trusted' }, state.trusted.map((t) => {
    const name = labels.reviewer(t.id)?.name || t.id;
    const sliderId = `weight-${t.id}`;
    const outputId = `weight-out-${t.id}`;
    const missing = unknown.has(t.id);
    const w = WEIGHTS[weightIndex(t.weight)];
    return h('li', { class: `trusted__item${missing ? ' trusted__item--missing' : ''}`, dataset: { reviewerId: t.id } },
      h('div', { class: 'trusted__row' },
        h('button', { type: 'button', class: 'link-button trusted__name', onclick: () => openReviewer(t.id),
          'aria-label': `${name}: open card` }, name),
        h('button', { type: 'button', class: 'icon-button', 'aria-label': `Stop trusting ${name}`,
          onclick: () => untrust(t.id) }, '×')),
      missing
        ? h('p', { class: 'field-error' }, 'This reviewer is not in the current model. Remove them to go on.')
        : h('div', { class: 'trusted__weight' },
          h('label', { for: sliderId, class: 'label label--inline' }, 'Trust'),
          h('input', { id: sliderId, type: 'range', class: 'range', min: 0, max: WEIGHTS.length - 1, step: 1,
            value: weightIndex(t.weight), 'aria-valuetext': `${WEIGHT_WORDS[w]} (weight ${num(w)})`,
            'aria-describedby': outputId,
            onchange: (e) => setWeight(t.id, WEIGHTS[Number(e.target.value)]),
            oninput: (e) => {
              const v = WEIGHTS[Number(e.target.value)];
              e.target.setAttribute('aria-valuetext', `${WEIGHT_WORDS[v]} (weight ${num(v)})`);
              document.getElementById(outputId).textContent = WEIGHT_WORDS[v];
            } }),
          h('output', { id: outputId, class: 'trusted__level', for: sliderId }, WEIGHT_WORDS[w])));
  })));
}

export function renderSeen(el, state, { unmarkSeen, unrate, openFilm }) {
  if (state.seen.length === 0 && state.ratings.length === 0) {
    mount(el, h('p', { class: 'hint' }, 'Mark films you have seen, or rate a few: they drop out of the list and teach it your taste.'));
    return;
  }
  const film = (id) => labels.film(id) || { title: id };
  mount(el, h('ul', { class: 'seen' },
    state.ratings.map((r) => h('li', { class: 'seen__item' },
      h('button', { type: 'button', class: 'link-button', onclick: () => openFilm(r.film) }, titled(film(r.film))),
      h('span', { class: 'seen__score' }, film(r.film).scaleMax ? outOf(r.score, film(r.film).scaleMax) : num(r.score)),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': `Remove your rating of ${film(r.film).title}`,
        onclick: () => unrate(r.film) }, '×'))),
    state.seen.map((id) => h('li', { class: 'seen__item' },
      h('button', { type: 'button', class: 'link-button', onclick: () => openFilm(id) }, titled(film(id))),
      h('span', { class: 'seen__score' }, 'seen'),
      h('button', { type: 'button', class: 'icon-button', 'aria-label': `Unmark ${film(id).title} as seen`,
        onclick: () => unmarkSeen(id) }, '×')))));
}

/** Wires the filter form; returns a function that writes the state into it (and the choices met so far). */
export function filters(store, { aspects, genres }) {
  const form = document.getElementById('filters');
  const aspect = document.getElementById('aspect');
  const genre = document.getElementById('genre');
  const minYear = document.getElementById('min-year');
  const maxYear = document.getElementById('max-year');
  const error = document.getElementById('filter-error');

  const year = (input) => (input.value.trim() === '' ? null : Number.parseInt(input.value, 10));

  function apply() {
    const from = year(minYear);
    const to = year(maxYear);
    if (from != null && to != null && from > to) {
      error.textContent = '“From” must not be after “To”.';
      error.hidden = false;
      minYear.setAttribute('aria-invalid', 'true');
      return;
    }
    error.hidden = true;
    minYear.removeAttribute('aria-invalid');
    store.setFilters({ aspect: aspect.value, genre: genre.value.trim(), minYear: from, maxYear: to });
  }

  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => { e.preventDefault(); apply(); });
  document.getElementById('clear-filters').addEventListener('click', () => {
    form.reset();
    apply();
  });

  return function write(state) {
    const names = new Set([...aspects, state.aspect].filter(Boolean));
    mount(aspect, h('option', { value: '' }, 'Everything (overall score)'),
      [...names].sort().map((a) => h('option', { value: a }, a.charAt(0).toUpperCase() + a.slice(1))));
    aspect.value = state.aspect;
    mount(document.getElementById('genre-options'), [...genres].sort().map((g) => h('option', { value: g })));
    if (document.activeElement !== genre) genre.value = state.genre;
    if (document.activeElement !== minYear) minYear.value = state.minYear ?? '';
    if (document.activeElement !== maxYear) maxYear.value = state.maxYear ?? '';
  };
}
