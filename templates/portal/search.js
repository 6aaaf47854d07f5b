// 门户网站的事项搜索：按事项名称、部门或申请材料名称边输入边查找。
// 索引为本站的 data/search.json（相对于网站根目录，无需服务器程序）；
// 以 file:// 打开时使用页面中内嵌的同一份索引。不向任何外部地址发请求。
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  if (!input || !status || !list) return;
  var MAX = 50;
  var items = null;

  function norm(s) {
    return String(s || "").toLowerCase().replace(/\s+/g, "");
  }

  function prepare(data) {
    items = (data.items || []).map(function (it) {
      return {
        item: it,
        name: norm(it.name),
        dept: norm(it.department),
        kind: norm(it.kind),
        materials: (it.materials || []).map(norm)
      };
    });
    run();
  }

  function embedded() {
    var el = document.getElementById("search-data");
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function load() {
    if (location.protocol === "http:" || location.protocol === "https:") {
      fetch(root + "data/search.json", { credentials: "same-origin" })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(prepare)
        .catch(function () { var d = embedded(); if (d) prepare(d); else status.textContent = "搜索索引无法载入。"; });
    } else {
      var d = embedded();
      if (d) prepare(d); else status.textContent = "搜索索引无法载入。";
    }
  }

  // Every word of the query must occur in the name, department, kind or a material.
  function match(entry, words) {
    var hits = [];
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (entry.name.indexOf(w) >= 0 || entry.dept.indexOf(w) >= 0 || entry.kind.indexOf(w) >= 0) continue;
      var found = false;
      for (var k = 0; k < entry.materials.length; k++) {
        if (entry.materials[k].indexOf(w) >= 0) {
          found = true;
          if (hits.indexOf(k) < 0) hits.push(k);
        }
      }
      if (!found) return null;
    }
    return hits;
  }

  function run() {
    var q = input.value.trim();
    while (list.firstChild) list.removeChild(list.firstChild);
    if (!q) { status.textContent = ""; return; }
    if (!items) { status.textContent = "正在载入索引……"; return; }
    var words = q.toLowerCase().split(/\s+/).filter(Boolean);
    var found = 0;
    for (var i = 0; i < items.length; i++) {
      var hits = match(items[i], words);
      if (hits === null) continue;
      found++;
      if (found > MAX) continue;
      var it = items[i].item;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + it.url;
      a.textContent = it.name;
      li.appendChild(a);
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = it.department + " · " + it.kind;
      li.appendChild(where);
      if (hits.length) {
        var m = document.createElement("span");
        m.className = "where materials";
        m.textContent = "材料：" + hits.map(function (k) { return it.materials[k]; }).join("；");
        li.appendChild(m);
      }
      list.appendChild(li);
    }
    status.textContent = found === 0 ? "没有找到符合的事项。"
      : "找到 " + found + " 个事项" + (found > MAX ? "，显示前 " + MAX + " 个" : "") + "。";
  }

  input.addEventListener("input", run);
  if (location.hash === "#q") input.focus();
  load();
})();
