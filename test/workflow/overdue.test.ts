// `npm run overdue` on the other-province fixture: per level, the units not submitted after their
// deadline at the given date, with the team that follows them up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixture, type Fixture } from "../check/fixture.js";
import { runScript } from "./helpers.js";

describe("npm run overdue", () => {
  let fx: Fixture;
  beforeAll(() => {
    fx = makeFixture();
    fx.edit("units.yaml", "    authority: Ủy ban nhân dân tỉnh Mẫu\n", '    authority: Ủy ban nhân dân tỉnh Mẫu\n    team: "@so-ldtbxh-mau/so-ldtbxh"\n');
    fx.edit("units.yaml", "    authority: Ủy ban nhân dân huyện Sơn Khê\n", '    authority: Ủy ban nhân dân huyện Sơn Khê\n    team: "@so-ldtbxh-mau/ubnd-son-khe"\n');
  });
  afterAll(() => fx.cleanup());

  it("lists, per level, the units past their deadline with their team", () => {
    const r = runScript("overdue", ["--data", "data", "--as-of", "2018-09-03"], fx.root);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Tính đến ngày 03/9/2018");
    expect(r.stdout).toContain("### Cấp tỉnh — thời hạn 05/9/2018\n\nChưa đến hạn (còn 2 ngày).");
    expect(r.stdout).toContain("3/5 xã quá hạn 34 ngày, chưa nộp báo cáo.");
    expect(r.stdout).toContain("| 00130 | Thị trấn Sơn Khê | Huyện Sơn Khê | Đang soạn | @so-ldtbxh-mau/ubnd-son-khe |");
    expect(r.stdout).toContain("| 00136 | Xã Nà Hẩu | Huyện Sơn Khê | Chưa có tệp báo cáo | @so-ldtbxh-mau/ubnd-son-khe |");
    // The department without a report is followed up by the province's team (owner of data/).
    expect(r.stdout).toContain("| ban-dan-toc | Ban Dân tộc | Tỉnh Mẫu | Chưa có tệp báo cáo | @so-ldtbxh-mau/so-ldtbxh |");
    expect(r.stdout).not.toContain("| 00123 |");
  });

  it("refuses a date not written year-month-day", () => {
    const r = runScript("overdue", ["--data", "data", "--as-of", "3/9/2018"], fx.root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("--as-of phải có dạng năm-tháng-ngày");
  });
});
