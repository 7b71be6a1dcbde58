// GOV.UK Frontend's components switch on their JavaScript behaviour only when the body says scripts run.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
