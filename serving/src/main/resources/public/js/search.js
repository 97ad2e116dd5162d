// The reviewer search box: an ARIA 1.2 combobox with a list box. Type to search, ↑/↓ to move, Enter to choose,
// Escape to close (a second Escape clears the text).
import * as api from './api.js';
import { debounce, h, mount } from './dom.js';

export function reviewerSearch({ onChoose, isTrusted, onUnavailable }) {
  const input = document.getElementById('reviewer-search');
  const list = document.getElementById('reviewer-options');
  const status = document.getElementById('reviewer-search-status');
  let items = [];
  let active = -1;
  let controller;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === index)));
    if (index >= 0 && list.children[index]) {
      input.setAttribute('aria-activedescendant', list.children[index].id);
      list.children[index].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function choose(index) {
    const chosen = items[index];
    if (!chosen) return;
    close();
    onChoose(chosen);
  }

  function render(q) {
    if (items.length === 0) {
      mount(list, h('li', { class: 'combo__empty', role: 'option', 'aria-disabled': 'true', id: 'reviewer-none' },
        `No reviewer matches “${q}”.`));
      status.textContent = `No reviewer matches ${q}.`;
    } else {
      mount(list, items.map((r, i) => h('li', {
        id: `reviewer-option-${i}`, role: 'option', class: 'combo__option', 'aria-selected': 'false',
        dataset: { reviewerId: r.id },
        onmousedown: (e) => e.preventDefault(),
        onclick: () => choose(i),
      },
      h('span', { class: 'combo__name' }, r.name),
      h('span', { class: 'combo__meta' },
        [r.role, `${r.n_reviews} ${r.n_reviews === 1 ? 'review' : 'reviews'}`].filter(Boolean).join(' · ')),
      isTrusted(r.id) ? h('span', { class: 'badge badge--trusted' }, 'Trusted') : null)));
      status.textContent = `${items.length} ${items.length === 1 ? 'reviewer' : 'reviewers'} found.`;
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
  }

  const search = debounce(async () => {
    const q = input.value.trim();
    controller?.abort();
    if (!q) {
      close();
      return;
    }
    controller = new AbortController();
    try {
      items = await api.searchReviewers(q, controller.signal);
      if (input.value.trim() === q) render(q);
    } catch (e) {
      if (e.name === 'AbortError') return;
      items = [];
      mount(list, h('li', { class: 'combo__empty', role: 'option', 'aria-disabled': 'true', id: 'reviewer-error' },
        e.unavailable ? 'The service is not ready yet.' : `Search failed: ${e.message}`));
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      if (e.unavailable) onUnavailable(e);
    }
  }, 150);

  input.addEventListener('input', search);
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && items.length > 0;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (list.hidden) search();
      else if (open) highlight((active + 1) % items.length);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) highlight(active <= 0 ? items.length - 1 : active - 1);
    } else if (e.key === 'Enter') {
      if (open) {
        e.preventDefault();
        choose(active >= 0 ? active : 0);
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        close();
      } else {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return { focus: () => input.focus() };
}
