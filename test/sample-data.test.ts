// The bundled illustrative data a reader can believe: it agrees with every published figure
// (data/published.yaml), ethnic-minority shares follow the districts (mountain districts high,
// the city low), compiling units sign after the reports they compile, and the narrative fits the
// unit and its own figures.
import { beforeAll, describe, expect, it } from "vitest";
import { rollUp } from "../scripts/lib/aggregate/roll-up.js";
import { check as runCheck } from "../scripts/lib/pipeline.js";
import type { Dataset } from "../scripts/lib/model/dataset.js";
import { REPO, SCHEMAS } from "./check/fixture.js";

let ds: Dataset;
beforeAll(() => {
  const r = runCheck({ dataDir: `${REPO}/data`, schemaDir: SCHEMAS, cwd: REPO });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  ds = r.dataset!;
});

const reportOf = (code: string) => ds.reports.find((r) => r.report.unit === code)?.report;
const lowestUnder = (code: string) => [...ds.units.values()].filter((u) => u.parent === code && u.level === "commune");
const policy = (id: string) => ds.catalogue.indicators.find((i) => i.id === id)?.policy !== undefined;
const sumOver = (codes: string[], id: string, p: string) => codes.reduce((s, c) => s + ((reportOf(c)?.values[id]?.[p] as number | undefined) ?? 0), 0);

describe("published figures", () => {
  it("every district's declared figures and its communes' sum are the published ones, and so is the province", () => {
    const pub = ds.published!;
    expect(Object.keys(pub.units).length).toBeGreaterThan(0);
    let households = 0;
    let checked = 0;
    for (const [code, row] of Object.entries(pub.units)) {
      // Where every commune filed a complete report, the communes add up to it too.
      const communes = lowestUnder(code).map((u) => u.code);
      const complete = communes.every((c) => ["da_nop", "da_duyet"].includes(reportOf(c)?.status ?? ""));
      for (const [id, want] of [["ho_dan_cu", row.households], ["ho_ngheo", row.poor], ["ho_can_ngheo", row.near_poor]] as const) {
        if (complete) expect(sumOver(communes, id, pub.period), `${code} ${id}: communes' sum`).toBe(want);
        const declared = reportOf(code)?.values[id]?.[pub.period];
        if (declared !== null) expect(declared, `${code} ${id}: declared (a draft may leave it out)`).toBe(want);
      }
      households += row.households;
      checked += complete ? 1 : 0;
    }
    expect(reportOf(ds.project.root)?.values.ho_dan_cu?.[pub.period]).toBe(households);
    expect(checked, "some districts with every commune filed").toBeGreaterThan(0);
  });

  it("ethnic-minority shares follow the district: the highest in the district given the highest share, the lowest in the lowest", () => {
    const rows = Object.entries(ds.published!.units).filter(([, r]) => r.minority_share !== undefined);
    const share = (code: string) => (reportOf(code)!.values.ho_dan_cu_dtts!.baseline as number) / (reportOf(code)!.values.ho_dan_cu!.baseline as number);
    const byGiven = [...rows].sort((a, b) => a[1].minority_share! - b[1].minority_share!);
    const byDrawn = [...rows].sort((a, b) => share(a[0]) - share(b[0]));
    expect(byDrawn.at(-1)![0]).toBe(byGiven.at(-1)![0]);
    expect(share(byGiven[0]![0])).toBeLessThan(0.05);
    expect(share(byGiven.at(-1)![0])).toBeGreaterThan(0.5);
  });
});

describe("dates", () => {
  it("the province signs on or after its deadline; every district after each of its communes", () => {
    const root = reportOf(ds.project.root)!;
    expect(root.document.date! >= "2018-09-05").toBe(true);
    for (const d of [...ds.units.values()].filter((u) => u.level === "district")) {
      const date = reportOf(d.code)?.document.date;
      if (!date) continue;
      for (const c of lowestUnder(d.code)) {
        const cd = reportOf(c.code)?.document.date;
        if (cd) expect(cd <= date, `${c.code} (${cd}) after ${d.code} (${date})`).toBe(true);
      }
    }
  });

  it("every document, submission and approval is dated on a working day: no Saturday, Sunday or day off", () => {
    const off = ds.project.days_off ?? [];
    expect(off, "Quốc khánh 2018 and its day in lieu are declared").toEqual(expect.arrayContaining(["2018-09-02", "2018-09-03"]));
    let seen = 0;
    for (const r of ds.reports) {
      for (const [field, iso] of [["document.date", r.report.document.date], ["submitted_on", r.report.submitted_on], ["approved_on", r.report.approved_on]] as const) {
        if (!iso) continue;
        const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6 || off.includes(iso), `${r.report.unit} ${field} ${iso}`).toBe(false);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(500);
  });
});

describe("households", () => {
  it("grow by less in the half-year to 30/6/2018 than in either full year, in every territory unit; yearly steps vary", () => {
    const periods = ds.project.periods;
    let seen = 0;
    let unequal = 0;
    for (const u of ds.units.values()) {
      if (ds.levels.get(u.level)?.kind !== "territory") continue;
      const hh = periods.map((p) => reportOf(u.code)?.values.ho_dan_cu?.[p.id]);
      if (!hh.every((h): h is number => typeof h === "number")) continue;
      const steps = periods.map((p, i) => ({ years: p.years, step: i > 0 ? hh[i]! - hh[i - 1]! : 0 })).slice(1);
      const half = steps.filter((x) => x.years > 0 && x.years < 1);
      const years = steps.filter((x) => x.years === 1);
      expect(half.length, "a half-year period").toBeGreaterThan(0);
      for (const h of half) for (const y of years) expect(h.step, `${u.code} ${u.name}: half-year step vs a year's`).toBeLessThan(y.step);
      if (new Set(years.map((y) => y.step)).size > 1) unequal++;
      seen++;
    }
    expect(seen).toBeGreaterThan(250);
    expect(unequal / seen, "yearly steps differ in most units").toBeGreaterThan(0.8);
  });
});

describe("narrative", () => {
  const text = (code: string) => Object.values(reportOf(code)?.narrative ?? {}).join("\n");
  it("no department gives targets to villages or runs a steering committee; no town lives off farming and forestry", () => {
    for (const u of ds.units.values()) {
      if (!reportOf(u.code)) continue;
      if (u.level === "department") {
        expect(text(u.code)).not.toMatch(/từng thôn, khu|kiện toàn Ban chỉ đạo/);
      }
      if (u.area === "thanh_thi") expect(text(u.code), u.name).not.toMatch(/nông, lâm nghiệp/);
    }
  });

  it("a department speaks only of what it runs: infrastructure only if it chairs a component that builds it", () => {
    for (const u of ds.units.values()) {
      if (u.level !== "department" || !reportOf(u.code)) continue;
      // The body that chairs people's participation states its Biểu 08 figures, community works among them.
      const builds = (u.chairs ?? []).some((c) => c.startsWith("DA1") || c.startsWith("DA2") || c === "tham_gia");
      if (!builds) expect(text(u.code), u.name).not.toMatch(/hạ tầng|công trình/);
    }
  });

  it("on schedule only with a high disbursement rate, consensus only with a high satisfaction rate; no form cited in prose", () => {
    for (const r of ds.reports) {
      const t = Object.values(r.report.narrative).join("\n");
      const rate = /giải ngân cơ bản đạt yêu cầu \((\d+),(\d+)% /.exec(t);
      if (rate) expect(Number(rate[1])).toBeGreaterThanOrEqual(90);
      expect(t).not.toMatch(/đúng tiến độ/);
      const agree = /đồng thuận, tích cực tham gia \((\d+),\d+% /.exec(t);
      if (agree) expect(Number(agree[1])).toBeGreaterThanOrEqual(70);
      expect(t).not.toMatch(/Biểu số/);
    }
  });
});

describe("Biểu 07: money per beneficiary a reader can believe, at every level", () => {
  // triệu đồng per beneficiary: [money, beneficiaries, low, high].
  const RATIOS: [string, string[], number, number][] = [
    ["kinh_phi_bhyt", ["the_bhyt_nguoi_ngheo", "the_bhyt_dtts_vung_kho_khan", "nguoi_can_ngheo_ho_tro_bhyt"], 0.45, 0.8],
    ["doanh_so_cho_vay", ["luot_ho_vay_von"], 30, 50],
    ["kinh_phi_nha_o", ["ho_ngheo_ho_tro_nha_o"], 25, 40],
    ["kinh_phi_tien_dien", ["ho_ho_tro_tien_dien"], 0.5, 0.6],
  ];
  const filed = (code: string) => ["da_nop", "da_duyet"].includes(reportOf(code)?.status ?? "");
  const filedCommunes = () => [...ds.units.values()].filter((u) => u.level === "commune" && filed(u.code)).map((u) => u.code);
  const ratio = (codes: string[], money: string, counts: string[], p: string) => sumOver(codes, money, p) / counts.reduce((s, id) => s + sumOver(codes, id, p), 0);

  it("in every filed commune, and summed over a district's and the province's communes", () => {
    const communes = filedCommunes();
    const groups = [...communes.map((c) => [c]), ...[...ds.units.values()].filter((u) => u.level === "district").map((d) => lowestUnder(d.code).map((u) => u.code).filter(filed)), communes];
    let seen = 0;
    for (const codes of groups) {
      for (const [money, counts, lo, hi] of RATIOS) {
        for (const p of ["y2016", "y2017", "mid2018"]) {
          if (!(sumOver(codes, money, p) > 0)) continue;
          const r = ratio(codes, money, counts, p);
          expect(r, `${codes.length === 1 ? codes[0] : `${codes.length} communes`} ${money} ${p}`).toBeGreaterThanOrEqual(lo - 0.01);
          expect(r, `${codes.length === 1 ? codes[0] : `${codes.length} communes`} ${money} ${p}`).toBeLessThanOrEqual(hi + 0.01);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(1000);
  });

  it("a department's figures are as of its own date and, with money of its own, only its own share", () => {
    let seen = 0;
    let own = 0;
    for (const u of ds.units.values()) {
      const r = u.level === "department" ? reportOf(u.code) : undefined;
      if (!r) continue;
      // Never a commune's report received after the department's own date (a draft: the root's date).
      const at = r.document.date ?? reportOf(ds.project.root)!.document.date!;
      const inHand = filedCommunes().filter((c) => reportOf(c)!.submitted_on! <= at);
      const funded = r.finance.some((f) => u.chairs?.some((x) => f.component === x || f.component.startsWith(`${x}.`)));
      for (const [id, byP] of Object.entries(r.values)) {
        // A policy is the department's record for the whole province (the next test).
        if (policy(id)) continue;
        for (const [p, v] of Object.entries(byP)) {
          if (typeof v !== "number") continue;
          const all = sumOver(inHand, id, p);
          expect(v, `${u.code} ${id} ${p}`).toBeLessThanOrEqual(all);
          // Outputs of its own money: a share of the province's, not all of it.
          if (funded && all > 20) {
            expect(v, `${u.code} ${id} ${p}: its own projects, not the province's`).toBeLessThan(all);
            own++;
          }
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    expect(own).toBeGreaterThan(10);
  });

  it("a policy a department reports is its figure for the whole province: never below the province's sum of its districts, nor of every commune that wrote a report; Sở Y tế and BHXH tỉnh agree", () => {
    const province = rollUp(ds).figures.get(ds.project.root)!;
    const communes = [...ds.units.values()].filter((u) => u.level === "commune").map((u) => u.code);
    let seen = 0;
    for (const u of [...ds.units.values()].filter((x) => x.level === "department")) {
      for (const [id, byP] of Object.entries(reportOf(u.code)?.values ?? {})) {
        if (!policy(id)) continue;
        for (const [p, v] of Object.entries(byP)) {
          if (typeof v !== "number") continue;
          expect(v, `${u.code} ${id} ${p}: the districts' sum`).toBeGreaterThanOrEqual(province.rolled?.[id]?.[p] ?? 0);
          expect(v, `${u.code} ${id} ${p}: every commune's report`).toBeGreaterThanOrEqual(sumOver(communes, id, p));
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(50);
    // One policy, one figure: the two bodies following health insurance report the same.
    const health = ds.catalogue.indicators.filter((i) => i.policy === "y_te").map((i) => i.id);
    expect(health.length).toBeGreaterThan(0);
    for (const id of health) expect(reportOf("so-yt")?.values[id], id).toEqual(reportOf("bhxh")?.values[id]);
  });

  it("the province takes each policy a department keeps for the whole province from that department's report", () => {
    const province = rollUp(ds).figures.get(ds.project.root)!;
    const keepers = [...ds.units.values()].filter((u) => u.source_of?.length);
    expect(keepers.map((u) => u.code)).toEqual(expect.arrayContaining(["bhxh", "so-gddt", "mttq", "nhcsxh"]));
    for (const u of keepers) {
      for (const ind of ds.catalogue.indicators.filter((i) => i.policy && u.source_of!.includes(i.policy))) {
        expect(province.adopted[ind.id], ind.id).toBe(u.code);
        expect(province.effective[ind.id], ind.id).toEqual(reportOf(u.code)?.values[ind.id]);
      }
    }
  });
});

describe("Biểu 04, 06, 08: money and outputs a provincial officer would believe", () => {
  const communes = () => [...ds.units.values()].filter((u) => u.level === "commune" && reportOf(u.code)).map((u) => u.code);
  const total = (codes: string[], id: string) => ["y2016", "y2017", "mid2018"].reduce((s, p) => s + sumOver(codes, id, p), 0);
  const moneyOf = (codes: string[], component: string) => codes.flatMap((c) => reportOf(c)!.finance).filter((f) => f.component === component || f.component.startsWith(`${component}.`)).reduce((s, f) => s + f.disbursed, 0);

  it("works handed to or proposed by the community are a share of the new works, in every commune and period", () => {
    let seen = 0;
    for (const c of communes()) {
      for (const p of ["y2016", "y2017", "mid2018"]) {
        const works = reportOf(c)!.values.cong_trinh_ha_tang_moi?.[p];
        for (const id of ["cong_trinh_giao_cong_dong", "cong_trinh_cong_dong_de_xuat"]) {
          const v = reportOf(c)!.values[id]?.[p];
          if (typeof v !== "number") continue;
          expect(v, `${c} ${id} ${p}`).toBeLessThanOrEqual(typeof works === "number" ? works : 0);
          seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(500);
    const all = communes();
    expect(total(all, "cong_trinh_giao_cong_dong")).toBeLessThan(0.6 * total(all, "cong_trinh_ha_tang_moi"));
  });

  it("a province supports a few dozen value chains, not hundreds", () => {
    const chains = total(communes(), "chuoi_gia_tri_duoc_ho_tro");
    expect(chains).toBeGreaterThan(0);
    expect(chains).toBeLessThanOrEqual(60);
  });

  it("outputs only where the component has money, at a believable cost per work, model and class", () => {
    const all = communes();
    for (const c of all) {
      const r = reportOf(c)!;
      if (r.finance.some((f) => f.component === "DA3")) continue;
      expect(total([c], "mo_hinh_sinh_ke_da3"), `${c}: Dự án 3 models without Dự án 3 money`).toBe(0);
    }
    // triệu đồng per output, summed over the province's communes: [component, output, low, high].
    const COSTS: [string, string, number, number][] = [
      ["DA2.TDA1", "cong_trinh_ha_tang_moi", 100, 600],
      ["DA2.TDA2", "mo_hinh_sinh_ke", 40, 250],
      ["DA3", "mo_hinh_sinh_ke_da3", 40, 250],
      ["DA2.TDA3", "lop_tap_huan", 5, 40],
      ["DA5.TDA1", "lop_tap_huan_da5", 5, 40],
    ];
    for (const [component, output, lo, hi] of COSTS) {
      const perUnit = moneyOf(all, component) / total(all, output);
      expect(perUnit, `${component} per ${output}`).toBeGreaterThanOrEqual(lo);
      expect(perUnit, `${component} per ${output}`).toBeLessThanOrEqual(hi);
    }
    const trainees = total(all, "luot_nguoi_tap_huan") / total(all, "lop_tap_huan");
    expect(trainees).toBeGreaterThanOrEqual(15);
    expect(trainees).toBeLessThanOrEqual(40);
  });

  it("of the loans and the households given livelihood support, the poor are the largest group, the newly non-poor the smallest", () => {
    const all = communes();
    for (const [poor, near, left] of [["luot_ho_ngheo_vay_von", "luot_ho_can_ngheo_vay_von", "luot_ho_moi_thoat_ngheo_vay_von"], ["ho_ngheo_duoc_ho_tro_sinh_ke_da3", "ho_can_ngheo_duoc_ho_tro_sinh_ke_da3", "ho_moi_thoat_ngheo_duoc_ho_tro_sinh_ke_da3"]] as const) {
      expect(total(all, poor), poor).toBeGreaterThan(total(all, near));
      expect(total(all, near), near).toBeGreaterThan(total(all, left));
    }
  });

  it("the plan money rises over the period instead of repeating one year's figure", () => {
    const plans = ds.reports.map((r) => r.report).filter((r) => r.finance.length);
    const byYear = (p: string) => plans.flatMap((r) => r.finance).filter((f) => f.period === p).reduce((s, f) => s + f.plan, 0);
    expect(byYear("y2017")).toBeGreaterThan(byYear("y2016"));
    const same = plans.filter((r) => {
      const year = (p: string) => r.finance.filter((f) => f.period === p).reduce((s, f) => s + f.plan, 0);
      return year("y2016") === year("y2017");
    });
    expect(same.length, same.map((r) => r.unit).join(", ")).toBeLessThan(plans.length / 20);
  });
});

describe("departments: who signs and what they say", () => {
  const text = (code: string) => Object.values(reportOf(code)?.narrative ?? {}).join("\n");
  const departments = () => [...ds.units.values()].filter((u) => u.level === "department" && reportOf(u.code));

  it("a body led by a collective signs for it (TM. BAN THƯỜNG TRỰC), the others through their head", () => {
    const fronts = departments().filter((u) => u.collective);
    expect(fronts.length).toBeGreaterThan(0);
    for (const u of departments()) {
      const s = reportOf(u.code)!.document.signer!;
      if (u.collective) {
        expect(s.authority).toBe(`TM. ${u.collective.toLocaleUpperCase("vi")}`);
        expect(["CHỦ TỊCH", "PHÓ CHỦ TỊCH"]).toContain(s.position);
      } else expect(s.authority).toBe("");
    }
  });

  it("only state agencies guide the localities; the bank states its own loans, turnover and balance as its Biểu 07 prints them", () => {
    for (const u of departments()) {
      if (["chi nhánh", "cơ quan", "đoàn thể"].includes(u.type)) expect(text(u.code), u.name).not.toMatch(/hướng dẫn[^.;]*các địa phương/);
    }
    const bank = departments().find((u) => u.chairs?.includes("tin_dung") && u.type === "chi nhánh")!;
    const v = reportOf(bank.code)!.values;
    const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const sum = (id: string) => ["y2016", "y2017", "mid2018"].reduce((s, p) => s + (v[id]![p] as number), 0);
    expect(text(bank.code)).toContain(`${fmt(sum("luot_ho_vay_von"))} lượt hộ`);
    expect(text(bank.code)).toContain(`${fmt(sum("doanh_so_cho_vay"))} triệu đồng`);
    expect(text(bank.code)).toContain(`tại 30/6/2018 là ${fmt(v.du_no_cho_vay!.mid2018 as number)} triệu đồng`);
  });

  it("a department with no money and no policy of its own does not claim money figures in its report", () => {
    const policyChair = (code: string) => ds.catalogue.indicators.some((i) => i.policy && ds.units.get(code)!.chairs?.includes(i.policy));
    const idle = departments().filter((u) => !(reportOf(u.code)!.finance ?? []).length && !policyChair(u.code));
    expect(idle.length).toBeGreaterThan(0);
    for (const u of idle) {
      expect(text(u.code), u.name).not.toContain("tổng hợp trong báo cáo này");
      expect(text(u.code), u.name).toMatch(/không có số liệu về vốn|số liệu giải ngân do các đơn vị được giao vốn báo cáo/);
    }
  });
});
