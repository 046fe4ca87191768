import fs from 'node:fs';
import path from 'node:path';
import type { Report } from '../report/types';
import type { FilePatch } from '../runner/run';
import { readinessOf } from './readiness';

/**
 * One self-contained review page: diff2html's CSS and browser bundle inlined, the run's report and
 * patches as JSON in the page, rendered by a small script (no network request, works from file://).
 */
function asset(rel: string): string {
  return fs.readFileSync(path.join(path.dirname(require.resolve('diff2html/package.json')), rel), 'utf8');
}

/** JSON that can sit inside a <script> element: `</script` and `<!--` cannot end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A script's text inlined: only `</script` could end the element. */
function inlineScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2328; background: #f6f8fa; }
header, main { padding: 12px 24px; }
header { background: #fff; border-bottom: 1px solid #d0d7de; position: sticky; top: 0; z-index: 5; }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 17px; margin: 24px 0 8px; }
table.summary, table.readiness { border-collapse: collapse; background: #fff; margin: 8px 0; }
table.summary td, table.summary th, table.readiness td, table.readiness th { border: 1px solid #d0d7de; padding: 3px 8px; text-align: left; }
.filters { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0; }
.filters button, .views button { border: 1px solid #d0d7de; background: #fff; border-radius: 12px; padding: 2px 10px; cursor: pointer; }
.filters button.active, .views button.active { background: #0969da; color: #fff; border-color: #0969da; }
article.file { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; margin: 10px 0; }
article.file > h3 { font: 600 13px ui-monospace, monospace; margin: 0; padding: 8px 12px; border-bottom: 1px solid #d0d7de; }
.badge { display: inline-block; font: 11px system-ui; border-radius: 10px; padding: 0 7px; margin-left: 6px; background: #eaeef2; }
.badge.error, .badge.withheld, .verdict-open { background: #ffebe9; color: #a40e26; }
.badge.changed, .verdict-fixed { background: #dafbe1; color: #116329; }
.verdict-ready { color: #116329; } .verdict-not-checked { color: #656d76; }
ul.items { margin: 6px 12px; padding-left: 18px; }
.d2h-wrapper .d2h-file-header { display: none; }
tr.hl td, td.hl { background: #fff8c5 !important; }
.hidden { display: none !important; }
`;

const SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('shipshape-data').textContent);
  var view = 'side-by-side';
  var active = { transform: null, service: null };
  function render() {
    document.querySelectorAll('article.file').forEach(function (el) {
      var target = el.querySelector('.diff');
      var patch = data.patches[el.dataset.path];
      if (!target || !patch) return;
      target.innerHTML = Diff2Html.html(patch, { outputFormat: view, drawFileList: false, matching: 'lines' });
    });
  }
  function applyFilters() {
    document.querySelectorAll('article.file').forEach(function (el) {
      var t = !active.transform || (' ' + el.dataset.transforms + ' ').indexOf(' ' + active.transform + ' ') >= 0;
      var s = !active.service || el.dataset.service === active.service;
      el.classList.toggle('hidden', !(t && s));
    });
    document.querySelectorAll('section.service').forEach(function (sec) {
      var s = !active.service || sec.dataset.service === active.service;
      sec.classList.toggle('hidden', !s);
    });
    document.querySelectorAll('.filters button').forEach(function (b) {
      var kind = b.dataset.filter;
      b.classList.toggle('active', (b.dataset.value || null) === active[kind]);
    });
  }
  document.querySelectorAll('.filters button').forEach(function (b) {
    b.addEventListener('click', function () {
      active[b.dataset.filter] = b.dataset.value || null;
      applyFilters();
    });
  });
  document.querySelectorAll('.views button').forEach(function (b) {
    b.addEventListener('click', function () {
      view = b.dataset.view;
      document.querySelectorAll('.views button').forEach(function (x) { x.classList.toggle('active', x === b); });
      render();
    });
  });
  // A manual item or a check's evidence goes to its line in the diff: lines are those of the files on
  // disk after the run, so the old side of a dry run's diff and the new side after --write.
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest && ev.target.closest('a.line-link');
    if (!a) return;
    var file = document.getElementById(a.dataset.file);
    if (!file) return;
    ev.preventDefault();
    file.classList.remove('hidden');
    document.querySelectorAll('.hl').forEach(function (x) { x.classList.remove('hl'); });
    var line = a.dataset.line;
    var hit = null;
    if (line) {
      var num = data.side === 'new' ? '.line-num2' : '.line-num1';
      file.querySelectorAll(num + ', .d2h-code-side-linenumber').forEach(function (n) {
        if (hit || n.textContent.trim() !== line) return;
        if (n.classList.contains('d2h-code-side-linenumber')) {
          var panes = n.closest('.d2h-files-diff');
          var pane = data.side === 'new' ? panes.lastElementChild : panes.firstElementChild;
          if (n.closest('.d2h-file-side-diff') !== pane) return;
        }
        hit = n.closest('tr');
      });
    }
    (hit || file).classList.add('hl');
    (hit || file).scrollIntoView({ block: 'center' });
  });
  render();
  applyFilters();
})();
`;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fileId(p: string): string {
  return `file-${p.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function lineLink(file: string, line: number | undefined, text: string): string {
  return `<a class="line-link" href="#${fileId(file)}" data-file="${fileId(file)}"${line ? ` data-line="${line}"` : ''}>${esc(text)}</a>`;
}

/** Lists a service's verification results whatever their shape (the verify step owns it). */
function verificationHtml(v: unknown): string {
  if (v === undefined || v === null) return '';
  const rows = Array.isArray(v) ? v : typeof v === 'object' ? Object.entries(v as object).map(([k, x]) => ({ check: k, result: x })) : [{ result: v }];
  const text = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  return `<h4>Verification</h4><ul class="items verification">${rows.map((r: any) => `<li>${r && typeof r === 'object' && r.path ? lineLink(r.path, r.line, `${r.path}${r.line ? `:${r.line}` : ''}`) + ' ' : ''}${esc(text(r))}</li>`).join('')}</ul>`;
}

export function formatHtml(report: Report, patches: FilePatch[]): string {
  const byPath: Record<string, string> = {};
  for (const p of patches) byPath[p.path] = p.patch;
  const readiness = readinessOf(report, patches);
  const services = report.services?.length ? report.services : [{ name: '(root)', path: '', changed: report.summary.changed, errors: report.summary.errors, manual: report.summary.manual, changes: report.summary.changes }];
  const transforms = report.transforms;
  const verb = report.mode === 'write' ? 'changed' : 'would change';
  const s = report.summary;

  const summaryRows = services
    .map((x: any) => `<tr><td>${esc(x.name)}</td><td>${x.changed}</td><td>${x.errors}</td><td>${x.manual}</td>${transforms.map((t) => `<td>${x.changes?.[t] ?? 0}</td>`).join('')}</tr>`)
    .join('');
  const summaryTable = `<table class="summary"><thead><tr><th>service</th><th>${verb}</th><th>failed</th><th>manual</th>${transforms.map((t) => `<th>${esc(t)}</th>`).join('')}</tr></thead><tbody>${summaryRows}</tbody></table>`;
  const filterButtons = (kind: string, values: string[]) =>
    `<div class="filters" data-kind="${kind}"><span>${kind}:</span><button data-filter="${kind}" data-value="">all</button>${values.map((v) => `<button data-filter="${kind}" data-value="${esc(v)}">${esc(v)}</button>`).join('')}</div>`;

  const sections = services.map((svc: any) => {
    const files = report.files.filter((f) => (f.service ?? '(root)') === svc.name);
    const checks = readiness.find((r) => r.service === svc.name)?.checks ?? [];
    const readinessTable = `<table class="readiness"><thead><tr><th>concern</th><th>verdict</th><th>evidence</th></tr></thead><tbody>${checks
      .map(
        (c) =>
          `<tr><td>${esc(c.concern)}</td><td class="verdict-${c.verdict}">${esc(c.summary)}</td><td>${c.evidence.map((e) => lineLink(e.path, e.line, `${e.path}${e.line ? `:${e.line}` : ''}`) + ` ${esc(e.note)}`).join('<br>')}</td></tr>`,
      )
      .join('')}</tbody></table>`;
    const articles = files
      .map((f) => {
        const touched = [...new Set([...Object.keys(f.changes), ...f.manual.map((m) => m.transform), ...Object.keys(f.suppressed ?? {})])];
        const items = f.manual.map((m) => `<li>${lineLink(f.path, m.line || undefined, `line ${m.line || '—'}`)} <span class="badge">${esc(m.transform)}</span> ${esc(m.message)}</li>`);
        if (f.error) items.unshift(`<li><strong>${esc(f.status)}</strong>: ${esc(f.error)}</li>`);
        if (f.reason) items.unshift(`<li>${esc(f.status)}: ${esc(f.reason)}</li>`);
        const changes = Object.entries(f.changes).map(([t, n]) => `${t} ${n}`).join(', ');
        return `<article class="file" id="${fileId(f.path)}" data-path="${esc(f.path)}" data-service="${esc(svc.name)}" data-transforms="${esc(touched.join(' '))}" data-status="${esc(f.status)}"><h3>${esc(f.path)}<span class="badge ${esc(f.status)}">${esc(f.created ? 'created' : f.status)}</span>${changes ? `<span class="badge">${esc(changes)}</span>` : ''}</h3>${items.length ? `<ul class="items">${items.join('')}</ul>` : ''}${byPath[f.path] ? '<div class="diff"></div>' : ''}</article>`;
      })
      .join('');
    return `<section class="service" data-service="${esc(svc.name)}"><h2>${esc(svc.name)}${svc.path ? ` <small>${esc(svc.path)}</small>` : ''}</h2>${readinessTable}${verificationHtml(svc.verification)}${articles || '<p>No file changed or needs review.</p>'}</section>`;
  });

  const headline = `${s.files} files scanned, ${s.changed} ${verb}, ${s.errors} failed, ${s.skipped} skipped, ${s.manual} manual-review items (${report.mode} run)`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>shipshape review</title>
<style>${asset('bundles/css/diff2html.min.css')}</style><style>${STYLE}</style></head>
<body><header><h1>shipshape review</h1><div>${esc(headline)}</div>
${filterButtons('transform', transforms)}${filterButtons('service', services.map((x: any) => x.name))}
<div class="views">diff: <button data-view="side-by-side" class="active">side by side</button><button data-view="line-by-line">unified</button></div></header>
<main><h2>Summary</h2>${summaryTable}${sections.join('\n')}</main>
<script type="application/json" id="shipshape-data">${scriptJson({ patches: byPath, side: report.mode === 'write' ? 'new' : 'old' })}</script>
<script>${inlineScript(asset('bundles/js/diff2html.min.js'))}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
