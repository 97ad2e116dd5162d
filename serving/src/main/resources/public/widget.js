// Vouch widget loader, for sites:
//   <script src="https://vouch.example/widget.js" data-reviewer="reviews:ines-duarte" data-limit="5"></script>
// shows "If you trust Inès Duarte, watch…" cards right after the tag. It is a classic script on purpose: only a
// classic script has document.currentScript, which is how it finds its data-* attributes and the Vouch it came
// from. The widget itself is the ES module widget/vouch-widget.js, imported from that same Vouch; the site's origin
// must be allowed there (vouch serve --cors-origin), since both the module and the API answers are fetched with CORS.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) {
    return;
  }
  var base = new URL('.', script.src).href;
  var host = document.createElement('div');
  host.className = 'vouch-widget';
  script.parentNode.insertBefore(host, script.nextSibling);
  var options = { base: base, reviewer: script.dataset.reviewer || '', limit: script.dataset.limit };
  import(base + 'widget/vouch-widget.js')
    .then(function (widget) { widget.mount(host, options); })
    .catch(function () {
      // The module did not load (the site's origin is not allowed, or Vouch is down): say so, quietly.
      var note = document.createElement('p');
      note.setAttribute('role', 'status');
      note.textContent = 'Vouch suggestions are unavailable right now.';
      host.attachShadow({ mode: 'open' }).appendChild(note);
    });
})();
