// The fixture site's HTML, read as text: counts, escaping, relative links, downloads, and that
// the site code names no place.

import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { dirname, join, posix, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitCsv } from "../../scripts/lib/site/data-files.js";
import type { StatusCounts, UnitPage } from "../../scripts/lib/site/model.js";
import { type BuiltFixture, buildFixture } from "./build-fixture.js";
import { indexModel } from "../../scripts/lib/site/views-common.js";
import { unitView } from "../../scripts/lib/site/views-unit.js";
import { EVIL_IMG, EVIL_SCRIPT, fixtureModel } from "./fixture-model.js";

let site: BuiltFixture;
const read = (p: string) => readFile(join(site.dir, p), "utf8");

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith(".html")) out.push(relative(site.dir, join(e.parentPath, e.name)));
  }
  return out.filter((p) => !p.startsWith("tai-lieu/") && !p.startsWith("pagefind/"));
}

/** Counts computed here from the units, independently of the model's own counts. */
function expected(units: UnitPage[]): Omit<StatusCounts, "submitted"> {
  const n = (t: string) => units.filter((u) => u.timeliness === t).length;
  return {
    total: units.length, on_time: n("on_time"), late: n("late"), not_yet: n("not_yet"), missing: n("missing"),
    approved: units.filter((u) => u.status === "da_duyet").length,
  };
}

function countsInRow(html: string, attr: string): Record<string, number> {
  const row = new RegExp(`<tr ${attr}>([\\s\\S]*?)</tr>`).exec(html)?.[1];
  expect(row, attr).toBeDefined();
  const out: Record<string, number> = {};
  for (const m of row!.matchAll(/data-count="(\w+)">(\d+)</g)) out[m[1]!] = Number(m[2]);
  return out;
}

beforeAll(async () => {
  site = await buildFixture();
  console.log(`fixture site built in ${Math.round(site.ms)} ms\n  ${site.log.join("\n  ")}`);
});
afterAll(async () => {
  if (site) await rm(site.base, { recursive: true, force: true });
});

describe("home page", () => {
  it("shows per-level counts equal to those computed from the units", async () => {
    const html = await read("index.html");
    for (const level of site.model.levels) {
      const units = site.model.units.filter((u) => u.level === level.id);
      expect(countsInRow(html, `data-level="${level.id}"`)).toEqual(expected(units));
    }
  });

  it("shows per-district progress of the children", async () => {
    const html = await read("index.html");
    const districts = site.model.units.filter((u) => u.level === "district");
    expect(districts.length).toBe(2);
    for (const d of districts) {
      const kids = site.model.units.filter((u) => u.parent === d.code);
      expect(countsInRow(html, `data-unit="${d.code}"`)).toEqual(expected(kids));
    }
  });

  it("lists the overdue units with links, and the as-of date", async () => {
    const html = await read("index.html");
    const overdue = site.model.units.filter((u) => u.timeliness === "missing");
    expect(overdue.length).toBeGreaterThan(0);
    for (const u of overdue) expect(html).toContain(`href="don-vi/${u.code}/index.html"`);
    expect(html).toContain("10/8/2018");
    expect(html).toContain("Quá hạn 10 ngày");
  });
});

describe("escaping", () => {
  it("never emits the hostile strings as live markup", async () => {
    for (const p of await htmlFiles(site.dir)) {
      const html = await read(p);
      expect(html, p).not.toContain(EVIL_SCRIPT);
      expect(html, p).not.toMatch(/<img\b/i);
      expect(html, p).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      // The only script element is our deferred bundle.
      const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]);
      expect(scripts, p).toHaveLength(1);
      expect(scripts[0], p).toMatch(/^<script defer src="(\.\.\/)*static\/main-[\w-]+\.js">$/);
    }
  });

  it("shows them as text where they occur", async () => {
    const unit = await read("don-vi/90103/index.html");
    expect(unit).toContain("Xã Bình &lt;script&gt;alert(1)&lt;/script&gt;");
    const report = await read("don-vi/90102/index.html");
    expect(report).toContain("&lt;img src=x onerror=alert(1)&gt;"); // markdown-it, html: false
    const about = await read("gioi-thieu/index.html");
    expect(about).toContain("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;"); // Handlebars
    expect(await read("ke-hoach/index.html")).toContain("&lt;img src&#x3D;x");
    expect(EVIL_IMG).toContain("onerror");
  });
});

describe("links", () => {
  it("are relative and resolve to files of the site", async () => {
    for (const p of await htmlFiles(site.dir)) {
      const html = await read(p);
      expect(html, p).toMatch(/^<!doctype html>\s*<html lang="vi">/);
      for (const m of html.matchAll(/<(a|link|script)\b[^>]*?\s(href|src)="([^"]*)"[^>]*>/g)) {
        const [tag, , , url] = m as unknown as [string, string, string, string];
        if (url.startsWith("data:") || url.startsWith("#")) continue;
        if (/^https?:/.test(url)) {
          expect(tag, p).toContain('rel="external"');
          continue;
        }
        expect(url, `${p}: ${url}`).not.toMatch(/^\/|^[a-z]+:/i);
        const target = posix.normalize(posix.join(posix.dirname(p), url.replace(/[?#].*$/, "")));
        expect(target.startsWith(".."), `${p}: ${url}`).toBe(false);
        expect(existsSync(join(site.dir, target)), `${p} links to missing ${target}`).toBe(true);
      }
    }
  });

  it("carries unit names as link text on a district's children list", async () => {
    const html = await read("don-vi/901/index.html");
    expect(html).toContain('<a href="../../don-vi/90102/index.html">Xã Đông Phong</a>');
  });
});

describe("unit pages in the reader's order", () => {
  it("puts status, dates, verdict and downloads before the children, the numbers and the report", async () => {
    const html = await read("don-vi/901/index.html");
    const at = (s: string) => { const i = html.indexOf(s); expect(i, s).toBeGreaterThan(-1); return i; };
    expect(at('id="h-status"')).toBeLessThan(at('class="verdict'));
    expect(at('class="verdict')).toBeLessThan(at('id="tai-ve"'));
    expect(at('id="tai-ve"')).toBeLessThan(at('id="h-children"'));
    expect(at('id="h-children"')).toBeLessThan(at('id="h-key"'));
    expect(at('id="h-key"')).toBeLessThan(at('id="bao-cao"'));
  });

  it("opens the report with a table of contents linking its sections", async () => {
    const html = await read("don-vi/90101/index.html");
    expect(html).toContain('<li class="toc-2"><a href="#muc-1">I. KẾT QUẢ THỰC HIỆN</a></li>');
    expect(html).toContain('<h2 id="muc-1">I. KẾT QUẢ THỰC HIỆN</h2>');
    expect(html).toContain('<h2 id="muc-2">II. ĐỀ XUẤT, KIẾN NGHỊ</h2>');
  });

  it("links “Sửa báo cáo này” to the report file and “Báo lỗi” to a new issue, from the project's repository", async () => {
    const html = await read("don-vi/90101/index.html");
    expect(html).toContain('<a href="https://github.com/vi-du/tinh-mau/edit/main/data/reports/90101.yaml" rel="external">Sửa báo cáo này</a>');
    expect(html).toMatch(/<a href="https:\/\/github\.com\/vi-du\/tinh-mau\/issues\/new\?title(=|&#x3D;)B%C3%A1o%20l%E1%BB%97i%3A%20Th%E1%BB%8B%20tr%E1%BA%A5n%20%C4%90%E1%BB%93ng%20H%C6%B0ng%20\(m%C3%A3%2090101\)&amp;body(=|&#x3D;)[^"]+" rel="external">Báo lỗi<\/a>/);
    // No report file yet: nothing to edit, a mistake can still be reported.
    const none = await read("don-vi/90103/index.html");
    expect(none).not.toContain("Sửa báo cáo này");
    expect(none).toContain(">Báo lỗi</a>");
  });

  it("leaves both links out when the project names no repository", () => {
    const model = fixtureModel();
    model.project.repository = null;
    const ix = indexModel(model, { js: "static/main.js", css: [] });
    const view = unitView(ix, ix.units.get("90101")!, { charts: false }) as { edit: unknown };
    expect(view.edit).toBeNull();
  });

  it("draws the charts the catalogue lists, in its order, titled as it says before the unit's name", () => {
    const model = fixtureModel();
    model.unit_charts = [
      { chart: "bien_dong", title: "Biến động hộ nghèo" },
      { chart: "ty_le", title: "Tỷ lệ nghèo qua các kỳ" },
    ];
    const ix = indexModel(model, { js: "static/main.js", css: [] });
    const u = ix.units.get("901")!;
    const view = unitView(ix, u, { charts: true }) as { charts: { title: string }[] };
    expect(view.charts.map((c) => c.title)).toEqual([`Biến động hộ nghèo – ${u.name}`, `Tỷ lệ nghèo qua các kỳ – ${u.name}`]);
  });

  it("labels the documents of a unit without a report as a blank template", async () => {
    const none = await read("don-vi/90103/index.html");
    expect(none).toContain("Mẫu báo cáo để trống – Văn bản Word (DOCX)");
    expect(none).toContain("đây là mẫu, không phải báo cáo");
    const done = await read("don-vi/90101/index.html");
    expect(done).not.toContain("Mẫu báo cáo để trống");
  });

  it("describes a unit page by its status and poverty figures for link previews", async () => {
    const html = await read("don-vi/90101/index.html");
    expect(html).toMatch(/<meta name="description" content="Thị trấn Đồng Hưng \(Huyện Đồng Hưng\): Nộp đúng hạn, đã duyệt\. Tỷ lệ hộ nghèo 30\/6\/2018: 2,54%\. Giảm [^"]+ Số liệu minh họa, không phải số liệu chính thức\.">/);
  });

  it("describes every page for link previews (meta description, Open Graph)", async () => {
    for (const p of await htmlFiles(site.dir)) {
      const html = await read(p);
      expect(html, p).toMatch(/<meta name="description" content="[^"]{20,}">/);
      expect(html, p).toMatch(/<meta property="og:title" content="[^"]+">/);
      expect(html, p).toMatch(/<meta property="og:description" content="[^"]+">/);
    }
  });
});

describe("maps", () => {
  it("draws one set of outlines for both colourings, with place names and counts in the legend", async () => {
    const html = await read("index.html");
    const defs = [...html.matchAll(/<path id="(map-home-g-[^"]+)" d="/g)].map((m) => m[1]);
    expect(defs.sort()).toEqual(["map-home-g-901", "map-home-g-902"]);
    for (const kind of ["status", "rate"]) {
      const fig = html.slice(html.indexOf(`data-kind="${kind}"`), html.indexOf("</figure>", html.indexOf(`data-kind="${kind}"`)));
      expect([...fig.matchAll(/<use href="#(map-home-g-[^"]+)"/g)].map((m) => m[1]).sort(), kind).toEqual(defs);
      expect(fig, kind).not.toContain("<path");
      expect(fig, kind).toContain(">Đồng Hưng");
    }
    // Huyện Đồng Hưng submitted on time; Thị xã Mẫu Sơn is still drafting before its deadline.
    expect(html).toContain('<use href="#map-home-g-901" class="m-on_time">');
    expect(html).toContain('<use href="#map-home-g-902" class="m-not_yet">');
    expect(html).toContain("Nộp đúng hạn (1)</li>");
    expect(html).toContain("Chưa nộp, còn hạn (1)</li>");
    expect(html).toContain("Quá hạn chưa nộp (0)</li>");
  });
});

describe("indicator pages", () => {
  it("give the definition, unit, aggregation rule and source from the catalogue, the values by unit, and downloads", async () => {
    const html = await read("chi-so/ty_le_ho_ngheo/index.html");
    expect(html).toContain("<h1>Tỷ lệ hộ nghèo</h1>");
    expect(html).toContain("Số hộ nghèo / tổng số hộ dân cư × 100.");
    expect(html).toContain("<dt>Cách tổng hợp lên cấp trên</dt><dd>Tính lại từ số đã cộng.</dd>");
    expect(html).toContain("<dt>Nguồn số liệu</dt><dd>Chương trình tự tính; in ở Biểu B01.</dd>");
    expect(html).toContain('href="../../data/chi-so/ty_le_ho_ngheo.excel-vi.csv"');
    expect(await read("chi-so/index.html")).toContain('<a href="../chi-so/ty_le_ho_ngheo/index.html">Tỷ lệ hộ nghèo</a>');
    expect(await read("chi-so/ho_ngheo/index.html")).toContain("Ghi chú nhập tay: &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;");
    const csv = await read("data/chi-so/ty_le_ho_ngheo.csv");
    expect(csv).toContain("\r\n90101,Thị trấn Đồng Hưng,Cấp xã,baseline,Cuối năm 2015,4.00\r\n");
  });
});

describe("data downloads and search aids", () => {
  it("writes each unit's values as CSV in two variants (BOM, unit code, Vietnamese periods, rounded), and JSON", async () => {
    const csv = await read("data/90101.csv");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Chỉ tiêu,Đơn vị tính,Mã kỳ,Kỳ,Giá trị");
    expect(csv).toContain("90101,Thị trấn Đồng Hưng,ho_ngheo,Số hộ nghèo,hộ,baseline,Cuối năm 2015,98\r\n");
    // 98 ÷ 2450 × 100 = 4.0 exactly; 84 ÷ 2462 × 100 = 3.41186… rounds to the indicator's 2 decimals.
    expect(csv).toContain(",ty_le_ho_ngheo,Tỷ lệ hộ nghèo,%,y2016,Cuối năm 2016,3.41\r\n");
    const vi = await read("data/90101.excel-vi.csv");
    expect(vi.charCodeAt(0)).toBe(0xfeff);
    expect(vi.slice(1).split("\r\n")[0]).toBe("Mã đơn vị;Tên đơn vị;Mã chỉ tiêu;Chỉ tiêu;Đơn vị tính;Mã kỳ;Kỳ;Giá trị");
    expect(vi).toContain('="90101";Thị trấn Đồng Hưng;ty_le_ho_ngheo;Tỷ lệ hộ nghèo;%;y2016;Cuối năm 2016;3,41\r\n');
    const row = { indicator: "x", name: 'Vốn "đối ứng", địa phương; khác', unit: "triệu đồng", period: "y2017", period_label: "Năm 2017", decimals: 1, value: -1234.56 };
    expect(unitCsv({ code: "1", name: "=A1" }, [row])).toContain(`1,"'=A1",x,"Vốn ""đối ứng"", địa phương; khác",triệu đồng,y2017,Năm 2017,-1234.6\r\n`);
    expect(unitCsv({ code: "1", name: "A" }, [row], "excel-vi")).toContain(`="1";A;x;"Vốn ""đối ứng"", địa phương; khác";triệu đồng;y2017;Năm 2017;-1234,6\r\n`);
    const json = JSON.parse(await read("data/901.json")) as { unit: { code: string }; values: unknown[] };
    expect(json.unit.code).toBe("901");
    expect(json.values.length).toBeGreaterThan(0);
  });

  it("adds folded names for diacritic-free search, and marks pages for indexing", async () => {
    const html = await read("don-vi/901/index.html");
    // The same names as metadata, so that result passages can leave them out (site/excerpt.ts).
    expect(html).toContain('<p hidden data-pagefind-meta="fold:huyen dong hung tinh mau"><span data-pagefind-weight="8">huyen dong hung</span> <span data-pagefind-weight="0.5">tinh mau</span></p>');
    expect(html).toContain("data-pagefind-body");
    expect(await read("tim-kiem/index.html")).not.toContain("data-pagefind-body");
    // The library comes with the first bundle the client loads (search-index.ts).
    expect(existsSync(join(site.dir, "pagefind", "site", "pagefind.js"))).toBe(true);
  });

  it("shows the illustrative notice on pages with numbers", async () => {
    for (const p of ["index.html", "chi-so/index.html", "don-vi/901/index.html", "don-vi/90101/index.html"]) {
      expect(await read(p), p).toContain("Số liệu minh họa, không phải số liệu chính thức.");
    }
  });
});

describe("site code", () => {
  it("names no place: names come from data", async () => {
    const root = join(dirname(new URL(import.meta.url).pathname), "..", "..");
    const names = /Phú Thọ|Phu Tho|Việt Trì|Đoan Hùng|Tỉnh Mẫu|Đồng Hưng|Mẫu Sơn/i;
    for (const dir of ["scripts/lib/site", "templates/site", "site"]) {
      for (const e of await readdir(join(root, dir), { withFileTypes: true, recursive: true })) {
        if (!e.isFile()) continue;
        const text = await readFile(join(e.parentPath, e.name), "utf8");
        expect(text, `${dir}/${e.name}`).not.toMatch(names);
      }
    }
  });
});
