// The console's one script: countdowns tick down between page loads (from the server's own "now",
// so a simulated clock shows its own time), and charts are drawn with uPlot from the JSON the page
// embeds. No inline script: the Content-Security-Policy allows only the console's own files.
export const CONSOLE_JS = `(function () {
  'use strict';
  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent || 'null'); } catch (e) { return null; }
  }
  var words = readJson('console-words');
  function duration(ms) {
    var total = Math.floor(Math.abs(ms) / 1000);
    var parts = [[Math.floor(total / 86400), words.day], [Math.floor((total % 86400) / 3600), words.hour],
      [Math.floor((total % 3600) / 60), words.minute], [total % 60, words.second]];
    var first = -1;
    for (var i = 0; i < parts.length; i++) { if (parts[i][0] > 0) { first = i; break; } }
    if (first === -1) return '0 ' + words.second;
    var out = [];
    for (var j = first; j < Math.min(first + 2, parts.length); j++) {
      if (j > first && parts[j][0] === 0) continue;
      if (j === 3 && first < 2) continue;
      out.push(parts[j][0] + ' ' + parts[j][1]);
    }
    return out.join(' ');
  }
  var loadedAt = Date.now();
  var counters = document.querySelectorAll('.countdown[data-due-ms][data-now-ms]');
  function tick() {
    for (var i = 0; i < counters.length; i++) {
      var el = counters[i];
      var now = Number(el.getAttribute('data-now-ms')) + (el.getAttribute('data-live') === '1' ? Date.now() - loadedAt : 0);
      var left = Number(el.getAttribute('data-due-ms')) - now;
      el.textContent = (left >= 0 ? words.in : words.overdueBy).replace('{duration}', duration(left));
      if (left < 0) el.classList.add('overdue');
    }
  }
  if (words && counters.length > 0) { tick(); setInterval(tick, 1000); }

  var charts = readJson('chart-data');
  if (charts && typeof uPlot === 'function') {
    var colours = ['#2456c7', '#18794e', '#b42318', '#8a5a00', '#6b3fa0', '#00798c'];
    var holders = document.querySelectorAll('.chart[data-chart]');
    for (var k = 0; k < holders.length; k++) {
      var holder = holders[k];
      var chart = charts[holder.getAttribute('data-chart')];
      if (!chart || chart.x.length === 0) continue;
      var series = [{}];
      var data = [chart.x];
      for (var s = 0; s < chart.series.length; s++) {
        series.push({ label: chart.series[s].label, stroke: colours[s % colours.length], width: 2,
          points: { show: chart.points === true } });
        data.push(chart.series[s].values);
      }
      var width = Math.max(300, holder.clientWidth - 16);
      var lang = document.documentElement.lang || 'en';
      var days = new Intl.DateTimeFormat(lang, { timeZone: chart.timeZone, day: 'numeric', month: 'short' });
      var hours = new Intl.DateTimeFormat(lang, { timeZone: chart.timeZone, hour: '2-digit', minute: '2-digit' });
      var full = new Intl.DateTimeFormat(lang, { timeZone: chart.timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
      // Ticks in the reader's language: the date at midnight, else the hour.
      var ticks = function (u, splits) {
        return splits.map(function (ts) {
          var hour = hours.format(new Date(ts * 1000));
          return /^0?0[:.]00$/.test(hour) || /^24[:.]00$/.test(hour) ? days.format(new Date(ts * 1000)) : hour;
        });
      };
      series[0] = { label: chart.xLabel || '', value: function (u, ts) { return ts == null ? '' : full.format(new Date(ts * 1000)); } };
      var axes = [{ values: ticks }, { label: chart.yLabel || '' }];
      var scales = chart.yMax ? { y: { range: [0, chart.yMax] } } : {};
      // Ticks fall on the reader's midnights and hours, not UTC's.
      var zone = chart.timeZone || 'UTC';
      new uPlot({ title: chart.title, width: width, height: 220, series: series, axes: axes, scales: scales,
        tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), zone); } }, data, holder);
      holder.setAttribute('data-drawn', 'true');
    }
  }
})();
`;
