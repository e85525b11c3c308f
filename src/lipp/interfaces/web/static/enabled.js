// Loaded at the top of the body: tells GOV.UK Frontend's CSS that scripts run (no inline script, for the CSP).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
