// The workspace's live provisional ratings panel: the inspection's ratings, then every change to them from the
// region's live stream (EventSource: the browser's session cookie signs it in). One table, rewritten in place.
(function () {
  const panel = document.getElementById('panel');
  const id = panel.dataset.inspection;
  const region = panel.dataset.region;
  const body = document.querySelector('#ratings tbody');
  const overall = document.getElementById('overall');
  const status = document.getElementById('status');
  const words = r => r ? r.charAt(0) + r.slice(1).toLowerCase().replace(/_/g, ' ') : 'Not rated';
  let previous = {};

  function cell(tag, text, cls) {
    const el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    if (tag === 'th') el.scope = 'row';
    return el;
  }

  function render(ratings) {
    const o = ratings.overall || {};
    overall.textContent = 'Overall: ' + words(o.rating) + (o.maxScore ? ' (' + o.score + ' of ' + o.maxScore + ' points)' : '');
    const rows = [];
    const changed = [];
    for (const s of ratings.standards || []) {
      const tr = document.createElement('tr');
      tr.className = 'panel-standard';
      tr.id = 'standard-' + s.id;
      tr.append(cell('th', s.id + ' ' + s.name), cell('td', words(s.rating), 'panel-rating'));
      if (previous[s.id] !== undefined && previous[s.id] !== s.rating) {
        tr.classList.add('panel-moved');
        changed.push(s.id + ' ' + s.name + ' is now ' + words(s.rating));
      }
      previous[s.id] = s.rating;
      rows.push(tr);
      for (const q of s.keyQuestions || []) {
        const qr = document.createElement('tr');
        qr.id = 'kq-' + q.id;
        const figure = q.relevant ? q.yes + ' of ' + q.relevant + ' (' + q.percentage + '%)' : 'none relevant yet';
        qr.append(cell('th', q.id, 'panel-kq'), cell('td', figure, 'panel-figure'));
        rows.push(qr);
      }
    }
    body.replaceChildren(...rows);
    status.textContent = changed.length ? changed.join('. ') : '';
  }

  fetch('/inspections/' + encodeURIComponent(id) + '/ratings', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(render)
    .catch(code => { overall.textContent = 'The ratings could not be loaded (' + code + ').'; });

  const stream = new EventSource('/regions/' + encodeURIComponent(region) + '/ratings/stream', { withCredentials: true });
  stream.addEventListener('rating', event => {
    const ratings = JSON.parse(event.data);
    if (ratings.inspectionId === id) {
      render(ratings);
    }
  });
  stream.addEventListener('expired', () => { stream.close(); location.reload(); });
})();
