// Injected first into every page the browser check loads: records what goes wrong while the
// page loads, for check.js to collect. It changes nothing on the page.
(function () {
  var problems = [];
  window.__courseProblems = problems;
  var consoleError = console.error;
  console.error = function () {
    problems.push('console error: ' + Array.prototype.join.call(arguments, ' '));
    return consoleError.apply(console, arguments);
  };
  window.addEventListener('error', function (event) {
    var element = event.target;
    if (element && element !== window && element.tagName) {
      problems.push('failed to load <' + element.tagName.toLowerCase() + '> ' + (element.src || element.href || ''));
    } else {
      problems.push('script error: ' + event.message + ' (' + event.filename + ':' + event.lineno + ')');
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    problems.push('unhandled promise rejection: ' + event.reason);
  });
})();
