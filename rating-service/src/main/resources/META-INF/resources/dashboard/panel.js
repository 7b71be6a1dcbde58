// The workspace's live provisional ratings panel: the inspection's ratings, then every change to them from the
// region's live stream. Both calls ride on the browser's session (cookie + X-Requested-With, the sign-in rule for a
// page's script); EventSource cannot send that header, so the stream is read with fetch. One table, rewritten in place.
(function () {
  const panel = document.getElementById('panel');
  const id = panel.dataset.inspection;
  const region = panel.dataset.region;
  const body = document.querySelector('#ratings tbody');
  const overall = document.getElementById('overall');
  const status = document.getElementById('status');
  const headers = { 'X-Requested-With': 'JavaScript' };
  const words = r => r ? r.charAt(0) + r.slice(1).toLowerCase().replace(/_/g, ' ') : 'Not rated';
  const previous = {};

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
    status.textContent = changed.join('. ');
  }

  function failed(code) {
    if (code === 499 || code === 401) {
      location.reload(); // the session ended: the page load signs in again
      return;
    }
    overall.textContent = 'The ratings could not be loaded (' + code + ').';
  }

  fetch('/inspections/' + encodeURIComponent(id) + '/ratings', { credentials: 'same-origin', headers })
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(render)
    .catch(failed);

  // Server-Sent Events over fetch: blocks separated by a blank line, "event:" and "data:" lines.
  async function listen(lastId) {
    let response;
    try {
      response = await fetch('/regions/' + encodeURIComponent(region) + '/ratings/stream', {
        credentials: 'same-origin',
        headers: Object.assign({ Accept: 'text/event-stream' }, headers, lastId ? { 'Last-Event-ID': lastId } : {})
      });
    } catch (e) {
      setTimeout(() => listen(lastId), 3000);
      return;
    }
    if (!response.ok) {
      failed(response.status);
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        let data = '';
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data += line.slice(5).trim();
          else if (line.startsWith('id:')) lastId = line.slice(3).trim();
        }
        if (name === 'rating' && data) {
          const ratings = JSON.parse(data);
          if (ratings.inspectionId === id) render(ratings);
        } else if (name === 'expired') {
          location.reload();
          return;
        }
      }
    }
    setTimeout(() => listen(lastId), 2000);
  }
  listen(null);
})();
