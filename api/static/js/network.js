// The network view of an official's page: the people met at events, drawn as a small SVG with a
// force layout (no library). Data comes from <script id="network-data" type="application/json">.
(function () {
  "use strict";
  var holder = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!holder || !source) return;
  var data = JSON.parse(source.textContent);
  if (!data.nodes || !data.nodes.length) return;
  var NS = "http://www.w3.org/2000/svg";
  var svg = holder.querySelector("svg");
  holder.hidden = false;
  // Lay out in the drawn size, so that labels keep their real size on a phone.
  var W = Math.max(300, Math.min(800, Math.round(svg.getBoundingClientRect().width) || 600));
  var H = W < 500 ? 340 : 400;
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  var R = Math.min(W, H) * 0.34;
  var nodes = [{ id: data.center.id, label: data.center.label, href: data.center.href, weight: 0, center: true }]
    .concat(data.nodes);
  var maxWeight = Math.max.apply(null, data.nodes.map(function (n) { return n.weight || 1; }));
  nodes.forEach(function (n, i) {
    var angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, nodes.length - 1);
    n.x = n.center ? W / 2 : W / 2 + R * Math.cos(angle);
    n.y = n.center ? H / 2 : H / 2 + R * Math.sin(angle);
    n.vx = 0; n.vy = 0;
  });
  // Spring to the centre (shorter for more shared events), repulsion between all nodes.
  for (var step = 0; step < 300; step++) {
    var cool = 1 - step / 300;
    for (var i = 0; i < nodes.length; i++) {
      for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j];
        var dx = b.x - a.x, dy = b.y - a.y, d2 = dx * dx + dy * dy + 0.01, d = Math.sqrt(d2);
        var f = 2500 / d2;
        a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
      }
    }
    var c = nodes[0];
    nodes.slice(1).forEach(function (n) {
      var want = R * (1.15 - 0.45 * ((n.weight || 1) / maxWeight));
      var dx = n.x - c.x, dy = n.y - c.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
      var f = 0.05 * (d - want);
      n.vx -= f * dx / d; n.vy -= f * dy / d;
    });
    nodes.forEach(function (n) {
      if (n.center) { n.x = W / 2; n.y = H / 2; n.vx = n.vy = 0; return; }
      n.x = Math.min(W - 12, Math.max(12, n.x + n.vx * cool));
      n.y = Math.min(H - 24, Math.max(24, n.y + n.vy * cool));
      n.vx *= 0.5; n.vy *= 0.5;
    });
  }
  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    parent.appendChild(e);
    return e;
  }
  var g = el("g", { "class": "network" }, svg);
  nodes.slice(1).forEach(function (n) {
    el("line", { x1: nodes[0].x, y1: nodes[0].y, x2: n.x, y2: n.y, "stroke-width": 1 + 3 * (n.weight || 1) / maxWeight }, g);
  });
  nodes.forEach(function (n) {
    var link = el("a", { href: n.href }, g);
    el("title", {}, link).textContent = n.label + (n.center ? "" : " (" + n.weight + ")");
    el("circle", { cx: n.x, cy: n.y, r: n.center ? 11 : 7, "class": n.center ? "center" : "" }, link);
    // The official's name above the centre; the others on the side away from it.
    var side = n.x < W / 2 - 20 ? "end" : n.x > W / 2 + 20 ? "start" : "middle";
    var dx = side === "end" ? -11 : side === "start" ? 11 : 0;
    var dy = n.center ? -17 : side === "middle" ? (n.y < H / 2 ? -12 : 22) : 4;
    var t = el("text", { x: n.x + dx, y: n.y + dy, "text-anchor": side }, link);
    t.textContent = n.label;
  });
  // Keep every label inside the drawing: shift those that overflow an edge.
  Array.prototype.forEach.call(g.querySelectorAll("text"), function (t) {
    var box = t.getBBox();
    var shift = box.x < 2 ? 2 - box.x : box.x + box.width > W - 2 ? W - 2 - box.x - box.width : 0;
    if (shift) t.setAttribute("x", parseFloat(t.getAttribute("x")) + shift);
  });
})();
