// Runs at the start of <body>: lets GOV.UK Frontend styles know JavaScript is available (kept out of
// an inline script so the Content Security Policy can forbid inline scripts).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
