// Where the site keeps each unit's input workbook (written by workbooks.ts, linked from the unit page).
export const WORKBOOK_DIR = "bieu-nhap-lieu";
export const workbookPath = (code: string) => `${WORKBOOK_DIR}/${code}.xlsx`;
