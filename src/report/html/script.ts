/**
 * The report's only script, inlined (the CSP allows exactly this text, by hash). It filters findings
 * and object sections by the data-* attributes the renderer wrote; it reads no text and never writes
 * HTML, only `hidden` and one counter's textContent.
 */
export const SCRIPT = `
(function () {
  var controls = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('[data-finding]'));
  var objects = Array.prototype.slice.call(document.querySelectorAll('[data-object-section]'));
  var counter = document.getElementById('findings-shown');
  function apply() {
    var wanted = {};
    controls.forEach(function (control) { wanted[control.getAttribute('data-filter')] = control.value; });
    var shown = 0;
    findings.forEach(function (item) {
      var match = Object.keys(wanted).every(function (key) {
        return wanted[key] === '' || item.getAttribute('data-' + key) === wanted[key];
      });
      item.hidden = !match;
      if (match) shown += 1;
    });
    objects.forEach(function (section) {
      section.hidden = Boolean(wanted.object) && section.getAttribute('data-object') !== wanted.object;
    });
    if (counter) counter.textContent = String(shown);
  }
  controls.forEach(function (control) { control.addEventListener('change', apply); });
  apply();
})();
`;
