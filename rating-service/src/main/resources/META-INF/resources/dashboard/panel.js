// The workspace's live provisional ratings panel: the inspection's ratings, then every change to them from the
// region's live stream. Every call rides on the browser's session (cookie + X-Requested-With, the sign-in rule for a
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

  // The page arrives with its rows rendered (the wording of intervals and confidence is the server's, in one place);
  // a change re-reads them and says which standards moved.
  function ratingsNow() {
    const now = {};
    for (const tr of body.querySelectorAll('tr.panel-standard')) now[tr.id] = tr.dataset.rating;
    return now;
  }

  let reading = Promise.resolve();
  function refresh(ratings) {
    const o = ratings.overall || {};
    overall.textContent = 'Overall: ' + words(o.rating) + (o.maxScore ? ' (' + o.score + ' of ' + o.maxScore + ' points)' : '');
    reading = reading.then(() => fetch('/dashboard/panel/' + encodeURIComponent(id) + '/rows',
        { credentials: 'same-origin', headers, cache: 'no-store' }))
      .then(r => r.ok ? r.text() : Promise.reject(r.status))
      .then(html => {
        const before = ratingsNow();
        body.innerHTML = html; // escaped by the server's template
        const changed = [];
        for (const tr of body.querySelectorAll('tr.panel-standard')) {
          if (before[tr.id] !== undefined && before[tr.id] !== tr.dataset.rating) {
            tr.classList.add('panel-moved');
            changed.push(tr.querySelector('th').textContent + ' is now ' + words(tr.dataset.rating));
          }
        }
        status.textContent = changed.join('. ');
      })
      .catch(failed); // settled either way, so the next change is read
  }

  function failed(code) {
    if (code === 499 || code === 401) {
      location.reload(); // the session ended: the page load signs in again
      return;
    }
    overall.textContent = 'The ratings could not be loaded (' + code + ').';
  }

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
          if (ratings.inspectionId === id) refresh(ratings);
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
