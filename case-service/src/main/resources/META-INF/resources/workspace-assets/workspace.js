// Progressive enhancement of the workspace. Without this script every form still works as a plain POST.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

initAll();

// Answers save as soon as they are chosen (and notes when the inspector leaves them): the same form is posted with
// fetch, asking for JSON. A refusal (409 someone else saved first, 422 bad input) submits the form normally, so the
// server renders the GOV.UK error summary or the conflict with the other person's answer, exactly as without script.
for (const form of document.querySelectorAll('form.pip-answer')) {
  const status = form.querySelector('.pip-save__status');
  const version = form.querySelector('input[name="version"]');
  let last = new URLSearchParams(new FormData(form)).toString();
  async function save() {
    const body = new URLSearchParams(new FormData(form));
    if (!body.get('answer') || body.toString() === last) {
      return;
    }
    status.textContent = 'Saving…';
    let response;
    try {
      response = await fetch(form.action, {
        method: 'POST', body, credentials: 'same-origin',
        // X-Requested-With: an ended session answers 499 (no redirect a script cannot follow); the form then
        // submits normally, through sign-in.
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded',
          'X-Requested-With': 'JavaScript' }
      });
    } catch (e) {
      status.textContent = 'Not saved: the connection failed. Press Save to try again.';
      return;
    }
    if (response.ok) {
      const saved = await response.json();
      version.value = saved.version;
      body.set('version', saved.version);
      last = body.toString();
      const hint = form.querySelector('.govuk-hint[id$="-status"]');
      if (hint) {
        hint.textContent = 'Saved: ' + ({ YES: 'Yes', NO: 'No', NOT_APPLICABLE: 'Not applicable' }[saved.answer])
          + ', by ' + saved.recordedBy;
      }
      status.textContent = 'Saved';
      form.dataset.version = saved.version;
    } else if (response.status === 409 || response.status === 422 || response.status === 499) {
      form.submit();
    } else {
      status.textContent = 'Not saved (' + response.status + '). Press Save to try again.';
    }
  }
  form.addEventListener('change', event => {
    if (event.target.name === 'answer' || event.target.name === 'note') {
      save();
    }
  });
}
