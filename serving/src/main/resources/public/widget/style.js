// The widget's CSS, adopted only inside its shadow root. `all: initial` on the host stops the site's inherited
// styles (font, colour, line height) at the boundary; nothing here can reach the site's own elements.
// Colours meet WCAG AA on their backgrounds (same palette as the readers' page).
export const STYLE = `
:host { all: initial; display: block; contain: content; }
.vouch {
  --ink: #1f1b18; --ink-soft: #57504a; --line: #ddd4c8; --accent: #8c1d2f; --teal: #0d5f5f; --focus: #1d5fd1;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif;
  color: var(--ink); background: #f6f2ec; border-radius: 14px; padding: 16px; box-sizing: border-box;
}
.vouch *, .vouch *::before, .vouch *::after { box-sizing: border-box; }
.title { font: 600 1.25rem/1.2 Georgia, "DejaVu Serif", serif; margin: 0 0 12px; }
.status { margin: 0 0 8px; color: var(--ink-soft); }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr)); }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px; padding: 12px 14px; margin: 0; }
.card article { display: flex; flex-direction: column; gap: 6px; height: 100%; }
.film { font: 600 1.05rem/1.25 Georgia, "DejaVu Serif", serif; margin: 0; }
.film a { color: var(--ink); text-decoration: underline; text-decoration-color: var(--line); text-underline-offset: 3px; }
.film a:hover { text-decoration-color: var(--accent); }
.film a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.year { color: var(--ink-soft); font-weight: 400; }
.badge { align-self: flex-start; margin: 0; font-size: .75rem; font-weight: 700; letter-spacing: .04em;
  text-transform: uppercase; padding: 2px 8px; border-radius: 999px; color: var(--accent); background: #f6e4e6; }
.badge--predicted { color: var(--teal); background: #dff0ee; }
.score { margin: 0; color: var(--ink-soft); }
.score strong { color: var(--ink); font-size: 1.1rem; }
.why { margin: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
